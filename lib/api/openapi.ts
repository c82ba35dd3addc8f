import { z } from "zod";
import { loadMessages, type Messages } from "../i18n/messages";
import { API_ERROR_CODES, apiErrorSchema } from "./errors";
import { API_SCOPES } from "./keys/scopes";
import { operationList, type ApiHeader, type ApiOperation } from "./v1/operations";

/*
 * The OpenAPI 3.1 document of /api/v1, generated from the operations table and the very zod
 * schemas the handlers parse with (io "input": request bodies, parameters) and answer with
 * (io "output": responses, the Error shape), so the document cannot drift from the code.
 * Titles and prose come from the apiReference catalogues, Chinese first, English second.
 */

type JsonSchema = Record<string, unknown>;
type Operation = Messages["apiReference"]["operations"][keyof Messages["apiReference"]["operations"]];

const COMPONENTS = "#/components/schemas/";
const ERROR_STATUS_CODE: Record<number, (typeof API_ERROR_CODES)[number]> = {
  400: "invalid_request",
  401: "unauthorized",
  403: "forbidden",
  404: "not_found",
  409: "conflict",
  429: "rate_limited",
  503: "unavailable",
};
/** Every operation may answer these, whatever it does. */
const COMMON_ERRORS = [401, 403, 429, 503] as const;

/**
 * Converts every named schema in one pass, so schemas with a meta id become shared components and
 * each conversion's references point at them.
 */
function convert(schemas: Record<string, z.ZodType>, io: "input" | "output") {
  const converted = z.toJSONSchema(z.object(schemas), {
    target: "draft-2020-12",
    io,
    unrepresentable: "throw",
    reused: "inline",
    cycles: "ref",
  }) as { properties: Record<string, JsonSchema>; $defs?: Record<string, JsonSchema> };
  const moved = JSON.parse(JSON.stringify(converted).replaceAll('"#/$defs/', `"${COMPONENTS}`)) as typeof converted;
  return { schemas: moved.properties, components: moved.$defs ?? {} };
}

function mergeComponents(into: Record<string, JsonSchema>, from: Record<string, JsonSchema>) {
  for (const [id, schema] of Object.entries(from)) {
    const earlier = into[id];
    if (earlier && JSON.stringify(earlier) !== JSON.stringify(schema))
      throw new Error(`Schema ${id} reads differently as a request and as a response: give each its own id`);
    into[id] = schema;
  }
}

const said = (zh: string, en: string) => `${zh} / ${en}`;

export async function buildOpenApiDocument() {
  const [zh, en] = await Promise.all([loadMessages("zh-CN"), loadMessages("en")]);
  const text = (pick: (messages: Messages["apiReference"]) => string) =>
    said(pick(zh.apiReference), pick(en.apiReference));
  const words = (operation: ApiOperation, pick: (words: Operation) => string) =>
    text((reference) => pick(reference.operations[operation.operationId as keyof typeof reference.operations]));

  const inputs: Record<string, z.ZodType> = {};
  const outputs: Record<string, z.ZodType> = { error: apiErrorSchema };
  const addHeaders = (into: Record<string, z.ZodType>, operation: ApiOperation, headers?: readonly ApiHeader[]) => {
    for (const header of headers ?? []) into[`${operation.operationId}.h.${header.name}`] = header.schema;
  };
  for (const operation of operationList) {
    if (operation.body) inputs[`${operation.operationId}.body`] = operation.body;
    for (const [name, schema] of Object.entries(operation.pathParams?.shape ?? {}))
      inputs[`${operation.operationId}.path.${name}`] = schema as z.ZodType;
    for (const [name, schema] of Object.entries(operation.query?.shape ?? {}))
      inputs[`${operation.operationId}.query.${name}`] = schema as z.ZodType;
    addHeaders(inputs, operation, operation.headers);
    addHeaders(outputs, operation, operation.success.headers);
    outputs[`${operation.operationId}.success`] = operation.success.schema;
  }
  const input = convert(inputs, "input");
  const output = convert(outputs, "output");
  const components: Record<string, JsonSchema> = {};
  mergeComponents(components, input.components);
  mergeComponents(components, output.components);

  const rateHeaders = {
    "X-RateLimit-Limit": { description: text((r) => r.headers.rateLimit), schema: { type: "integer" } },
    "X-RateLimit-Remaining": { description: text((r) => r.headers.rateRemaining), schema: { type: "integer" } },
  };
  const errorResponse = (status: number, operation: ApiOperation) => ({
    description: text((r) => r.errors[ERROR_STATUS_CODE[status]]),
    headers: {
      ...(status === 429 || status === 503
        ? { "Retry-After": { description: text((r) => r.headers.retryAfter), schema: { type: "integer" } } }
        : {}),
      ...(status === 401 ? { "WWW-Authenticate": { schema: { type: "string" } } } : {}),
      ...(status === 401 || status === 503 ? {} : rateHeaders),
    },
    content: {
      "application/json": {
        schema: { $ref: `${COMPONENTS}Error` },
        example: {
          error: {
            code: ERROR_STATUS_CODE[status],
            message: exampleMessage(en, status, operation),
            ...(status === 400 ? { fields: { [exampleField(operation)]: en.validation.invalid } } : {}),
          },
        },
      },
    },
  });

  const paths: Record<string, Record<string, unknown>> = {};
  for (const operation of operationList) {
    const id = operation.operationId;
    const parameters = [
      ...Object.keys(operation.pathParams?.shape ?? {}).map((name) => ({
        name,
        in: "path",
        required: true,
        schema: input.schemas[`${id}.path.${name}`],
      })),
      ...Object.entries(operation.query?.shape ?? {}).map(([name]) => {
        const schema = input.schemas[`${id}.query.${name}`];
        return { name, in: "query", required: false, description: schema.description, schema };
      }),
      ...(operation.headers ?? []).map((header) => ({
        name: header.name,
        in: "header",
        required: false,
        description: header.description,
        schema: input.schemas[`${id}.h.${header.name}`],
      })),
    ];
    const statuses = [...operation.errors, ...COMMON_ERRORS].sort();
    paths[operation.path] ??= {};
    paths[operation.path][operation.method.toLowerCase()] = {
      operationId: id,
      tags: [operation.resource],
      summary: words(operation, (w) => w.summary),
      description: `${words(operation, (w) => w.description)}\n\n${text((r) => r.scopeLine)}: \`${operation.scope}\``,
      "x-scopes": [operation.scope],
      security: [{ bearerKey: [operation.scope] }, { headerKey: [operation.scope] }],
      ...(parameters.length ? { parameters } : {}),
      ...(operation.body
        ? {
            requestBody: {
              required: true,
              content: {
                "application/json": { schema: input.schemas[`${id}.body`], example: operation.example.body },
              },
            },
          }
        : {}),
      responses: {
        [operation.success.status]: {
          description: words(operation, (w) => w.success),
          headers: {
            ...rateHeaders,
            ...Object.fromEntries(
              (operation.success.headers ?? []).map((header) => [
                header.name,
                { description: header.description, schema: output.schemas[`${id}.h.${header.name}`] },
              ]),
            ),
          },
          content: { "application/json": { schema: output.schemas[`${id}.success`] } },
        },
        ...Object.fromEntries(statuses.map((status) => [status, errorResponse(status, operation)])),
      },
    };
  }

  return {
    openapi: "3.1.1",
    info: {
      title: text((r) => r.title),
      version: "1.0.0",
      description: text((r) => r.documentDescription),
    },
    jsonSchemaDialect: "https://json-schema.org/draft/2020-12/schema",
    servers: [{ url: "/" }],
    tags: (["inquiries", "leads", "listings"] as const).map((name) => ({
      name,
      description: text((r) => r.resources[name]),
    })),
    paths,
    components: {
      schemas: components,
      securitySchemes: {
        bearerKey: { type: "http", scheme: "bearer", description: text((r) => r.bearer) },
        headerKey: { type: "apiKey", in: "header", name: "X-Api-Key", description: text((r) => r.headerKey) },
      },
    },
    "x-scopes": API_SCOPES,
  };
}

function exampleMessage(en: Messages, status: number, operation: ApiOperation): string {
  const v1 = en.api.v1;
  const examples: Record<number, string> = {
    400: v1.invalidRequest,
    401: en.api.missingKey,
    403: en.api.missingScope.replace("{scope}", operation.scope),
    404: operation.resource === "leads" ? v1.leadNotFound : v1.listingNotFound,
    409:
      operation.resource === "leads" ? v1.versionChanged.replace("{version}", "4") : en.validation.idempotencyKeyReused,
    429: en.api.rateLimited.replace("{limit}", "120").replace("{seconds}", "30"),
    503: en.api.unavailable,
  };
  return examples[status];
}

/** The field a 400 example names: the query's first parameter, or the body's first field. */
function exampleField(operation: ApiOperation): string {
  const shape = operation.query?.shape ?? (operation.body instanceof z.ZodObject ? operation.body.shape : {});
  return Object.keys(shape)[0] ?? "body";
}

export type OpenApiDocument = Awaited<ReturnType<typeof buildOpenApiDocument>>;

let cached: Promise<OpenApiDocument> | undefined;
/** The document never changes while the process runs: built once. */
export function openApiDocument(): Promise<OpenApiDocument> {
  cached ??= buildOpenApiDocument();
  return cached;
}
