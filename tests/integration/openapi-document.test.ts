import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { Validator } from "@seriousme/openapi-schema-validator";
import { Ajv2020 } from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { describe, expect, it } from "vitest";
import { buildOpenApiDocument } from "@/lib/api/openapi";
import { operationList } from "@/lib/api/v1/operations";
import * as openApiRoute from "@/app/api/openapi.json/route";

/*
 * The OpenAPI document: a valid OpenAPI 3.1 document by a standard validator, and it lists every
 * /api/v1 route on disk with each method the route exports (a new door must join the operations table).
 */

const ROOT = path.resolve(__dirname, "../..");
const HTTP_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"];

function routeFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const full = path.join(folder, name);
    if (statSync(full).isDirectory()) return routeFiles(full);
    return name === "route.ts" ? [full] : [];
  });
}

/** "app/api/v1/leads/[id]/stage/route.ts" exporting POST → "POST /api/v1/leads/{id}/stage" */
async function v1DoorsOnDisk(): Promise<string[]> {
  const doors: string[] = [];
  for (const file of routeFiles(path.join(ROOT, "app/api/v1"))) {
    const route = path
      .relative(path.join(ROOT, "app"), path.dirname(file))
      .split(path.sep)
      .map((part) => part.replace(/^\[(.+)\]$/, "{$1}"))
      .join("/");
    const exported = Object.keys(await import(file));
    for (const method of exported.filter((name) => HTTP_METHODS.includes(name))) doors.push(`${method} /${route}`);
  }
  return doors.sort();
}

describe("the OpenAPI document", () => {
  it("is a valid OpenAPI 3.1 document", async () => {
    const document = await buildOpenApiDocument();
    const validator = new Validator();
    const result = await validator.validate(structuredClone(document));
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe("3.1");
  });

  it("documents every /api/v1 route on disk, and nothing that is not there", async () => {
    const document = await buildOpenApiDocument();
    const documented = Object.entries(document.paths)
      .flatMap(([route, methods]) => Object.keys(methods).map((method) => `${method.toUpperCase()} ${route}`))
      .sort();
    const onDisk = await v1DoorsOnDisk();
    expect(onDisk.length).toBeGreaterThanOrEqual(6);
    expect(documented).toEqual(onDisk);
    expect(operationList.map((operation) => `${operation.method} ${operation.path}`).sort()).toEqual(onDisk);
  });

  it("gives each request body an example that its schema accepts", async () => {
    const document = await buildOpenApiDocument();
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats(ajv);
    ajv.addSchema(structuredClone(document), "openapi.json");
    const withBody = operationList.filter((operation) => operation.body);
    expect(withBody.length).toBeGreaterThanOrEqual(2);
    for (const operation of withBody) {
      const pointer = ["paths", operation.path, operation.method.toLowerCase(), "requestBody", "content"]
        .map((part) => part.replaceAll("~", "~0").replaceAll("/", "~1"))
        .join("/");
      const content = (
        document.paths[operation.path][operation.method.toLowerCase()] as {
          requestBody: { content: { "application/json": { example: unknown } } };
        }
      ).requestBody.content["application/json"];
      expect(content.example).toEqual(operation.example.body);
      const validate = ajv.getSchema(`openapi.json#/${pointer}/application~1json/schema`)!;
      expect(validate(content.example), JSON.stringify(validate.errors)).toBe(true);
      // The handler's own schema accepts it too: the example is a request that works.
      expect(operation.body!.safeParse(content.example).success).toBe(true);
    }
  });

  it("names each operation's scope, answers errors in the Error schema, and is served publicly", async () => {
    const document = await buildOpenApiDocument();
    for (const operation of operationList) {
      const documented = document.paths[operation.path][operation.method.toLowerCase()] as {
        "x-scopes": string[];
        responses: Record<string, { content: { "application/json": { schema: unknown } } }>;
      };
      expect(documented["x-scopes"]).toEqual([operation.scope]);
      for (const status of ["401", "403", "429", "503", ...operation.errors.map(String)])
        expect(documented.responses[status].content["application/json"].schema).toEqual({
          $ref: "#/components/schemas/Error",
        });
    }
    const response = await openApiRoute.GET();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual(JSON.parse(JSON.stringify(document)));
  });
});
