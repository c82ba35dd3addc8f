import { z } from "zod";
import type { ApiScope } from "../keys/scopes";
import { inquiryCreatedSchema, inquiryInputSchema } from "./inquiries/schema";
import { leadIdParamsSchema, leadPageSchema, leadWithInquiriesSchema, stageMoveBodySchema } from "./leads/schema";
import { listingIdParamsSchema, listingPageSchema } from "./listings/schema";
import { pageQuerySchema } from "./pagination";
import { leadResourceSchema, listingResourceSchema } from "./resources";

/*
 * Every /api/v1 operation in one table: its route takes the door and scope from here, and the
 * OpenAPI document (lib/api/openapi.ts) and the reference page are generated from it, with the
 * schemas the handlers parse with and answer with. Titles and prose are in apiReference.operations.
 */

export type ApiResource = "inquiries" | "leads" | "listings";
export type ErrorStatus = 400 | 404 | 409;

export interface ApiHeader {
  name: string;
  description: string;
  schema: z.ZodType;
}

export interface ApiOperation {
  operationId: string;
  /** The name the request log and the outage log know the endpoint by. */
  door: string;
  method: "GET" | "POST";
  /** As OpenAPI writes it: /api/v1/leads/{id} */
  path: string;
  scope: ApiScope;
  resource: ApiResource;
  pathParams?: z.ZodObject;
  query?: z.ZodObject;
  headers?: ApiHeader[];
  body?: z.ZodType;
  success: { status: 200 | 201; schema: z.ZodType; headers?: ApiHeader[] };
  /** The refusals particular to the operation; 401, 403, 429 and 503 may answer any. */
  errors: ErrorStatus[];
  /** What the curl example sends. */
  example: { path: string; body?: unknown; headers?: Record<string, string> };
}

const idempotencyKey: ApiHeader = {
  name: "Idempotency-Key",
  description:
    "重试时带上同一个键：同样的内容得到同样的回答（Idempotent-Replayed: true），不同的内容得到 409；1–200 个可见字符 / " +
    "Send the same key when retrying: the same body gets the same answer (Idempotent-Replayed: true), " +
    "a different body 409; 1–200 visible characters",
  schema: z.string().regex(/^[\x21-\x7e]{1,200}$/),
};

export const operations = {
  createInquiry: {
    operationId: "createInquiry",
    door: "api.v1.inquiries.create",
    method: "POST",
    path: "/api/v1/inquiries",
    scope: "inquiries:write",
    resource: "inquiries",
    headers: [idempotencyKey],
    body: inquiryInputSchema,
    success: {
      status: 201,
      schema: inquiryCreatedSchema,
      headers: [
        {
          name: "Idempotent-Replayed",
          description: "重放的回答为 true / true when the answer is a replay",
          schema: z.literal("true"),
        },
      ],
    },
    errors: [400, 404, 409],
    example: {
      path: "/api/v1/inquiries",
      headers: { "Idempotency-Key": "order-20261206-0001" },
      body: {
        need: { deal: "rent", kind: "factory", area: "3000", areaUnit: "sqm" },
        use: "新能源汽车零部件精密加工",
        expectedAnnualTax: "300",
        company: "杭州示例精密制造有限公司",
        contactName: "王经理",
        phone: "13800138000",
        consent: true,
      },
    },
  },
  listLeads: {
    operationId: "listLeads",
    door: "api.v1.leads.list",
    method: "GET",
    path: "/api/v1/leads",
    scope: "leads:read",
    resource: "leads",
    query: pageQuerySchema,
    success: { status: 200, schema: leadPageSchema },
    errors: [400],
    example: { path: "/api/v1/leads?updated_since=2026-12-01T00:00:00Z&limit=100" },
  },
  getLead: {
    operationId: "getLead",
    door: "api.v1.leads.get",
    method: "GET",
    path: "/api/v1/leads/{id}",
    scope: "leads:read",
    resource: "leads",
    pathParams: leadIdParamsSchema,
    success: { status: 200, schema: leadWithInquiriesSchema },
    errors: [404],
    example: { path: "/api/v1/leads/cm4lead0000000000000001" },
  },
  moveLeadStage: {
    operationId: "moveLeadStage",
    door: "api.v1.leads.stage",
    method: "POST",
    path: "/api/v1/leads/{id}/stage",
    scope: "leads:write",
    resource: "leads",
    pathParams: leadIdParamsSchema,
    headers: [
      {
        name: "If-Match",
        description: "线索的 version；线索已被改动时回答 409 / The lead's version; 409 when the lead changed since",
        schema: z.string().meta({ examples: ['"3"'] }),
      },
    ],
    body: stageMoveBodySchema,
    success: { status: 200, schema: leadResourceSchema },
    errors: [400, 404, 409],
    example: {
      path: "/api/v1/leads/cm4lead0000000000000001/stage",
      headers: { "If-Match": '"3"' },
      body: { stage: "lost", lostReason: "price" },
    },
  },
  listListings: {
    operationId: "listListings",
    door: "api.v1.listings.list",
    method: "GET",
    path: "/api/v1/listings",
    scope: "listings:read",
    resource: "listings",
    query: pageQuerySchema,
    success: { status: 200, schema: listingPageSchema },
    errors: [400],
    example: { path: "/api/v1/listings?limit=50" },
  },
  getListing: {
    operationId: "getListing",
    door: "api.v1.listings.get",
    method: "GET",
    path: "/api/v1/listings/{id}",
    scope: "listings:read",
    resource: "listings",
    pathParams: listingIdParamsSchema,
    success: { status: 200, schema: listingResourceSchema },
    errors: [404],
    example: { path: "/api/v1/listings/cm4list0000000000000001" },
  },
} as const satisfies Record<string, ApiOperation>;

export type OperationId = keyof typeof operations;
export const operationList: ApiOperation[] = Object.values(operations);
