import { openApiDocument } from "@/lib/api/openapi";

/** The API's OpenAPI 3.1 document: public, the same for everyone, built once per process. */
export async function GET() {
  return Response.json(await openApiDocument(), {
    headers: { "Cache-Control": "public, max-age=300", "Access-Control-Allow-Origin": "*" },
  });
}
