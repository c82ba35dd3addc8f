import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { logActivity } from "@/lib/activities/mutations";
import { parseAuditCursor } from "@/lib/audit/cursor";
import { listAuditEntries } from "@/lib/audit/queries";
import type { Viewer } from "@/lib/auth/session";
import type { Database } from "@/lib/db/client";
import { submitInquiry } from "@/lib/inquiries/mutations";
import { assignLeads, claimLead } from "@/lib/leads/assign/mutations";
import { archiveLead, restoreLead } from "@/lib/leads/archive/mutations";
import { updateLead } from "@/lib/leads/edit/mutations";
import { duplicateGroups } from "@/lib/leads/duplicates/queries";
import { eraseLeadPersonalData } from "@/lib/leads/erase/mutations";
import { listInbox } from "@/lib/leads/inbox/queries";
import { parseInboxParams } from "@/lib/leads/inbox/schema";
import { mergeLeads } from "@/lib/leads/merge/mutations";
import { moveLeadsStage, moveLeadStage } from "@/lib/leads/stage/mutations";
import { createListing, updateListing } from "@/lib/inventory/offers/mutations";
import { setListingPublished } from "@/lib/listings/admin/mutations";
import { createBuilding, deleteBuilding, updateBuilding } from "@/lib/inventory/register/mutations";
import {
  addFloorUnits,
  createUnit,
  deleteUnit,
  setUnitAvailability,
  updateUnit,
} from "@/lib/inventory/register/unit-mutations";
import { removeListingPhoto, reorderListingPhotos, updateListingPhotoAlt } from "@/lib/listings/photos/mutations";
import { createPark, updatePark } from "@/lib/parks/mutations";
import {
  createLostReason,
  createStage,
  deleteStage,
  renameStage,
  reorderLostReasons,
  reorderStages,
  updateLostReason,
} from "@/lib/pipeline/config-mutations";
import { exportReportCsv } from "@/lib/reports/export/reports";
import { reportViewOf } from "@/lib/reports/report-view";
import { funnelReport } from "@/lib/reports/funnel/queries";
import { updateReserveThreshold } from "@/lib/reports/settings/threshold";
import { updateScoreSettings } from "@/lib/leads/score/mutations";
import { updateAssignmentSettings, updateWorkingHoursSettings } from "@/lib/settings/mutations";
import { getStorage } from "@/lib/storage";
import { createTask, setTaskDone } from "@/lib/tasks/mutations";
import { changeUserRole, createUser, resetUserPassword, setUserActive, setUserAway } from "@/lib/users/mutations";
import * as inquiriesRoute from "@/app/api/inquiries/route";
import { describeOnPostgres, openTestPglite, openTestPostgres, type TestDatabase } from "../support/databases";
import {
  doorListingInput,
  inquiryBody,
  listingEdit,
  makeLead,
  makeListing,
  makeLostReason,
  makePark,
  makeStage,
  makeTask,
  makeUser,
  parkInput,
  unique,
  uniqueKey,
  uniquePhone,
} from "../support/door-fixtures";

/*
 * Issue 9's proof: whatever a client sends — arbitrary Unicode, NUL, lone surrogates, controls,
 * odd numbers, wrong types — in any field of the inquiry API or of any server action's input, or
 * in the inbox's and reports' URL parameters, is answered (a field error, a notice, or success),
 * never thrown as a 5xx, and refused input leaves the database exactly as it was. Each server
 * action is driven through the lib/ mutation it wraps (the action adds only the session and page
 * revalidation). Seeded, so a failure reproduces; the fixed nasty values run for every field too.
 */

const gen = vi.hoisted(() => {
  process.env.STORAGE_DIR = `${process.env.TMPDIR ?? "/tmp"}/parklead-generative-${process.pid}`;
  return { db: undefined as Database | undefined };
});
vi.mock("@/lib/db/client", () => {
  const db = () => {
    if (!gen.db) throw new Error("no test database is open");
    return gen.db;
  };
  return { getDb: async () => db(), getOpenedDatabase: async () => ({ db: db() }) };
});

const SEED = 20261206;
const RUNS = Number(process.env.GENERATIVE_RUNS ?? 40);

/** The values the issue names, and their cousins: sent as they are to every field of every door. */
const NASTY: unknown[] = [
  "",
  "\u0000",
  "上海\u0000公司",
  "\ud800",
  "x\udc00y",
  "\u3000",
  "\u3000\u200b",
  "\u00a0\ufeff\u2060",
  "\u202e司公海上",
  "a\u0007b",
  "\u0085",
  "1e30",
  1e30,
  -0,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  "1e5",
  "-5",
  -5,
  2 ** 31,
  -(2 ** 31) - 1,
  1e-7,
  10 ** 21,
  "9".repeat(40),
  "+275760-09-13",
  "294277-01-01",
  "0000-01-01",
  "2026-13-45",
  "2026-02-30T25:61",
  "%_\\",
  "' OR 1=1 --",
  "１２００",
  "3.5亿",
  "5元",
  "x".repeat(5000),
  null,
  true,
  [],
  {},
  ["\u0000"],
  { "\u0000": "\ud800" },
];

/** One of each kind of the above, for doors with many fields (the listing form has thirty). */
const NASTY_CORE: unknown[] = [
  "\u0000",
  "上海\u0000公司",
  "\ud800",
  "\u3000\u200b",
  "\u202e司公海上",
  "a\u0007b",
  "1e30",
  1e30,
  -0,
  Number.NaN,
  "1e5",
  -5,
  2 ** 31,
  "+275760-09-13",
  "0000-01-01",
  "１２００",
  "x".repeat(5000),
  null,
  true,
  {},
];

/** Any text: every UTF-16 unit (so lone surrogates and NUL too), weighted towards the troublesome ones. */
const anyText = fc.string({
  unit: fc.oneof(
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        "\u0000",
        "\ud800",
        "\udfff",
        "\u202e",
        "\u3000",
        "\u200b",
        "\u0085",
        "\ufffe",
        "%",
        "\\",
        "'",
      ),
    },
    { weight: 4, arbitrary: fc.integer({ min: 0, max: 0xffff }).map((unit) => String.fromCharCode(unit)) },
    { weight: 4, arbitrary: fc.constantFrom("0", "1", "9", ".", ",", "-", "万", "亿", "公", "司", "a", " ") },
  ),
  maxLength: 30,
});

/** Any value a JSON body or a server action's argument can hold, and the numbers JSON cannot. */
const anyValue: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { weight: 6, arbitrary: anyText },
    { weight: 2, arbitrary: fc.constantFrom(...NASTY) },
    {
      weight: 2,
      arbitrary: fc.oneof(fc.double(), fc.integer(), fc.bigInt({ min: -(2n ** 70n), max: 2n ** 70n }).map(Number)),
    },
    { weight: 1, arbitrary: fc.oneof(fc.boolean(), fc.constant(null), fc.constant(undefined)) },
    { weight: 1, arbitrary: fc.array(tie("value"), { maxLength: 3 }) },
    { weight: 1, arbitrary: fc.dictionary(anyText, tie("value"), { maxKeys: 2 }) },
  ),
})).value;

/** The lib/ mutation behind each server action of the "use server" modules (lib/<domain>/actions.ts and kin), by name. */
const ACTION_MUTATIONS = [
  "updateLead",
  "claimLead",
  "assignLeads",
  "mergeLeads",
  "archiveLead",
  "restoreLead",
  "eraseLeadPersonalData",
  "logActivity",
  "createTask",
  "setTaskDone",
  "moveLeadStage",
  "moveLeadsStage",
  "createStage",
  "renameStage",
  "reorderStages",
  "deleteStage",
  "createLostReason",
  "updateLostReason",
  "reorderLostReasons",
  "createPark",
  "updatePark",
  "createListing",
  "updateListing",
  "setListingPublished",
  "createBuilding",
  "updateBuilding",
  "deleteBuilding",
  "createUnit",
  "addFloorUnits",
  "updateUnit",
  "deleteUnit",
  "setUnitAvailability",
  "updateListingPhotoAlt",
  "reorderListingPhotos",
  "removeListingPhoto",
  "updateAssignmentSettings",
  "updateWorkingHoursSettings",
  "updateScoreSettings",
  "updateReserveThreshold",
  "createUser",
  "changeUserRole",
  "setUserActive",
  "resetUserPassword",
  "setUserAway",
];

type Input = Record<string, unknown>;

interface Door {
  name: string;
  /** a valid input for this door, built fresh (current versions, a new lead where one is used up) */
  base: () => Promise<Input>;
  call: (input: unknown) => Promise<unknown>;
}

/** The paths of every leaf field of an input ("need.area"); arrays count as one field. */
function fieldsOf(input: Input, prefix = ""): string[] {
  return Object.entries(input).flatMap(([key, value]) =>
    value && typeof value === "object" && !Array.isArray(value)
      ? fieldsOf(value as Input, `${prefix}${key}.`)
      : [`${prefix}${key}`],
  );
}

function withField(input: Input, path: string, value: unknown): Input {
  const [head, ...rest] = path.split(".");
  if (rest.length === 0) return { ...input, [head]: value };
  return { ...input, [head]: withField((input[head] ?? {}) as Input, rest.join("."), value) };
}

const show = (value: unknown) => {
  try {
    return JSON.stringify(value, (_key, item) =>
      typeof item === "number" && !Number.isFinite(item) ? String(item) : item,
    )?.slice(0, 300);
  } catch {
    return String(value);
  }
};

/** Everything a refused call must leave as it was, in one statement (a versioned or touched row moves a sum or a maximum). */
async function snapshot(db: Database): Promise<unknown> {
  const touched = (table: string) => `(SELECT count(*) || '/' || coalesce(max("updatedAt")::text, '') FROM "${table}")`;
  const rows = await db.$queryRawUnsafe<Record<string, unknown>[]>(`SELECT
    (SELECT count(*) || '/' || coalesce(sum(version), 0) || '/' || coalesce(max("updatedAt")::text, '') || '/' || count("archivedAt") || '/' || count("erasedAt") FROM "Lead") AS leads,
    (SELECT count(*)::text FROM "Inquiry") AS inquiries,
    (SELECT count(*)::text FROM "Activity") AS activities,
    (SELECT count(*)::text FROM "StageChange") AS moves,
    (SELECT count(*)::text FROM "AuditEntry") AS audits,
    ${touched("Task")} AS tasks, ${touched("Listing")} AS listings, ${touched("Park")} AS parks, ${touched("User")} AS users, ${touched("Setting")} AS settings,
    (SELECT md5(coalesce(string_agg(id || alt || "altEn" || position, ',' ORDER BY id), '')) FROM "ListingPhoto") AS photos,
    (SELECT md5(coalesce(string_agg(key || name || "nameEn" || position, ',' ORDER BY key), '')) FROM "Stage") AS stages,
    (SELECT md5(coalesce(string_agg(key || name || "nameEn" || position || active::text || "askPark"::text, ',' ORDER BY key), '')) FROM "LostReason") AS reasons`);
  return rows[0];
}

/** An answer the UI can show: success, field errors (message keys), or a refusal with a reason. */
function isAnswer(answer: unknown): answer is { ok: boolean } {
  if (!answer || typeof answer !== "object" || !("ok" in answer)) return false;
  if (answer.ok === true) return true;
  if ("fieldErrors" in answer)
    return (
      typeof answer.fieldErrors === "object" &&
      Object.values(answer.fieldErrors ?? {}).every((key) => typeof key === "string")
    );
  return "reason" in answer || "error" in answer;
}

async function probe(db: Database, door: Door, input: unknown): Promise<void> {
  const before = await snapshot(db);
  let answer: unknown;
  try {
    answer = await door.call(input);
  } catch (error) {
    throw new Error(
      `${door.name} threw on ${show(input)}: ${error instanceof Error ? `${error.name}: ${error.message.slice(0, 300)}` : String(error)}`,
    );
  }
  if (!isAnswer(answer)) throw new Error(`${door.name} answered ${show(answer)} to ${show(input)}`);
  if (!answer.ok)
    expect(await snapshot(db), `${door.name} refused ${show(input)} but changed the database`).toEqual(before);
}

/** Every field of the door with every fixed nasty value, then arbitrary values in arbitrary fields. */
async function exercise(db: Database, door: Door, nasty = NASTY_CORE): Promise<void> {
  const fields = fieldsOf(await door.base());
  for (const field of fields) {
    for (const value of nasty) await probe(db, door, withField(await door.base(), field, value));
  }
  await fc.assert(
    fc.asyncProperty(
      fc.constantFrom(...fields),
      anyValue,
      fc.option(fc.tuple(fc.constantFrom(...fields), anyValue)),
      async (field, value, second) => {
        let input = withField(await door.base(), field, value);
        if (second) input = withField(input, second[0], second[1]);
        await probe(db, door, input);
      },
    ),
    { seed: SEED, numRuns: RUNS },
  );
}

function generativeSuite(open: () => Promise<TestDatabase>) {
  let database: TestDatabase;
  let db: Database;
  let admin: Viewer;
  let parkId: string;
  const doors: Door[] = [];
  // The asset register's doors share one building and one unit, made on first use.
  let building: Promise<{ id: string }> | undefined;
  let unit: Promise<{ id: string }> | undefined;
  let floorRuns = 0;
  const registerBuilding = () =>
    (building ??= db.building.create({
      data: { parkId, name: unique("生成测试楼"), kind: "FACTORY", factoryType: "STANDARD" },
    }));
  const registerUnit = () =>
    (unit ??= registerBuilding().then((made) =>
      db.unit.create({
        data: { buildingId: made.id, parkId, number: "101", area: "500", areaUnit: "SQM", areaSqm: "500" },
      }),
    ));

  beforeAll(async () => {
    database = await open();
    db = database.opened.db;
    gen.db = db;
    const person = await makeUser(db, "ADMIN");
    admin = { id: person.id, email: person.email, name: person.name, role: person.role };
    parkId = (await makePark(db)).id;
    const other = await makeUser(db, "STAFF");
    const lead = await makeLead(db, other.id);
    const versionOf = async (id: string) =>
      (await db.lead.findUniqueOrThrow({ where: { id }, select: { version: true } })).version;
    const newStage = await makeStage(db);
    const reason = await makeLostReason(db);
    const task = await makeTask(db, lead.id, other.id);
    const { listing, photos } = await makeListing(db, parkId, 2);
    const park = await db.park.findUniqueOrThrow({ where: { id: parkId } });

    doors.push(
      {
        name: "updateLead",
        base: async () => ({
          leadId: lead.id,
          version: await versionOf(lead.id),
          company: "嘉兴生成测试有限公司",
          notes: "回访记录",
          investment: "3.5亿",
        }),
        call: (input) => updateLead(db, admin, input),
      },
      {
        name: "claimLead",
        base: async () => ({ leadId: (await makeLead(db, null)).id }),
        call: (input) => claimLead(db, admin, input),
      },
      {
        name: "assignLeads",
        base: async () => ({ leadIds: [lead.id], ownerId: other.id }),
        call: (input) => assignLeads(db, admin, input),
      },
      {
        name: "mergeLeads",
        base: async () => {
          const [survivor, merged] = [await makeLead(db, other.id), await makeLead(db, other.id)];
          return {
            survivorId: survivor.id,
            mergedId: merged.id,
            survivorVersion: survivor.version,
            mergedVersion: merged.version,
          };
        },
        call: (input) => mergeLeads(db, admin, input),
      },
      {
        name: "archiveLead",
        base: async () => ({ leadId: lead.id, version: await versionOf(lead.id) }),
        call: (input) => archiveLead(db, admin, input),
      },
      {
        name: "restoreLead",
        base: async () => ({ leadId: lead.id, version: await versionOf(lead.id) }),
        call: (input) => restoreLead(db, admin, input),
      },
      {
        name: "eraseLeadPersonalData",
        // Each erase works on a lead of its own: an erased lead would leave nothing to refuse.
        base: async () => {
          const fresh = await makeLead(db, other.id);
          return { leadId: fresh.id, confirm: fresh.company, reason: "2026-12-01 电话申请删除" };
        },
        call: (input) => eraseLeadPersonalData(db, admin, input),
      },
      {
        name: "logActivity",
        base: async () => ({
          leadId: lead.id,
          kind: "CALL",
          outcome: "reached",
          body: "客户确认下周看厂",
          occurredAt: "",
        }),
        call: (input) => logActivity(db, admin, input),
      },
      {
        name: "createTask",
        base: async () => ({ leadId: lead.id, title: "回访：确认用地指标", dueAt: "2027-01-05T10:00", assigneeId: "" }),
        call: (input) => createTask(db, admin, input),
      },
      {
        name: "setTaskDone",
        base: async () => ({ taskId: task.id, done: true }),
        call: (input) => setTaskDone(db, admin, input),
      },
      {
        name: "moveLeadStage",
        base: async () => {
          const fresh = await makeLead(db, other.id);
          return {
            leadId: fresh.id,
            fromStageKey: "new",
            toStageKey: "signed",
            signedArea: "30",
            signedAreaUnit: "MU",
            signedAnnualTax: "600.5",
            lostReasonKey: "",
            lostToPark: "",
          };
        },
        call: (input) => moveLeadStage(db, admin, input),
      },
      {
        name: "moveLeadsStage",
        base: async () => ({
          leadIds: [(await makeLead(db, other.id)).id],
          toStageKey: "lost",
          lostReasonKey: reason.key,
          lostToPark: "平湖某园",
        }),
        call: (input) => moveLeadsStage(db, admin, input),
      },
      {
        name: "createStage",
        base: async () => ({ key: uniqueKey("gen"), name: "生成阶段", nameEn: "Generated", category: "OPEN" }),
        call: (input) => createStage(db, admin, input),
      },
      {
        name: "renameStage",
        base: async () => ({ key: newStage.key, name: "改名阶段", nameEn: "Renamed" }),
        call: (input) => renameStage(db, admin, input),
      },
      {
        name: "reorderStages",
        base: async () => ({
          keys: (await db.stage.findMany({ orderBy: { position: "asc" } })).map((stage) => stage.key),
        }),
        call: (input) => reorderStages(db, admin, input),
      },
      {
        name: "deleteStage",
        base: async () => ({ key: (await makeStage(db)).key }),
        call: (input) => deleteStage(db, admin, input),
      },
      {
        name: "createLostReason",
        base: async () => ({ key: uniqueKey("gen"), name: "生成原因", nameEn: "Generated", askPark: false }),
        call: (input) => createLostReason(db, admin, input),
      },
      {
        name: "updateLostReason",
        base: async () => ({ key: reason.key, name: "改名原因", nameEn: "Renamed", askPark: true, active: true }),
        call: (input) => updateLostReason(db, admin, input),
      },
      {
        name: "reorderLostReasons",
        base: async () => ({
          keys: (await db.lostReason.findMany({ orderBy: { position: "asc" } })).map((item) => item.key),
        }),
        call: (input) => reorderLostReasons(db, admin, input),
      },
      { name: "createPark", base: async () => parkInput(), call: (input) => createPark(db, admin, input) },
      {
        name: "updatePark",
        base: async () => {
          const { ownerId: _ownerId, ...fields } = parkInput(park.slug);
          const current = await db.park.findUniqueOrThrow({ where: { id: parkId } });
          return { ...fields, id: parkId, updatedAt: current.updatedAt.toISOString(), ownerId: "" };
        },
        call: (input) => updatePark(db, admin, input),
      },
      {
        name: "createListing",
        base: async () => doorListingInput(parkId),
        call: (input) => createListing(db, admin, input),
      },
      {
        name: "updateListing",
        base: async () => listingEdit(parkId, await db.listing.findUniqueOrThrow({ where: { id: listing.id } })),
        call: (input) => updateListing(db, admin, input),
      },
      {
        name: "setListingPublished",
        base: async () => ({ id: listing.id, published: true }),
        call: (input) => setListingPublished(db, admin, input),
      },
      {
        name: "createBuilding",
        base: async () => ({ parkId, name: unique("生成楼"), kind: "FACTORY", factoryType: "STANDARD", storeys: "3" }),
        call: (input) => createBuilding(db, admin, input),
      },
      {
        name: "updateBuilding",
        base: async () => {
          const building = await registerBuilding();
          const current = await db.building.findUniqueOrThrow({ where: { id: building.id } });
          return {
            id: current.id,
            updatedAt: current.updatedAt.toISOString(),
            name: current.name,
            kind: "FACTORY",
            factoryType: "STANDARD",
            powerKva: "630",
          };
        },
        call: (input) => updateBuilding(db, admin, input),
      },
      {
        name: "deleteBuilding",
        base: async () => ({
          id: (await db.building.create({ data: { parkId, name: unique("空楼"), kind: "OFFICE" } })).id,
        }),
        call: (input) => deleteBuilding(db, admin, input),
      },
      {
        name: "createUnit",
        base: async () => ({
          buildingId: (await registerBuilding()).id,
          floor: "2",
          number: unique("2"),
          area: "500",
          areaUnit: "SQM",
          listPrice: "1.2",
          floorPrice: "1",
          priceUnit: "YUAN_PER_SQM_DAY",
        }),
        call: (input) => createUnit(db, admin, input),
      },
      {
        name: "addFloorUnits",
        base: async () => {
          const first = 1000 + (++floorRuns % 90) * 100;
          return {
            buildingId: (await registerBuilding()).id,
            floor: "9",
            first: String(first),
            last: String(first + 2),
            area: "300",
            areaUnit: "SQM",
          };
        },
        call: (input) => addFloorUnits(db, admin, input),
      },
      {
        name: "updateUnit",
        base: async () => {
          const unit = await registerUnit();
          const current = await db.unit.findUniqueOrThrow({ where: { id: unit.id } });
          return {
            id: current.id,
            version: current.version,
            floor: "1",
            number: current.number,
            area: "650",
            areaUnit: "SQM",
            listPrice: "",
            floorPrice: "",
            priceUnit: "",
          };
        },
        call: (input) => updateUnit(db, admin, input),
      },
      {
        name: "deleteUnit",
        base: async () => {
          const unit = await db.unit.create({
            data: {
              buildingId: (await registerBuilding()).id,
              parkId,
              number: unique("删"),
              area: "100",
              areaUnit: "SQM",
              areaSqm: "100",
            },
          });
          return { id: unit.id, version: unit.version };
        },
        call: (input) => deleteUnit(db, admin, input),
      },
      {
        name: "setUnitAvailability",
        base: async () => ({ id: (await registerUnit()).id, available: false }),
        call: (input) => setUnitAvailability(db, admin, input),
      },
      {
        name: "updateListingPhotoAlt",
        base: async () => ({ photoId: photos[0].id, alt: "厂房外景", altEn: "Outside" }),
        call: (input) => updateListingPhotoAlt(db, admin, input),
      },
      {
        name: "reorderListingPhotos",
        base: async () => ({ listingId: listing.id, photoIds: photos.map((photo) => photo.id).reverse() }),
        call: (input) => reorderListingPhotos(db, admin, input),
      },
      {
        name: "removeListingPhoto",
        base: async () => ({ photoId: (await makeListing(db, parkId, 1)).photos[0].id }),
        call: (input) => removeListingPhoto(db, admin, input, getStorage()),
      },
      {
        name: "updateAssignmentSettings",
        base: async () => ({ rule: "round_robin" }),
        call: (input) => updateAssignmentSettings(db, admin, input),
      },
      {
        name: "updateWorkingHoursSettings",
        base: async () => ({
          days: [1, 2, 3, 4, 5],
          start: "09:00",
          end: "18:00",
          firstResponseHours: "4",
          holidays: "2027-01-01",
          workdays: "",
        }),
        call: (input) => updateWorkingHoursSettings(db, admin, input),
      },
      {
        name: "updateScoreSettings",
        base: async () => ({
          weights: { tax: 16, investment: 17 },
          preferredIndustries: "智能制造、新材料",
          vetoes: { bannedIndustries: "电镀、印染", minExpectedTax: "" },
        }),
        call: (input) => updateScoreSettings(db, admin, input),
      },
      {
        name: "updateReserveThreshold",
        base: async () => ({ threshold: "1000万" }),
        call: (input) => updateReserveThreshold(db, admin, input),
      },
      {
        name: "createUser",
        base: async () => ({
          email: `${unique("gen")}@park.test`,
          name: "新同事",
          role: "STAFF",
          password: "first password",
        }),
        call: (input) => createUser(db, admin, input),
      },
      {
        name: "changeUserRole",
        base: async () => ({ userId: other.id, role: "STAFF" }),
        call: (input) => changeUserRole(db, admin, input),
      },
      {
        name: "setUserActive",
        base: async () => ({ userId: other.id, active: true }),
        call: (input) => setUserActive(db, admin, input),
      },
      {
        name: "resetUserPassword",
        base: async () => ({ userId: (await makeUser(db, "STAFF")).id }),
        call: (input) => resetUserPassword(db, admin, input),
      },
      {
        name: "setUserAway",
        base: async () => ({ userId: other.id, away: false }),
        call: (input) => setUserAway(db, admin, input),
      },
    );
  });

  afterAll(async () => {
    gen.db = undefined;
    await database?.cleanup();
  });

  it("POST /api/inquiries answers every field's arbitrary value with 201 or 4xx, never 5xx, and stores nothing it refused", async () => {
    const post = (body: string) =>
      inquiriesRoute.POST(
        new Request("http://localhost/api/inquiries", {
          method: "POST",
          headers: { "content-type": "application/json" },
          body,
        }),
      );
    const door = {
      name: "POST /api/inquiries",
      base: async () => ({ ...inquiryBody(), investment: "3.5亿", message: "第一行\n第二行" }),
      call: async (input: unknown, raw?: string) => {
        const response = await post(raw ?? JSON.stringify(input) ?? "null");
        expect(response.status, `${response.status} for ${show(input)}: ${await response.clone().text()}`).toBeLessThan(
          500,
        );
        return response.status === 201 ? { ok: true } : { ok: false, error: response.status };
      },
    };
    await exercise(db, door, NASTY);
    // Raw bodies JSON.stringify never writes: escaped NUL and lone surrogates, deep nesting, a huge exponent, not JSON at all.
    const body = inquiryBody();
    const raws = [
      JSON.stringify(body).replace('"王先生"', '"\\u0000"'),
      JSON.stringify(body).replace('"王先生"', '"\\ud800\\ud800"'),
      JSON.stringify(body).replace('"2400"', "1e400"),
      "[".repeat(5000),
      "\u0000",
      "",
    ];
    for (const raw of raws) await probe(db, { ...door, call: async () => door.call(undefined, raw) }, raw);
  });

  it("the inquiry path itself answers values JSON cannot carry (NaN, -0, Infinity, undefined)", async () => {
    const context = { channel: "API" as const, locale: "zh-CN" as const, source: { page: "api" } };
    await exercise(
      db,
      {
        name: "submitInquiry",
        base: async () => inquiryBody(uniquePhone()),
        call: (input) => submitInquiry(db, input, context),
      },
      NASTY,
    );
  });

  it("drives every server action's mutation below", () => {
    expect(doors.map((door) => door.name)).toEqual(ACTION_MUTATIONS);
  });

  for (const name of ACTION_MUTATIONS) {
    it(`${name} answers arbitrary input with a result or field errors, and refused input changes nothing`, async () => {
      await exercise(
        db,
        doors.find((door) => door.name === name)!,
      );
    });
  }

  it("the inbox reads any URL parameters: unreadable ones are named and ignored, the page still loads", async () => {
    const names = [
      "q",
      "stage",
      "owner",
      "park",
      "listing",
      "source",
      "from",
      "to",
      "overdue",
      "late",
      "archived",
      "sort",
      "dir",
      "cursor",
    ];
    const params = fc.dictionary(
      fc.constantFrom(...names),
      fc.oneof(
        anyText,
        fc.constantFrom(...NASTY.filter((value) => typeof value === "string")),
        fc.array(anyText, { maxLength: 2 }),
      ),
    );
    await fc.assert(
      fc.asyncProperty(params, async (values) => {
        const { query } = parseInboxParams(values as Record<string, string | string[]>);
        const page = await listInbox(db, admin, query);
        // A cursor that does not decode is the one parameter answered as a field error (the page shows it).
        if (!page.ok) expect(Object.keys(page.fieldErrors), show(values)).toEqual(["cursor"]);
        // Raw filters that reach listInbox without the page's parsing are field errors, never a database error.
        const raw = await listInbox(db, admin, { filter: values });
        expect(isAnswer(raw), show(values)).toBe(true);
      }),
      { seed: SEED, numRuns: RUNS * 3 },
    );
    const garbage = Buffer.from(
      JSON.stringify({ s: "received", d: "desc", w: "after", v: "0000-01-01T00:00:00Z", i: "x" }),
    ).toString("base64url");
    expect(isAnswer(await listInbox(db, admin, { cursor: garbage }))).toBe(true);
  });

  it("the duplicates' and the audit log's page cursors read any text as a page or a field error, never a database error", async () => {
    const cursorText = fc.oneof(
      anyText,
      anyText.map((text) => Buffer.from(text, "utf8").toString("base64url")),
      fc.constantFrom("AA", "AAE", "-62198755200000~cm1", "1764979200000~a\u0000"),
    );
    await fc.assert(
      fc.asyncProperty(cursorText, fc.integer({ min: -8.64e15, max: 8.64e15 }), anyText, async (cursor, time, id) => {
        expect(isAnswer(await duplicateGroups(db, admin, { cursor })), cursor).toBe(true);
        await listAuditEntries(db, admin, { before: parseAuditCursor(cursor) });
        await listAuditEntries(db, admin, { before: parseAuditCursor(`${time}~${id}`) });
      }),
      { seed: SEED, numRuns: RUNS * 3 },
    );
  });

  it("the reports read any URL parameters: unreadable days are notices, exports refuse with field errors", async () => {
    const names = ["range", "from", "to", "park", "kind", "source", "owner", "period", "tab", "report"];
    const day = fc.oneof(
      fc.constantFrom("2026-13-45", "2026-02-30", "0000-01-01", "+275760-09-13", "294277-01-01", "2026-10-01"),
      anyText,
    );
    const params = fc.dictionary(
      fc.constantFrom(...names),
      fc.oneof(anyText, day, fc.constantFrom("custom", "this_year", "funnel", "trend", "LAND", "week")),
    );
    await fc.assert(
      fc.asyncProperty(params, async (values) => {
        const view = reportViewOf(values as Record<string, string>);
        await funnelReport(db, admin, view.filter);
        const before = await snapshot(db);
        const exported = await exportReportCsv(db, admin, { report: "funnel", ...values } as Record<string, string>, {
          locale: "zh-CN",
        });
        expect(isAnswer(exported), show(values)).toBe(true);
        if (!exported.ok) expect(await snapshot(db)).toEqual(before);
      }),
      { seed: SEED, numRuns: RUNS * 3 },
    );
    expect(reportViewOf({ range: "custom", from: "2026-13-45", to: "2026-10-01" }).invalid).toContain("from");
  });
}

describe("generative input on the embedded database (PGlite)", () => generativeSuite(() => openTestPglite()));
describeOnPostgres("generative input on PostgreSQL", () => generativeSuite(() => openTestPostgres()));
