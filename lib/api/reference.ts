import "server-only";
import { publicUrl } from "../http/public-url";
import { openApiDocument } from "./openapi";
import { operationList, type ApiOperation, type ApiResource } from "./v1/operations";

/*
 * What the reference page (/developers/api) shows, read from the OpenAPI document itself, so the
 * page and the document say the same: each resource's operations with their parameters, body and
 * responses, a curl example against this site's address, and the shared schemas.
 */

type Schema = Record<string, unknown>;
interface DocumentedResponse {
  description: string;
  content?: { "application/json": { schema: Schema } };
}
interface DocumentedOperation {
  summary: string;
  description: string;
  parameters?: { name: string; in: string; required: boolean; description?: string; schema: Schema }[];
  requestBody?: { content: { "application/json": { schema: Schema } } };
  responses: Record<string, DocumentedResponse>;
}

const quoted = (text: string) => `'${text.replaceAll("'", "'\\''")}'`;

function curlOf(operation: ApiOperation): string {
  const lines = [
    `curl -X ${operation.method} ${quoted(publicUrl(operation.example.path))}`,
    `-H ${quoted("Authorization: Bearer plk_…")}`,
    ...Object.entries(operation.example.headers ?? {}).map(([name, value]) => `-H ${quoted(`${name}: ${value}`)}`),
  ];
  if (operation.example.body !== undefined) {
    lines.push(`-H ${quoted("Content-Type: application/json")}`);
    lines.push(`-d ${quoted(JSON.stringify(operation.example.body, null, 2))}`);
  }
  return lines.join(" \\\n  ");
}

export async function apiReferenceView() {
  const document = await openApiDocument();
  const resources = document.tags.map((tag) => ({
    name: tag.name as ApiResource,
    description: tag.description,
    operations: operationList
      .filter((operation) => operation.resource === tag.name)
      .map((operation) => {
        const documented = (document.paths[operation.path] as Record<string, DocumentedOperation>)[
          operation.method.toLowerCase()
        ];
        return {
          operationId: operation.operationId,
          method: operation.method,
          path: operation.path,
          scope: operation.scope,
          summary: documented.summary,
          description: documented.description,
          parameters: documented.parameters ?? [],
          body: documented.requestBody?.content["application/json"].schema ?? null,
          responses: Object.entries(documented.responses).map(([status, response]) => ({
            status,
            description: response.description,
            schema: response.content?.["application/json"].schema ?? null,
          })),
          curl: curlOf(operation),
        };
      }),
  }));
  return { resources, schemas: document.components.schemas as Record<string, Schema> };
}
