import { Ajv2020 } from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Database } from "@/lib/db/client";
import { buildOpenApiDocument, type OpenApiDocument } from "@/lib/api/openapi";
import { auditLog } from "@/lib/audit/queries";
import { operationList, type OperationId } from "@/lib/api/v1/operations";
import * as inquiriesRoute from "@/app/api/v1/inquiries/route";
import * as leadsRoute from "@/app/api/v1/leads/route";
import * as leadRoute from "@/app/api/v1/leads/[id]/route";
import * as leadStageRoute from "@/app/api/v1/leads/[id]/stage/route";
import * as listingsRoute from "@/app/api/v1/listings/route";
import * as listingRoute from "@/app/api/v1/listings/[id]/route";
import { apiRequest, makeApiKey, type TestKey } from "../support/api-key-fixtures";
import { describeOnPostgres, openTestPglite, openTestPostgres, type TestDatabase } from "../support/databases";
import {
  inquiryBody,
  makeListing,
  makePark,
  makeUser,
  uniqueIp,
  uniqueKey,
  type Person,
} from "../support/door-fixtures";

/*
 * The contract: every operation the OpenAPI document lists is called for real (a key with the scope
 * it needs, a database with parks, listings and leads), with a valid request and with refusals, and
 * every answer's body is checked against the schema the document gives for its status. The suite
 * fails when an operation goes unexercised or an answer's status is not in the document.
 */

const current = vi.hoisted(() => ({ db: undefined as Database | undefined }));
vi.mock("@/lib/db/client", () => ({
  getDb: async () => {
    if (!current.db) throw new Error("no test database is open");
    return current.db;
  },
}));

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
const HANDLERS: Record<OperationId, Handler> = {
  createInquiry: inquiriesRoute.POST as Handler,
  listLeads: leadsRoute.GET as Handler,
  getLead: leadRoute.GET as Handler,
  moveLeadStage: leadStageRoute.POST as Handler,
  listListings: listingsRoute.GET as Handler,
  getListing: listingRoute.GET as Handler,
};

/** What the tests read of an answer; the document's schema has checked the rest. */
interface Answer {
  id: string;
  reference: string;
  park: { id: string };
  data: Answer[];
  next_cursor: string | null;
  error: { code: string; message: string; fields: Record<string, string> };
}

interface Call {
  key: TestKey | null;
  params?: Record<string, string>;
  query?: string;
  body?: unknown;
  rawBody?: string;
  headers?: Record<string, string>;
}

function contractSuite(open: () => Promise<TestDatabase>) {
  let database: TestDatabase;
  let db: Database;
  let document: OpenApiDocument;
  let ajv: Ajv2020;
  const exercised = new Map<string, Set<number>>();
  const world = {} as {
    admin: Person;
    all: TestKey;
    parkKey: TestKey;
    readOnly: TestKey;
    parkA: string;
    parkB: string;
    listingA: string;
    listingB: string;
    unpublished: string;
  };

  /** Calls the operation's route, checks the answer against the document and returns it parsed. */
  async function call(operationId: OperationId, status: number, request: Call) {
    const operation = operationList.find((candidate) => candidate.operationId === operationId)!;
    const path = Object.entries(request.params ?? {}).reduce(
      (built, [name, value]) => built.replace(`{${name}}`, encodeURIComponent(value)),
      operation.path,
    );
    const body = request.rawBody ?? (request.body === undefined ? undefined : JSON.stringify(request.body));
    const response = await HANDLERS[operationId](
      apiRequest(`${path}${request.query ? `?${request.query}` : ""}`, request.key?.key ?? null, {
        method: operation.method,
        headers: {
          "x-forwarded-for": uniqueIp(),
          ...(body === undefined ? {} : { "content-type": "application/json" }),
          ...request.headers,
        },
        body,
      }),
      { params: Promise.resolve(request.params ?? {}) },
    );
    const json: unknown = await response.json();
    expect(response.status, JSON.stringify(json)).toBe(status);
    const documented = (document.paths[operation.path] as Record<string, { responses: Record<string, unknown> }>)[
      operation.method.toLowerCase()
    ].responses[String(status)];
    expect(documented, `${operationId} answered ${status}, which the document does not list`).toBeDefined();
    const pointer = ["paths", operation.path, operation.method.toLowerCase(), "responses", String(status)]
      .map((part) => part.replaceAll("~", "~0").replaceAll("/", "~1"))
      .join("/");
    const validate = ajv.getSchema(`openapi.json#/${pointer}/content/application~1json/schema`)!;
    expect(validate(json), JSON.stringify(validate.errors)).toBe(true);
    if (!exercised.has(operationId)) exercised.set(operationId, new Set());
    exercised.get(operationId)!.add(status);
    return { json: json as Answer, response };
  }

  beforeAll(async () => {
    database = await open();
    db = database.opened.db;
    current.db = db;
    document = await buildOpenApiDocument();
    ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats(ajv);
    ajv.addSchema(structuredClone(document), "openapi.json");
    const admin = await makeUser(db, "ADMIN");
    const [parkA, parkB] = [await makePark(db), await makePark(db)];
    const [listingA, listingB, unpublished] = [
      await makeListing(db, parkA.id),
      await makeListing(db, parkB.id),
      await makeListing(db, parkA.id),
    ];
    // Made as drafts, as an admin's new listing starts.
    await db.listing.updateMany({
      where: { id: { in: [listingA.listing.id, listingB.listing.id] } },
      data: { published: true },
    });
    Object.assign(world, {
      admin,
      all: await makeApiKey(db, admin.id),
      parkKey: await makeApiKey(db, admin.id, { parkId: parkA.id }),
      readOnly: await makeApiKey(db, admin.id, { scopes: ["leads:read"] }),
      parkA: parkA.id,
      parkB: parkB.id,
      listingA: listingA.listing.id,
      listingB: listingB.listing.id,
      unpublished: unpublished.listing.id,
    });
  });
  afterAll(async () => {
    current.db = undefined;
    await database?.cleanup();
  });

  it("POST /api/v1/inquiries: stores the inquiry as the public form would, replays a retry, refuses what it must", async () => {
    const body = { ...inquiryBody(), listingId: world.listingA };
    const key = { "Idempotency-Key": uniqueKey("order") };
    const { json: created } = await call("createInquiry", 201, { key: world.all, body, headers: key });
    const stored = await db.inquiry.findUniqueOrThrow({ where: { id: created.id }, include: { lead: true } });
    expect(stored).toMatchObject({ channel: "API", phone: body.phone, listingId: world.listingA });
    expect(stored.lead).toMatchObject({ parkId: world.parkA, source: "listing" });
    expect(created.reference).toBe(stored.reference);

    const { json: replayed, response } = await call("createInquiry", 201, { key: world.all, body, headers: key });
    expect(replayed).toEqual(created);
    expect(response.headers.get("Idempotent-Replayed")).toBe("true");
    const { json: reused } = await call("createInquiry", 409, {
      key: world.all,
      body: { ...body, use: "另一个项目：储能电池 pack 产线" },
      headers: key,
    });
    expect(reused.error).toMatchObject({ code: "conflict" });
    expect(await db.inquiry.count({ where: { phone: body.phone } })).toBe(1);

    const { json: invalid } = await call("createInquiry", 400, {
      key: world.all,
      body: { ...inquiryBody(), phone: "12345", need: { deal: "buy" } },
      headers: { "Accept-Language": "en" },
    });
    expect(invalid.error).toMatchObject({
      code: "invalid_request",
      fields: { phone: expect.stringMatching(/mobile/i), "need.kind": expect.any(String) },
    });
    const { json: notJson } = await call("createInquiry", 400, { key: world.all, rawBody: "{ not json" });
    expect(notJson.error).toMatchObject({ code: "invalid_request", message: "请求体不是有效的 JSON" });
    const { json: tooLarge, response: closed } = await call("createInquiry", 400, {
      key: world.all,
      rawBody: JSON.stringify({ ...inquiryBody(), message: "很长".repeat(6000) }),
      headers: { "Accept-Language": "en" },
    });
    expect(tooLarge.error.message).toBe("The request body may not be over 16384 bytes");
    expect(closed.headers.get("Connection")).toBe("close");
    const { json: notTyped } = await call("createInquiry", 400, {
      key: world.all,
      body: inquiryBody(),
      headers: { "content-type": "text/plain" },
    });
    expect(notTyped.error.message).toContain("application/json");

    const { json: noListing } = await call("createInquiry", 400, { key: world.parkKey, body: inquiryBody() });
    expect(noListing.error).toMatchObject({ fields: { listingId: expect.stringContaining("园区") } });
    for (const listingId of [world.listingB, world.unpublished]) {
      const { json: elsewhere } = await call("createInquiry", 404, {
        key: world.parkKey,
        body: { ...inquiryBody(), listingId },
      });
      expect(elsewhere.error).toMatchObject({ code: "not_found", fields: { listingId: expect.any(String) } });
    }
    await call("createInquiry", 201, { key: world.parkKey, body: { ...inquiryBody(), listingId: world.listingA } });
    const { json: scope } = await call("createInquiry", 403, { key: world.readOnly, body: inquiryBody() });
    expect(scope.error).toMatchObject({ code: "forbidden", message: expect.stringContaining("inquiries:write") });
    await call("createInquiry", 401, { key: null, body: inquiryBody() });
  });

  it("GET /api/v1/leads: pages through every live lead by its last change, once each, from updated_since", async () => {
    for (const listingId of [world.listingA, world.listingB, world.listingB])
      await call("createInquiry", 201, { key: world.all, body: { ...inquiryBody(), listingId } });
    const live = await db.lead.findMany({ where: { mergedIntoId: null }, select: { id: true, parkId: true } });
    expect(live.length).toBeGreaterThanOrEqual(5);

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const { json: page } = await call("listLeads", 200, {
        key: world.all,
        query: `limit=2${cursor ? `&cursor=${cursor}` : ""}`,
      });
      expect(page.data.length).toBeLessThanOrEqual(2);
      seen.push(...page.data.map((lead) => lead.id));
      cursor = page.next_cursor;
    } while (cursor);
    expect(seen.sort()).toEqual(live.map((lead) => lead.id).sort());

    const changed = live[0].id;
    const since = new Date(Date.now() + 1000);
    await db.lead.update({ where: { id: changed }, data: { updatedAt: new Date(since.getTime() + 5000) } });
    const { json: recent } = await call("listLeads", 200, {
      key: world.all,
      query: `updated_since=${encodeURIComponent(since.toISOString())}`,
    });
    expect(recent).toMatchObject({ data: [{ id: changed }], next_cursor: null });

    const { json: parkOnly } = await call("listLeads", 200, { key: world.parkKey, query: "limit=200" });
    expect(parkOnly.data.map((lead) => lead.park.id)).toEqual(
      live.filter((lead) => lead.parkId === world.parkA).map(() => world.parkA),
    );

    for (const query of ["limit=0", "limit=201", "cursor=nonsense", "updated_since=yesterday", "limit=2&limit=3"]) {
      const { json } = await call("listLeads", 400, { key: world.all, query });
      expect(json.error).toMatchObject({ code: "invalid_request", fields: expect.any(Object) });
    }
  });

  it("GET /api/v1/leads/{id}: the lead with its inquiries; an erased person's fields empty; another park's lead not found", async () => {
    const body = { ...inquiryBody(), listingId: world.listingB };
    const { json: created } = await call("createInquiry", 201, { key: world.all, body });
    const { leadId } = await db.inquiry.findUniqueOrThrow({ where: { id: created.id } });
    const { json: lead } = await call("getLead", 200, { key: world.all, params: { id: leadId } });
    expect(lead).toMatchObject({
      id: leadId,
      phone: body.phone,
      expectedAnnualTax: "300.5",
      need: { area: "2400", areaUnit: "SQM" },
      park: { id: world.parkB },
      inquiries: [{ id: created.id, phone: body.phone, channel: "API" }],
    });

    await db.lead.update({ where: { id: leadId }, data: { erasedAt: new Date() } });
    const { json: erased } = await call("getLead", 200, { key: world.all, params: { id: leadId } });
    expect(erased).toMatchObject({ phone: null, contactName: null, inquiries: [{ phone: null, contactName: null }] });
    expect(JSON.stringify(erased)).not.toContain(body.phone);

    await call("getLead", 404, { key: world.parkKey, params: { id: leadId } });
    await call("getLead", 404, { key: world.all, params: { id: "no-such-lead" } });
    await call("getLead", 404, { key: world.all, params: { id: "bad id;" } });
  });

  it("POST /api/v1/leads/{id}/stage: the board's rules, If-Match, audited with the key as the mover", async () => {
    const { json: created } = await call("createInquiry", 201, {
      key: world.all,
      body: { ...inquiryBody(), listingId: world.listingA },
    });
    const { leadId } = await db.inquiry.findUniqueOrThrow({ where: { id: created.id } });
    const stages = await db.stage.findMany({ orderBy: { position: "asc" } });
    const open = stages.find((stage) => stage.category === "OPEN" && stage.key !== "new")!;
    const lost = stages.find((stage) => stage.category === "LOST")!;
    const won = stages.find((stage) => stage.category === "WON")!;
    const { version } = await db.lead.findUniqueOrThrow({ where: { id: leadId } });

    const { json: moved } = await call("moveLeadStage", 200, {
      key: world.parkKey,
      params: { id: leadId },
      body: { stage: open.key },
      headers: { "If-Match": `"${version}"` },
    });
    expect(moved).toMatchObject({ id: leadId, stage: { key: open.key, category: "OPEN" }, version: version + 1 });
    const audit = await db.auditEntry.findFirstOrThrow({ where: { entityId: leadId, action: "lead.stage" } });
    expect(audit).toMatchObject({ actorId: null, details: { apiKey: { id: world.parkKey.id } } });
    const activity = await db.activity.findFirstOrThrow({ where: { leadId, kind: "STAGE" } });
    expect(activity).toMatchObject({ actorId: null, details: { to: open.key, apiKey: { id: world.parkKey.id } } });
    const { entries } = await auditLog(db, world.admin, { entity: "lead" }, "zh-CN");
    const { name } = await db.apiKey.findUniqueOrThrow({ where: { id: world.parkKey.id } });
    expect(entries.map((entry) => entry.sentence)).toContainEqual(expect.stringContaining(`API 密钥“${name}”`));

    const { json: stale } = await call("moveLeadStage", 409, {
      key: world.all,
      params: { id: leadId },
      body: { stage: won.key },
      headers: { "If-Match": `"${version}"` },
    });
    expect(stale.error).toMatchObject({ code: "conflict" });
    const { json: noReason } = await call("moveLeadStage", 400, {
      key: world.all,
      params: { id: leadId },
      body: { stage: lost.key },
    });
    expect(noReason.error).toMatchObject({ fields: { lostReason: "请选择流失原因" } });
    const { json: unsigned } = await call("moveLeadStage", 400, {
      key: world.all,
      params: { id: leadId },
      body: { stage: won.key, signedArea: "5000" },
      headers: { "Accept-Language": "en" },
    });
    expect(Object.keys(unsigned.error.fields).sort()).toEqual(["signedAnnualTax", "signedAreaUnit"]);
    const { json: signed } = await call("moveLeadStage", 200, {
      key: world.all,
      params: { id: leadId },
      body: { stage: won.key, signedArea: "5,000", signedAreaUnit: "SQM", signedAnnualTax: "3.5亿" },
    });
    expect(signed).toMatchObject({ signedArea: "5000", signedAnnualTax: "35000", signedAt: expect.any(String) });
    await call("moveLeadStage", 400, { key: world.all, params: { id: leadId }, body: { stage: won.key } });
    await call("moveLeadStage", 400, { key: world.all, params: { id: leadId }, body: { stage: "no_such_stage" } });
    await call("moveLeadStage", 400, {
      key: world.all,
      params: { id: leadId },
      body: { stage: open.key },
      headers: { "If-Match": "yesterday" },
    });

    const elsewhere = await db.lead.findFirstOrThrow({ where: { parkId: world.parkB, mergedIntoId: null } });
    await call("moveLeadStage", 404, { key: world.parkKey, params: { id: elsewhere.id }, body: { stage: open.key } });
    await call("moveLeadStage", 403, { key: world.readOnly, params: { id: leadId }, body: { stage: open.key } });
  });

  it("GET /api/v1/listings and /api/v1/listings/{id}: published listings, a park key's own only", async () => {
    const { json: all } = await call("listListings", 200, { key: world.all, query: "limit=200" });
    const ids = all.data.map((listing) => listing.id);
    expect(ids).toEqual(expect.arrayContaining([world.listingA, world.listingB]));
    expect(ids).not.toContain(world.unpublished);
    const { json: own } = await call("listListings", 200, { key: world.parkKey });
    expect(own.data.every((listing) => listing.park.id === world.parkA)).toBe(true);
    await call("listListings", 400, { key: world.all, query: "limit=many" });

    const { json: listing } = await call("getListing", 200, { key: world.all, params: { id: world.listingB } });
    expect(listing).toMatchObject({ id: world.listingB, park: { id: world.parkB } });
    await call("getListing", 404, { key: world.parkKey, params: { id: world.listingB } });
    await call("getListing", 404, { key: world.all, params: { id: world.unpublished } });
    await call("getListing", 403, { key: world.readOnly, params: { id: world.listingA } });
  });

  it("answers 429 with the documented body once a key is over its limit", async () => {
    const admin = await makeUser(db, "ADMIN");
    const limited = await makeApiKey(db, admin.id, { rateLimit: 1 });
    await call("listListings", 200, { key: limited });
    const { response } = await call("listListings", 429, { key: limited });
    expect(Number(response.headers.get("Retry-After"))).toBeGreaterThan(0);
  });

  it("exercised every documented operation, with its success and at least one refusal", () => {
    const documented = operationList.map((operation) => operation.operationId).sort();
    expect([...exercised.keys()].sort()).toEqual(documented);
    for (const operation of operationList) {
      const statuses = exercised.get(operation.operationId)!;
      expect(statuses.has(operation.success.status), operation.operationId).toBe(true);
      expect(
        [...statuses].some((status) => status >= 400),
        operation.operationId,
      ).toBe(true);
    }
  });
}

describe("the API's contract on PGlite", () => contractSuite(() => openTestPglite()));
describeOnPostgres("the API's contract on PostgreSQL", () => contractSuite(() => openTestPostgres()));
