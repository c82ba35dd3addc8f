import { z } from "zod";

export const listingKinds = ["FACTORY", "OFFICE", "LAND"] as const;
export const deals = ["SALE", "LEASE"] as const;
export const listingSorts = ["newest", "area_asc", "area_desc", "price_asc", "price_desc"] as const;
export type ListingSort = (typeof listingSorts)[number];

const bound = z.coerce.number().finite().min(0).max(1e9);

/**
 * The catalogue's filters as they arrive in the URL. Each bad value is dropped on its own and
 * named back to the visitor, so a mistyped link still shows listings.
 */
const fields = {
  park: z.string().regex(/^[a-z0-9-]{1,60}$/),
  kind: z.enum(listingKinds),
  deal: z.enum(deals),
  minArea: bound,
  maxArea: bound,
  minPrice: bound,
  maxPrice: bound,
  sort: z.enum(listingSorts),
  page: z.coerce.number().int().min(1).max(10_000),
};

type Fields = typeof fields;
export type ListingFilter = { [K in keyof Fields]?: z.output<Fields[K]> };

export function parseListingFilter(params: Record<string, string | string[] | undefined>): {
  filter: ListingFilter;
  invalid: string[];
} {
  const filter: Record<string, unknown> = {};
  const invalid: string[] = [];
  for (const [name, schema] of Object.entries(fields)) {
    const raw = params[name];
    const value = Array.isArray(raw) ? raw[0] : raw;
    if (value === undefined || value.trim() === "") continue;
    const parsed = schema.safeParse(value.trim());
    if (parsed.success) filter[name] = parsed.data;
    else invalid.push(name);
  }
  return { filter: filter as ListingFilter, invalid };
}
