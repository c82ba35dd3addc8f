import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Database } from "@/lib/db/client";
import type { OpenedDatabase } from "@/lib/db/open";
import { newApiKey } from "@/lib/api/keys/authenticate";
import { API_SCOPES, type ApiScope } from "@/lib/api/keys/scopes";
import * as v1InquiriesRoute from "@/app/api/v1/inquiries/route";
import * as v1LeadsRoute from "@/app/api/v1/leads/route";
import * as v1LeadRoute from "@/app/api/v1/leads/[id]/route";
import * as v1LeadStageRoute from "@/app/api/v1/leads/[id]/stage/route";
import * as v1ListingsRoute from "@/app/api/v1/listings/route";
import * as v1ListingRoute from "@/app/api/v1/listings/[id]/route";
import { makeApiKey } from "../support/api-key-fixtures";
import { describeOnPostgres, openTestPglite, openTestPostgres } from "../support/databases";
import {
  doorsOnDisk,
  inquiryBody,
  isExported,
  leadState,
  makeLead,
  makeListing,
  makePark,
  makeUser,
  uniqueIp,
} from "../support/door-fixtures";

/*
 * Issue 13's key matrix: every /api/v1 door × every kind of API key, called for real against the
 * database through the route's own export. A session cookie opens nothing here: the signed-in rows
 * are in tests/integration/permissions.test.ts ("without an API key"), and the last test below sends
 * a cookie with no key to every door.
 *
 * Adding an endpoint: a new app/api/v1/**\/route.ts export fails "has a row for every door" until
 * DOORS has a row for it. Import the route, then add
 *
 *   door("app/api/v1/<path>/route.ts#<METHOD>", "on <what it acts on>", byScope("<its scope>"),
 *     async (world, key) => ({ call: async () => outcomeOf(await route.METHOD(request(…, key), params), 200) })),
 *
 * and for an endpoint reading or changing one record, a second row on a park-B record whose
 * expected outcome for PARK_A is "notFound" (`byScope("<scope>", { parkA: "notFound" })`). Rows that
 * change something return `state`, so a refused call is seen to change nothing.
 */

const current = vi.hoisted(() => ({ opened: undefined as OpenedDatabase | undefined }));
vi.mock("@/lib/db/client", () => {
  const opened = () => {
    if (!current.opened) throw new Error("no test database is open");
    return current.opened;
  };
  return { getOpenedDatabase: async () => opened(), getDb: async () => opened().db };
});

const ROOT = path.resolve(__dirname, "../..");
const KEY_KINDS = ["none", "unknown", "revoked", "expired", ...API_SCOPES, "parkA"] as const;
type KeyKind = (typeof KEY_KINDS)[number];
type Outcome = "allowed" | "unauthorized" | "forbidden" | "notFound";
type Expected = Record<KeyKind, Outcome>;

interface World {
  db: Database;
  adminId: string;
  parkA: string;
  parkB: string;
}
interface Prepared {
  call: () => Promise<Outcome>;
  /** what an allowed call changes and any other call leaves exactly as it was */
  state?: () => Promise<unknown>;
}
interface Row {
  door: string;
  on: string;
  expected: Expected;
  prepare: (world: World, key: string | null) => Promise<Prepared>;
  source: string;
}

/** The outcome every key kind gets at a door needing `scope`: only a working key with that scope (or all) passes. */
function byScope(scope: ApiScope, overrides: Partial<Expected> = {}): Expected {
  const expected = {
    none: "unauthorized",
    unknown: "unauthorized",
    revoked: "unauthorized",
    expired: "unauthorized",
    parkA: "allowed",
  } as Expected;
  for (const kind of API_SCOPES) expected[kind] = kind === scope ? "allowed" : "forbidden";
  return { ...expected, ...overrides };
}

const door = (id: string, on: string, expected: Expected, prepare: Row["prepare"]): Row => ({
  door: id,
  on,
  expected,
  prepare,
  source: String(prepare),
});

/** A status as the matrix reads it; anything else (a 400 of a bad fixture, a 500) fails the test. */
async function outcomeOf(response: Response, success: number, found?: (body: unknown) => boolean): Promise<Outcome> {
  if (response.status === success) return !found || found(await response.json()) ? "allowed" : "notFound";
  if (response.status === 401) return "unauthorized";
  if (response.status === 403) return "forbidden";
  if (response.status === 404) return "notFound";
  throw new Error(`unexpected ${response.status}: ${await response.text()}`);
}

function request(pathname: string, key: string | null, init: { method?: string; body?: unknown } = {}): Request {
  return new Request(`http://localhost${pathname}`, {
    method: init.method ?? "GET",
    headers: {
      ...(key ? { authorization: `Bearer ${key}` } : {}),
      ...(init.body === undefined ? {} : { "content-type": "application/json" }),
      "x-forwarded-for": uniqueIp(),
    },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
}
const noParams = { params: Promise.resolve({}) };
const idParams = (id: string) => ({ params: Promise.resolve({ id }) });
const lists = (id: string) => (body: unknown) => (body as { data: { id: string }[] }).data.some((row) => row.id === id);

async function leadIn(world: World, parkId: string) {
  const lead = await makeLead(world.db, null);
  await world.db.lead.update({ where: { id: lead.id }, data: { parkId } });
  return lead;
}
async function listingIn(world: World, parkId: string) {
  const { listing } = await makeListing(world.db, parkId);
  await world.db.listing.update({ where: { id: listing.id }, data: { published: true } });
  return listing;
}

const DOORS: Row[] = [
  door(
    "app/api/v1/inquiries/route.ts#POST",
    "for a listing of park A",
    byScope("inquiries:write"),
    async (world, key) => {
      const listing = await listingIn(world, world.parkA);
      const body = { ...inquiryBody(), listingId: listing.id };
      return {
        call: async () =>
          outcomeOf(
            await v1InquiriesRoute.POST(request("/api/v1/inquiries", key, { method: "POST", body }), noParams),
            201,
          ),
        state: () => world.db.inquiry.count({ where: { phone: body.phone } }),
      };
    },
  ),
  door(
    "app/api/v1/inquiries/route.ts#POST",
    "for a listing of park B",
    byScope("inquiries:write", { parkA: "notFound" }),
    async (world, key) => {
      const listing = await listingIn(world, world.parkB);
      const body = { ...inquiryBody(), listingId: listing.id };
      return {
        call: async () =>
          outcomeOf(
            await v1InquiriesRoute.POST(request("/api/v1/inquiries", key, { method: "POST", body }), noParams),
            201,
          ),
        state: () => world.db.inquiry.count({ where: { phone: body.phone } }),
      };
    },
  ),
  door("app/api/v1/leads/route.ts#GET", "listing a lead of park A", byScope("leads:read"), async (world, key) => {
    const lead = await leadIn(world, world.parkA);
    return {
      call: async () =>
        outcomeOf(await v1LeadsRoute.GET(request("/api/v1/leads?limit=200", key), noParams), 200, lists(lead.id)),
    };
  }),
  door(
    "app/api/v1/leads/route.ts#GET",
    "listing a lead of park B",
    byScope("leads:read", { parkA: "notFound" }),
    async (world, key) => {
      const lead = await leadIn(world, world.parkB);
      return {
        call: async () =>
          outcomeOf(await v1LeadsRoute.GET(request("/api/v1/leads?limit=200", key), noParams), 200, lists(lead.id)),
      };
    },
  ),
  door("app/api/v1/leads/[id]/route.ts#GET", "on a lead of park A", byScope("leads:read"), async (world, key) => {
    const lead = await leadIn(world, world.parkA);
    return {
      call: async () =>
        outcomeOf(await v1LeadRoute.GET(request(`/api/v1/leads/${lead.id}`, key), idParams(lead.id)), 200),
    };
  }),
  door(
    "app/api/v1/leads/[id]/route.ts#GET",
    "on a lead of park B",
    byScope("leads:read", { parkA: "notFound" }),
    async (world, key) => {
      const lead = await leadIn(world, world.parkB);
      return {
        call: async () =>
          outcomeOf(await v1LeadRoute.GET(request(`/api/v1/leads/${lead.id}`, key), idParams(lead.id)), 200),
      };
    },
  ),
  door(
    "app/api/v1/leads/[id]/stage/route.ts#POST",
    "on a lead of park A",
    byScope("leads:write"),
    async (world, key) => {
      const lead = await leadIn(world, world.parkA);
      const move = request(`/api/v1/leads/${lead.id}/stage`, key, { method: "POST", body: { stage: "contacted" } });
      return {
        call: async () => outcomeOf(await v1LeadStageRoute.POST(move, idParams(lead.id)), 200),
        state: () => leadState(world.db, lead.id),
      };
    },
  ),
  door(
    "app/api/v1/leads/[id]/stage/route.ts#POST",
    "on a lead of park B",
    byScope("leads:write", { parkA: "notFound" }),
    async (world, key) => {
      const lead = await leadIn(world, world.parkB);
      const move = request(`/api/v1/leads/${lead.id}/stage`, key, { method: "POST", body: { stage: "contacted" } });
      return {
        call: async () => outcomeOf(await v1LeadStageRoute.POST(move, idParams(lead.id)), 200),
        state: () => leadState(world.db, lead.id),
      };
    },
  ),
  door(
    "app/api/v1/listings/route.ts#GET",
    "listing a listing of park A",
    byScope("listings:read"),
    async (world, key) => {
      const listing = await listingIn(world, world.parkA);
      return {
        call: async () =>
          outcomeOf(
            await v1ListingsRoute.GET(request("/api/v1/listings?limit=200", key), noParams),
            200,
            lists(listing.id),
          ),
      };
    },
  ),
  door(
    "app/api/v1/listings/route.ts#GET",
    "listing a listing of park B",
    byScope("listings:read", { parkA: "notFound" }),
    async (world, key) => {
      const listing = await listingIn(world, world.parkB);
      return {
        call: async () =>
          outcomeOf(
            await v1ListingsRoute.GET(request("/api/v1/listings?limit=200", key), noParams),
            200,
            lists(listing.id),
          ),
      };
    },
  ),
  door(
    "app/api/v1/listings/[id]/route.ts#GET",
    "on a listing of park A",
    byScope("listings:read"),
    async (world, key) => {
      const listing = await listingIn(world, world.parkA);
      return {
        call: async () =>
          outcomeOf(
            await v1ListingRoute.GET(request(`/api/v1/listings/${listing.id}`, key), idParams(listing.id)),
            200,
          ),
      };
    },
  ),
  door(
    "app/api/v1/listings/[id]/route.ts#GET",
    "on a listing of park B",
    byScope("listings:read", { parkA: "notFound" }),
    async (world, key) => {
      const listing = await listingIn(world, world.parkB);
      return {
        call: async () =>
          outcomeOf(
            await v1ListingRoute.GET(request(`/api/v1/listings/${listing.id}`, key), idParams(listing.id)),
            200,
          ),
      };
    },
  ),
];

/** The key a caller of this kind sends, made fresh per cell so no cell's requests count against another's limit. */
async function keyOf(world: World, kind: KeyKind): Promise<string | null> {
  const { db, adminId } = world;
  switch (kind) {
    case "none":
      return null;
    case "unknown":
      return newApiKey().key;
    case "revoked":
      return (await makeApiKey(db, adminId, { revokedAt: new Date() })).key;
    case "expired":
      return (await makeApiKey(db, adminId, { expiresAt: new Date(Date.now() - 60_000) })).key;
    case "parkA":
      return (await makeApiKey(db, adminId, { parkId: world.parkA })).key;
    default:
      return (await makeApiKey(db, adminId, { scopes: [kind] })).key;
  }
}

const apiDoors = () => doorsOnDisk(ROOT).filter((id) => id.startsWith("app/api/v1/"));

describe("the API key matrix", () => {
  it("has a row for every /api/v1 door on disk, and each row calls the door it names", () => {
    const tabled = new Set(DOORS.map((row) => row.door));
    expect(apiDoors().length).toBeGreaterThan(0);
    expect(apiDoors().filter((id) => !tabled.has(id))).toEqual([]);
    expect(DOORS.filter((row) => !isExported(ROOT, row.door)).map((row) => row.door)).toEqual([]);
    const method = (row: Row) => row.door.split("#")[1];
    expect(DOORS.filter((row) => !row.source.includes(`.${method(row)}(`)).map((row) => row.door)).toEqual([]);
  });
});

const CASES = DOORS.flatMap((row) =>
  KEY_KINDS.map((kind) => ({ title: `[${kind}] ${row.door} ${row.on} → ${row.expected[kind]}`, row, kind })),
);

function matrixSuite(open: () => Promise<{ opened: OpenedDatabase; cleanup: () => Promise<void> }>) {
  let world: World;
  let cleanup: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    const database = await open();
    cleanup = database.cleanup;
    current.opened = database.opened;
    const db = database.opened.db;
    world = {
      db,
      adminId: (await makeUser(db, "ADMIN")).id,
      parkA: (await makePark(db)).id,
      parkB: (await makePark(db)).id,
    };
  });
  afterAll(async () => {
    current.opened = undefined;
    await cleanup?.();
  });

  it.each(CASES)("$title", async ({ row, kind }) => {
    const prepared = await row.prepare(world, await keyOf(world, kind));
    const before = await prepared.state?.();
    const outcome = await prepared.call();
    expect(outcome).toBe(row.expected[kind]);
    if (prepared.state) {
      const after = await prepared.state();
      if (outcome === "allowed") expect(after, "an allowed call changes what it was asked to").not.toEqual(before);
      else expect(after, "a refused or hidden call changes nothing").toEqual(before);
    }
  });

  it("opens no door to a session cookie without a key", async () => {
    const routes = { v1InquiriesRoute, v1LeadsRoute, v1LeadRoute, v1LeadStageRoute, v1ListingsRoute, v1ListingRoute };
    const handlers = Object.values(routes).flatMap((route) =>
      Object.entries(route).filter(([name]) => ["GET", "POST", "PUT", "PATCH", "DELETE"].includes(name)),
    );
    expect(handlers.length).toBe(new Set(apiDoors()).size);
    for (const [method, handler] of handlers) {
      const response = await (handler as (request: Request, context: unknown) => Promise<Response>)(
        new Request("http://localhost/api/v1/x", {
          method,
          headers: { cookie: "next-auth.session-token=signed-in-admin; __Secure-next-auth.session-token=x" },
          ...(method === "GET" ? {} : { body: "{}" }),
        }),
        idParams("x"),
      );
      expect(response.status).toBe(401);
    }
  });
}

describe("the API key matrix on PGlite", () => matrixSuite(() => openTestPglite({ seedDemo: true })));
describeOnPostgres("the API key matrix on PostgreSQL", () => matrixSuite(() => openTestPostgres({ seedDemo: true })));
