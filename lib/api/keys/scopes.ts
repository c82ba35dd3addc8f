/** What a key may do; an endpoint names the one scope it needs (lib/api/route.ts). */
export const API_SCOPES = ["inquiries:write", "leads:read", "leads:write", "listings:read"] as const;
export type ApiScope = (typeof API_SCOPES)[number];

export function isApiScope(value: string): value is ApiScope {
  return (API_SCOPES as readonly string[]).includes(value);
}

/** Who is calling an /api/v1 endpoint: the key, what it may do, and the one park it reaches (null: every park). */
export interface ApiCaller {
  keyId: string;
  name: string;
  scopes: ApiScope[];
  parkId: string | null;
}
