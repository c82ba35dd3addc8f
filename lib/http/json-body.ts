export const MAX_JSON_BODY_BYTES = 16 * 1024;

export type JsonBodyRefusal = {
  ok: false;
  status: 400 | 413 | 415;
  error: string;
  /** The body was not read to its end: what is left of it would hold the connection (see bodyRefusal). */
  unread: boolean;
};
export type JsonBody = { ok: true; value: unknown } | JsonBodyRefusal;

/**
 * Reads a JSON request body, refusing a wrong content type (415) and anything over the limit
 * (413) without buffering more than the limit, whether or not Content-Length is declared.
 */
export async function readJsonBody(request: Request, maxBytes = MAX_JSON_BODY_BYTES): Promise<JsonBody> {
  const type = request.headers.get("content-type")?.split(";")[0].trim().toLowerCase();
  if (type !== "application/json")
    return { ok: false, status: 415, error: "Content-Type must be application/json", unread: true };
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > maxBytes) return { ok: false, status: 413, error: `Body over ${maxBytes} bytes`, unread: true };
  if (!request.body) return { ok: false, status: 400, error: "Empty body", unread: false };

  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      return { ok: false, status: 413, error: `Body over ${maxBytes} bytes`, unread: true };
    }
    chunks.push(value);
  }
  try {
    return { ok: true, value: JSON.parse(Buffer.concat(chunks).toString("utf8")) };
  } catch {
    return { ok: false, status: 400, error: "Body is not valid JSON", unread: false };
  }
}

/**
 * The answer to a refused body. When the body was left unread, the answer closes the connection
 * (`Connection: close`: Node ends the socket once the answer is sent). Kept open, Node would read
 * and discard the rest before the next request — forever, for a client that keeps sending chunks.
 */
export function bodyRefusal(refusal: JsonBodyRefusal): Response {
  return Response.json(
    { errors: { body: refusal.error } },
    { status: refusal.status, headers: refusal.unread ? { Connection: "close" } : undefined },
  );
}
