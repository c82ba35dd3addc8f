import { z } from "zod";

/** The machine-readable reasons of /api/v1's refusals; the message says the same for people. */
export const API_ERROR_CODES = [
  "invalid_request",
  "unauthorized",
  "forbidden",
  "not_found",
  "conflict",
  "rate_limited",
  "unavailable",
] as const;
export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

/** The one error shape of /api/v1, a schema so the OpenAPI document shows exactly what is sent. */
export const apiErrorSchema = z
  .object({
    error: z.object({
      code: z.enum(API_ERROR_CODES),
      message: z.string(),
      fields: z.record(z.string(), z.string()).optional(),
    }),
  })
  .meta({
    id: "Error",
    description:
      "Every refusal: `code` for programs, `message` in the language of Accept-Language (zh-CN unless English " +
      "is asked for), and `fields` naming each invalid input with its problem.",
  });
export type ApiErrorBody = z.infer<typeof apiErrorSchema>;

export function apiError(
  status: number,
  code: ApiErrorCode,
  message: string,
  options: { fields?: Record<string, string>; headers?: HeadersInit } = {},
): Response {
  const body: ApiErrorBody = { error: { code, message, ...(options.fields ? { fields: options.fields } : {}) } };
  const headers = new Headers(options.headers);
  headers.set("Cache-Control", "no-store");
  return Response.json(body, { status, headers });
}
