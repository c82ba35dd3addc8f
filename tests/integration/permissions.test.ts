import { rm } from "node:fs/promises";
import ExcelJS from "exceljs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import * as activityActions from "@/lib/activities/actions";
import { AccessDenied } from "@/lib/auth/access";
import { getViewer, type SessionClaims, type Viewer } from "@/lib/auth/session";
import type { Database } from "@/lib/db/client";
import type { OpenedDatabase } from "@/lib/db/open";
import * as localeActions from "@/lib/i18n/actions";
import * as inquiryActions from "@/lib/inquiries/actions";
import * as assignActions from "@/lib/leads/assign/actions";
import * as editActions from "@/lib/leads/edit/actions";
import * as archiveActions from "@/lib/leads/archive/actions";
import * as eraseActions from "@/lib/leads/erase/actions";
import * as demoActions from "@/lib/demo/remove/actions";
import * as mergeActions from "@/lib/leads/merge/actions";
import * as scoreActions from "@/lib/leads/score/actions";
import { leadDetail } from "@/lib/leads/detail/queries";
import { findDuplicates } from "@/lib/leads/duplicates/queries";
import { listInbox } from "@/lib/leads/inbox/queries";
import * as inboxActions from "@/lib/leads/inbox/actions";
import * as listingActions from "@/lib/listings/admin/actions";
import * as offerActions from "@/lib/inventory/offers/actions";
import * as registerActions from "@/lib/inventory/register/actions";
import * as pickerActions from "@/lib/inventory/picker/actions";
import * as holdsActions from "@/lib/inventory/holds/actions";
import * as supervisionActions from "@/lib/projects/supervision/actions";
import * as projectRegisterActions from "@/lib/projects/register/actions";
import * as fundingActions from "@/lib/projects/funding/actions";
import { projectFunding } from "@/lib/projects/funding/queries";
import * as projectYearActions from "@/lib/projects/years/actions";
import { projectYears } from "@/lib/projects/years/queries";
import * as parkYardstickActions from "@/lib/projects/evaluation-parks/actions";
import { parkYardsticks } from "@/lib/projects/evaluation-parks/queries";
import { shanghaiDay } from "@/lib/calendar/shanghai-time";
import { projectHeader, projectList } from "@/lib/projects/register/queries";
import { projectFilterSchema } from "@/lib/projects/register/schema";
import { supervisionList, supervisionsOfProject } from "@/lib/projects/supervision/queries";
import { holdUnits } from "@/lib/inventory/holds/mutations";
import { moveLeadStage } from "@/lib/leads/stage/mutations";
import { buildingForEdit } from "@/lib/inventory/register/queries";
import * as parkActions from "@/lib/parks/actions";
import * as pipelineActions from "@/lib/pipeline/actions";
import { loadBoard } from "@/lib/pipeline/queries";
import * as settingsActions from "@/lib/settings/actions";
import { getStorage } from "@/lib/storage";
import { newStorageKey } from "@/lib/storage/storage";
import * as taskActions from "@/lib/tasks/actions";
import * as userActions from "@/lib/users/actions";
import * as healthRoute from "@/app/api/health/route";
import * as inquiriesRoute from "@/app/api/inquiries/route";
import * as openApiRoute from "@/app/api/openapi.json/route";
import * as v1InquiriesRoute from "@/app/api/v1/inquiries/route";
import * as v1LeadsRoute from "@/app/api/v1/leads/route";
import * as v1LeadRoute from "@/app/api/v1/leads/[id]/route";
import * as v1LeadStageRoute from "@/app/api/v1/leads/[id]/stage/route";
import * as v1ListingsRoute from "@/app/api/v1/listings/route";
import * as v1ListingRoute from "@/app/api/v1/listings/[id]/route";
import * as exportRoute from "@/app/crm/leads/export/route";
import * as inventoryCellsRoute from "@/app/crm/inventory/cells/route";
import * as photosRoute from "@/app/crm/listings/[id]/photos/route";
import * as mediaRoute from "@/app/media/[...key]/route";
import * as evidenceUploadRoute from "@/app/crm/projects/[id]/evidence/route";
import * as evidenceDownloadRoute from "@/app/crm/projects/[id]/evidence/[evidenceId]/route";
import * as milestoneActions from "@/lib/projects/milestones/actions";
import { milestonesOf } from "@/lib/projects/milestones/queries";
import * as evidenceActions from "@/lib/projects/evidence/actions";
import { addEvidence } from "@/lib/projects/evidence/mutations";
import * as reportExportRoute from "@/app/crm/reports/export/route";
import * as reportWorkbookRoute from "@/app/crm/reports/export/workbook/route";
import * as projectExportRoute from "@/app/crm/projects/export/route";
import * as importErrorsRoute from "@/app/crm/leads/import/[id]/errors/route";
import * as unitImportErrorsRoute from "@/app/crm/inventory/import/[id]/errors/route";
import * as importActions from "@/lib/leads/import/actions";
import * as reportSettingsActions from "@/lib/reports/settings/actions";
import { occupancyReport } from "@/lib/reports/occupancy/queries";
import { deliveryReport } from "@/lib/reports/delivery/queries";
import { reportViewOf } from "@/lib/reports/report-view";
import * as privacyStatusActions from "@/lib/inquiries/status/actions";
import { inquiryStatus } from "@/lib/inquiries/status/queries";
import { statusKey } from "@/lib/inquiries/status-link";
import * as privacyRequestActions from "@/lib/privacy/requests/actions";
import { listPrivacyRequests } from "@/lib/privacy/requests/queries";
import { makeInquiry } from "../support/inquiry-status-fixtures";
import { seal } from "@/lib/auth/seal";
import * as notifyAdminActions from "@/lib/notify/admin/actions";
import * as apiKeyActions from "@/lib/api/keys/actions";
import { apiKeyRequests, listApiKeys } from "@/lib/api/keys/queries";
import { makeApiKey } from "../support/api-key-fixtures";
import { listDeliveries } from "@/lib/notify/admin/log";
import { notificationSettings } from "@/lib/notify/admin/queries";
import { MAIL_SERVER_KEY, NOTIFY_RULES_KEY } from "@/lib/notify/settings";
import * as preferenceActions from "@/lib/users/preferences/actions";
import * as webhookActions from "@/lib/webhooks/actions";
import { webhookSettings } from "@/lib/webhooks/queries";
import { parkBoard } from "@/lib/inventory/grid/queries";
import { unitOfCell } from "@/lib/inventory/grid/cell";
import * as leadPickerActions from "@/lib/leads/picker/actions";
import { ownPreferences } from "@/lib/users/preferences/queries";
import { describeOnPostgres, openTestPglite, openTestPostgres } from "../support/databases";
import {
  doorsOnDisk,
  doorListingInput,
  inquiryBody,
  inquiryForm,
  isExported,
  leadState,
  listingEdit,
  listingState,
  makeLead,
  makeListing,
  makeLostReason,
  makePark,
  makeProject,
  makeStage,
  makeTask,
  makeUser,
  parkInput,
  PNG,
  unique,
  uniqueIp,
  uniqueKey,
  uniquePhone,
  type Person,
} from "../support/door-fixtures";

/*
 * Issue 3's proof: every server action and route handler × {anonymous, staff, manager, admin,
 * deactivated}, called for real against the database. Only Next's request plumbing is replaced:
 * the session cookie (getServerSession answers the claims of the user playing the role, and
 * lib/auth/session.ts checks them against the database as it does in production), cookies and
 * headers, redirect, and page revalidation.
 */

const door = vi.hoisted(() => {
  // Uploaded photos and the media route's files go to a folder of this run, not ./data.
  process.env.STORAGE_DIR = `${process.env.TMPDIR ?? "/tmp"}/parklead-doors-${process.pid}`;
  class Redirected extends Error {
    constructor(readonly url: string) {
      super(`redirect to ${url}`);
    }
  }
  return {
    opened: undefined as OpenedDatabase | undefined,
    claims: null as SessionClaims | null,
    cookies: new Map<string, string>(),
    headers: new Headers(),
    Redirected,
  };
});

vi.mock("@/lib/db/client", () => {
  const opened = () => {
    if (!door.opened) throw new Error("no test database is open");
    return door.opened;
  };
  return { getOpenedDatabase: async () => opened(), getDb: async () => opened().db };
});
vi.mock("next-auth", () => ({
  getServerSession: async () => door.claims,
  default: () => {
    throw new Error("the next-auth handler is not called in this test");
  },
}));
vi.mock("@/lib/auth/options", () => ({ authOptions: async () => ({}), SESSION_HOURS: 12 }));
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));
vi.mock("next/headers", () => ({
  cookies: async () => ({
    get: (name: string) => (door.cookies.has(name) ? { name, value: door.cookies.get(name) } : undefined),
    set: (name: string, value: string) => void door.cookies.set(name, value),
  }),
  headers: async () => door.headers,
}));
vi.mock("next/navigation", () => ({
  redirect: (url: string) => {
    throw new door.Redirected(url);
  },
  notFound: () => {
    throw new Error("notFound() is for pages; no door should call it");
  },
}));

const ROOT = path.resolve(__dirname, "../..");
const CALLERS = ["anonymous", "staff", "manager", "admin", "deactivated"] as const;
type Caller = (typeof CALLERS)[number];
/** "taken": a claim of a lead someone already owns (alreadyClaimed), which is neither a refusal nor a hiding. */
type Outcome = "allowed" | "denied" | "notFound" | "taken";
type Expected = Record<Caller, Outcome>;

interface World {
  db: Database;
  staff: Person;
  manager: Person;
  admin: Person;
  /** an admin who was deactivated: the most a stale session cookie could carry */
  deactivated: Person;
  /** the officer owning the leads the staff caller must not see */
  otherStaff: Person;
  /** the active user leads get reassigned to */
  receiver: Person;
  parkId: string;
}
interface Prepared {
  call: () => Promise<Outcome>;
  /** what an allowed call changes and any other call leaves exactly as it was */
  state?: () => Promise<unknown>;
  cleanup?: () => Promise<void>;
}
interface Row {
  door: string;
  name: string;
  on: string;
  expected: Expected;
  prepare: (world: World, actor: Person | null) => Promise<Prepared>;
  /** the code that calls the door, to check it calls the one it names */
  source: string;
}

const is = (outcomes: Partial<Expected>): Expected => ({
  anonymous: "denied",
  staff: "denied",
  manager: "denied",
  admin: "denied",
  deactivated: "denied",
  ...outcomes,
});
const ADMIN_ONLY = is({ admin: "allowed" });
const LEAD_MANAGERS = is({ manager: "allowed", admin: "allowed" });
const WORKSPACE = is({ staff: "allowed", manager: "allowed", admin: "allowed" });
const OTHERS_LEAD = is({ staff: "notFound", manager: "allowed", admin: "allowed" });
const PUBLIC: Expected = {
  anonymous: "allowed",
  staff: "allowed",
  manager: "allowed",
  admin: "allowed",
  deactivated: "allowed",
};

/** A server action's answer; anything but these four (a field error of bad input) fails the test. */
function answerOf(result: unknown): Outcome {
  if (result && typeof result === "object" && "ok" in result) {
    if (result.ok === true) return "allowed";
    if ("error" in result && result.error === "forbidden") return "denied";
    if ("fieldErrors" in result && result.fieldErrors && typeof result.fieldErrors === "object") {
      const keys = Object.values(result.fieldErrors);
      if (keys.includes("notFound")) return "notFound";
      if (keys.includes("alreadyClaimed")) return "taken";
    }
  }
  throw new Error(`unexpected answer: ${JSON.stringify(result)}`);
}

async function statusOf(response: Response, success: number): Promise<Outcome> {
  if (response.status === success) return "allowed";
  if (response.status === 401 || response.status === 403) return "denied";
  if (response.status === 404) return "notFound";
  throw new Error(`unexpected ${response.status}: ${await response.text()}`);
}

/** A page's read: the viewer it would get, then the lib/ query; hidden reads come back null or without the lead. */
async function readAs<T>(read: (viewer: Viewer | null) => Promise<T>, sees: (value: T) => boolean): Promise<Outcome> {
  const viewer = await getViewer();
  try {
    return sees(await read(viewer)) ? "allowed" : "notFound";
  } catch (error) {
    if (error instanceof AccessDenied) return "denied";
    throw error;
  }
}

async function redirectsTo(work: () => Promise<unknown>, target: RegExp): Promise<Outcome> {
  let answer: unknown;
  try {
    answer = await work();
  } catch (error) {
    if (error instanceof door.Redirected && target.test(error.url)) return "allowed";
    throw error;
  }
  throw new Error(`no redirect; answered ${JSON.stringify(answer)}`);
}

/** The status page's form answers by redirecting back to the page: with the request made, or with why not. */
async function privacyRequestAnswer(work: () => Promise<unknown>): Promise<Outcome> {
  try {
    await work();
  } catch (error) {
    if (error instanceof door.Redirected && /[?&]requested=/.test(error.url)) return "allowed";
    if (error instanceof door.Redirected && /[?&]error=notFound$/.test(error.url)) return "notFound";
    throw error;
  }
  throw new Error("no redirect");
}

function form(fields: Record<string, string | string[]>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) for (const item of [value].flat()) data.append(name, item);
  return data;
}

const nameOf = (doorId: string) => doorId.split("#")[1];
const row = (doorId: string, on: string, expected: Expected, prepare: Row["prepare"], name = nameOf(doorId)): Row => ({
  door: doorId,
  name,
  on,
  expected,
  prepare,
  source: String(prepare),
});

type Lead = Awaited<ReturnType<typeof makeLead>>;
const OWNERS = {
  "on another officer's lead": (world: World) => world.otherStaff.id,
  "on the staff caller's own lead": (world: World) => world.staff.id,
  "on a pool lead": () => null,
};
/** A door that works one fresh lead, with the lead's state checked after the call. */
function leadRow(
  doorId: string,
  on: keyof typeof OWNERS,
  expected: Expected,
  call: (lead: Lead, world: World) => Promise<Outcome>,
  options: { archived?: boolean; name?: string } = {},
): Row {
  const prepare = async (world: World): Promise<Prepared> => {
    const lead = await makeLead(world.db, OWNERS[on](world), options);
    return { call: () => call(lead, world), state: () => leadState(world.db, lead.id) };
  };
  return { ...row(doorId, on, expected, prepare, options.name), source: String(call) };
}
/** A page's read of one fresh lead; reads change nothing, so there is no state to compare. */
function readRow(
  doorId: string,
  on: keyof typeof OWNERS,
  expected: Expected,
  call: (lead: Lead, world: World) => Promise<Outcome>,
  name = `read ${nameOf(doorId)}`,
): Row {
  const prepare = async (world: World): Promise<Prepared> => {
    const lead = await makeLead(world.db, OWNERS[on](world));
    return { call: () => call(lead, world) };
  };
  return { ...row(doorId, on, expected, prepare, name), source: String(call) };
}

const USERS = "lib/users/actions.ts";
const SETTINGS = "lib/settings/actions.ts";
const PIPELINE = "lib/pipeline/actions.ts";
const ASSIGN = "lib/leads/assign/actions.ts";
const EDIT = "lib/leads/edit/actions.ts";
const INBOX = "lib/leads/inbox/actions.ts";
const ARCHIVE = "lib/leads/archive/actions.ts";
const ERASE = "lib/leads/erase/actions.ts";
const DEMO = "lib/demo/remove/actions.ts";
const MERGE = "lib/leads/merge/actions.ts";
const SCORE = "lib/leads/score/actions.ts";
const LISTINGS = "lib/listings/admin/actions.ts";
const OFFERS = "lib/inventory/offers/actions.ts";
const REGISTER = "lib/inventory/register/actions.ts";
const PICKER = "lib/inventory/picker/actions.ts";
const REGISTER_MANAGERS = is({ manager: "allowed", admin: "allowed" });
const HOLDS = "lib/inventory/holds/actions.ts";
const PARKS = "lib/parks/actions.ts";
const NOTIFY = "lib/notify/admin/actions.ts";
const PREFERENCES = "lib/users/preferences/actions.ts";
const API_KEYS = "lib/api/keys/actions.ts";
const DUE = "2030-01-15T10:00";

const userState = (db: Database, id: string) =>
  db.user.findUniqueOrThrow({
    where: { id },
    select: { role: true, active: true, away: true, sessionVersion: true, passwordHash: true },
  });
const settingState = (db: Database, key: string) => db.setting.findUnique({ where: { key }, select: { value: true } });
/** The full order with two keys swapped. */
function swapped(keys: string[], a: string, b: string) {
  return keys.map((key) => (key === a ? b : key === b ? a : key));
}

/** A settings section saved as the admin's form sends it; without a stored row the save always writes one. */
function settingRow(name: string, key: string, call: () => Promise<unknown>, file = SETTINGS): Row {
  const prepare = async (world: World): Promise<Prepared> => {
    await world.db.setting.deleteMany({ where: { key } });
    return { call: async () => answerOf(await call()), state: () => settingState(world.db, key) };
  };
  return { ...row(`${file}#${name}`, `saving the ${key} section`, ADMIN_ONLY, prepare), source: String(call) };
}

/** A park's robot, its address and secret sealed as the admin's form stores them. */
const makeChannel = (db: Database) =>
  db.notifyChannel.create({
    data: {
      kind: "DINGTALK",
      name: unique("门测群").slice(0, 60),
      urlSealed: seal("https://oapi.dingtalk.com/robot/send?access_token=door0123456789"),
      secretSealed: seal("SECdoor0123456789"),
    },
  });
const channelState = (db: Database, id: string) =>
  db.notifyChannel.findUniqueOrThrow({
    where: { id },
    select: { kind: true, name: true, active: true, urlSealed: true, secretSealed: true },
  });

/** An outbound webhook subscription as the admin's form stores it, its URL and secret sealed. */
const makeSubscription = (world: World) =>
  world.db.webhookSubscription.create({
    data: {
      name: unique("门测订阅").slice(0, 60),
      urlSealed: seal("https://crm.partner.test/hooks/door0123456789"),
      secretSealed: seal("whsec_door0123456789"),
      events: ["lead.created"],
      createdById: world.admin.id,
    },
  });
const subscriptionState = (db: Database, id: string) =>
  db.webhookSubscription.findUniqueOrThrow({
    where: { id },
    select: { name: true, events: true, active: true, urlSealed: true, secretSealed: true },
  });
const WEBHOOKS = "lib/webhooks/actions.ts";

/** A task on a fresh lead, assigned to the lead's owner; its lead's state is compared after the call. */
function taskRow(on: "on another officer's lead" | "on the staff caller's own lead", expected: Expected): Row {
  const prepare = async (world: World): Promise<Prepared> => {
    const lead = await makeLead(world.db, OWNERS[on](world));
    const task = await makeTask(world.db, lead.id, lead.ownerId!);
    return {
      call: async () => answerOf(await taskActions.setTaskDoneAction({ taskId: task.id, done: true })),
      state: () => leadState(world.db, lead.id),
    };
  };
  return row("lib/tasks/actions.ts#setTaskDoneAction", on, expected, prepare);
}

const IMPORTS = "lib/leads/import/actions.ts";
/** An import job in a given state, with one row (skipped with an error once analysed) and its file kept. */
async function makeImportJob(world: World, status: "MAPPING" | "PREVIEW" | "DONE") {
  const text = `公司名称,联系人,手机号\n门测公司,王先生,123\n`;
  return world.db.importJob.create({
    data: {
      status,
      fileName: `${unique("door-import")}.csv`,
      fileType: "csv",
      encoding: "utf-8",
      file: new TextEncoder().encode(text),
      keepFile: status === "DONE",
      headers: ["公司名称", "联系人", "手机号"],
      mapping: { "0": "company", "1": "contactName", "2": "phone" },
      totalRows: 1,
      createdById: world.admin.id,
      finishedAt: status === "DONE" ? new Date(Date.now() - 3_600_000) : null,
      rows:
        status === "MAPPING"
          ? undefined
          : {
              create: {
                rowNumber: 2,
                cells: ["门测公司", "王先生", "123"],
                errors: { phone: "phone" },
                proposal: "SKIP",
                result: status === "DONE" ? "SKIPPED" : null,
              },
            },
    },
  });
}
/** A units import of the world's park in a given state, with one refused row, its file kept. */
async function makeUnitImportJob(world: World, status: "MAPPING" | "PREVIEW" | "DONE") {
  const text = `楼栋,单元号,面积\n门测楼,101,abc\n`;
  return world.db.importJob.create({
    data: {
      kind: "UNITS",
      parkId: world.parkId,
      status,
      fileName: `${unique("door-unit-import")}.csv`,
      fileType: "csv",
      encoding: "utf-8",
      file: new TextEncoder().encode(text),
      keepFile: status === "DONE",
      headers: ["楼栋", "单元号", "面积"],
      mapping: { "0": "building", "1": "number", "2": "area" },
      totalRows: 1,
      createdById: world.admin.id,
      finishedAt: status === "DONE" ? new Date(Date.now() - 3_600_000) : null,
      rows:
        status === "MAPPING"
          ? undefined
          : {
              create: {
                rowNumber: 2,
                cells: ["门测楼", "101", "abc"],
                errors: { area: "number" },
                proposal: "SKIP",
                result: status === "DONE" ? "SKIPPED" : null,
              },
            },
    },
  });
}
const importState = (db: Database, id: string) =>
  db.importJob.findUniqueOrThrow({
    where: { id },
    select: { status: true, keepFile: true, mapping: true, rows: { select: { decision: true } } },
  });

/** A building of the world's park with one vacant unit, for the asset register's doors. */
async function makeBuilding(world: World) {
  const building = await world.db.building.create({
    data: { parkId: world.parkId, name: unique("门测楼"), kind: "FACTORY", factoryType: "STANDARD" },
  });
  const unit = await world.db.unit.create({
    data: {
      buildingId: building.id,
      parkId: world.parkId,
      number: "101",
      area: "500",
      areaUnit: "SQM",
      areaSqm: "500",
    },
  });
  return { building, unit };
}
const registerState = (db: Database, buildingId: string) =>
  db.building.findUnique({
    where: { id: buildingId },
    select: {
      updatedAt: true,
      powerKva: true,
      units: { select: { number: true, area: true, status: true, version: true }, orderBy: { number: "asc" } },
    },
  });

const unitState = (db: Database, unitId: string) =>
  db.unit.findUniqueOrThrow({
    where: { id: unitId },
    select: {
      status: true,
      leadId: true,
      heldUntil: true,
      version: true,
      holds: { select: { renewals: true, endedAt: true } },
    },
  });

/**
 * A door on one unit of a fresh lead: vacant, or held for it by its owner (a manager for a pool lead), or held
 * and signed; the unit and its holds are compared after the call.
 */
function unitRow(
  door: string,
  on: keyof typeof OWNERS,
  expected: Expected,
  unitIs: "VACANT" | "HELD" | "SIGNED",
  call: (unitId: string, leadId: string) => Promise<unknown>,
): Row {
  const prepare = async (world: World): Promise<Prepared> => {
    const lead = await makeLead(world.db, OWNERS[on](world));
    const { unit } = await makeBuilding(world);
    if (unitIs !== "VACANT") {
      const holder = [world.staff, world.otherStaff].find((person) => person.id === lead.ownerId) ?? world.manager;
      const held = await holdUnits(world.db, holder, { leadId: lead.id, unitIds: [unit.id] });
      if (!held.ok) throw new Error(`hold refused: ${JSON.stringify(held)}`);
    }
    if (unitIs === "SIGNED") {
      const signed = await moveLeadStage(world.db, world.manager, {
        leadId: lead.id,
        fromStageKey: lead.stageKey,
        toStageKey: "signed",
        signedArea: "500",
        signedAreaUnit: "SQM",
        signedAnnualTax: "100",
        signedUnits: [{ unitId: unit.id }],
      });
      if (!signed.ok) throw new Error(`signing refused: ${JSON.stringify(signed)}`);
    }
    return { call: async () => answerOf(await call(unit.id, lead.id)), state: () => unitState(world.db, unit.id) };
  };
  return { ...row(door, on, expected, prepare), source: String(call) };
}

const SUPERVISION = "lib/projects/supervision/actions.ts";
const PROJECT_OWNERS = {
  "on the staff caller's own project": (world: World) => world.staff.id,
  "on another officer's project": (world: World) => world.otherStaff.id,
};
const supervisionState = (db: Database, id: string) =>
  db.supervision.findUniqueOrThrow({
    where: { id },
    select: { status: true, version: true, closedAt: true, _count: { select: { entries: true } } },
  });
const PROJECT_REGISTER = "lib/projects/register/actions.ts";
const projectState = (db: Database, id: string) =>
  db.project.findUniqueOrThrow({
    where: { id },
    select: { version: true, name: true, jobs: true, ownerId: true, status: true, terminationReason: true },
  });
/** A door that works one fresh project of its owner, with the project's state checked after the call. */
function projectRow(
  doorId: string,
  on: keyof typeof PROJECT_OWNERS,
  expected: Expected,
  call: (projectId: string, world: World) => Promise<Outcome>,
): Row {
  const prepare = async (world: World): Promise<Prepared> => {
    const project = await makeProject(world.db, PROJECT_OWNERS[on](world));
    return { call: () => call(project.id, world), state: () => projectState(world.db, project.id) };
  };
  return { ...row(doorId, on, expected, prepare), source: String(call) };
}
/** A step's answer; an answer by someone other than the assignee is refused as a right they lack (notAssignee). */
const assigneeAnswerOf = (result: unknown): Outcome =>
  (result as { fieldErrors?: Record<string, string> }).fieldErrors?.supervisionId === "notAssignee"
    ? "denied"
    : answerOf(result);
/** A 督办 item on a fresh project, assigned to the project's owner (already answered when asked); its state compared. */
function supervisionRow(
  doorId: string,
  on: keyof typeof PROJECT_OWNERS,
  expected: Expected,
  call: (item: { id: string; version: number }) => Promise<Outcome>,
  { answered = false } = {},
): Row {
  const prepare = async (world: World): Promise<Prepared> => {
    const ownerId = PROJECT_OWNERS[on](world);
    const project = await makeProject(world.db, ownerId);
    const item = await world.db.supervision.create({
      data: {
        projectId: project.id,
        title: "门测：按期开工",
        assigneeId: ownerId,
        openedById: world.manager.id,
        dueOn: new Date("2030-01-15"),
        status: answered ? "ANSWERED" : "OPEN",
      },
    });
    return { call: () => call(item), state: () => supervisionState(world.db, item.id) };
  };
  return { ...row(doorId, on, expected, prepare), source: String(call) };
}

const ROWS: Row[] = [
  // Users: the admin's.
  row(`${USERS}#createUserAction`, "creating a user", ADMIN_ONLY, async (world) => {
    const email = `${unique("invitee")}@park.test`;
    return {
      call: async () =>
        answerOf(
          await userActions.createUserAction({ email, name: "新同事", role: "STAFF", password: "first password" }),
        ),
      state: () => world.db.user.count({ where: { email } }),
    };
  }),
  row(`${USERS}#changeUserRoleAction`, "on another user", ADMIN_ONLY, async (world) => {
    const user = await makeUser(world.db, "STAFF");
    return {
      call: async () => answerOf(await userActions.changeUserRoleAction({ userId: user.id, role: "MANAGER" })),
      state: () => userState(world.db, user.id),
    };
  }),
  row(`${USERS}#setUserActiveAction`, "deactivating another user", ADMIN_ONLY, async (world) => {
    const user = await makeUser(world.db, "STAFF");
    return {
      call: async () => answerOf(await userActions.setUserActiveAction({ userId: user.id, active: false })),
      state: () => userState(world.db, user.id),
    };
  }),
  row(`${USERS}#resetUserPasswordAction`, "on another user", ADMIN_ONLY, async (world) => {
    const user = await makeUser(world.db, "STAFF");
    return {
      call: async () => answerOf(await userActions.resetUserPasswordAction({ userId: user.id })),
      state: () => userState(world.db, user.id),
    };
  }),
  row(`${USERS}#setUserAwayAction`, "on another user", ADMIN_ONLY, async (world) => {
    const user = await makeUser(world.db, "STAFF");
    return {
      call: async () => answerOf(await userActions.setUserAwayAction({ userId: user.id, away: true })),
      state: () => userState(world.db, user.id),
    };
  }),
  row(`${USERS}#setUserAwayAction`, "on themselves", WORKSPACE, async (world, actor) => {
    const userId = actor?.id ?? (await makeUser(world.db, "STAFF")).id;
    return {
      call: async () => answerOf(await userActions.setUserAwayAction({ userId, away: true })),
      state: () => userState(world.db, userId),
      // The role's users keep receiving new leads in later rows.
      cleanup: async () => void (await world.db.user.update({ where: { id: userId }, data: { away: false } })),
    };
  }),

  // Settings and pipeline configuration: the admin's.
  settingRow("updateAssignmentSettingsAction", "assignment", () =>
    settingsActions.updateAssignmentSettingsAction({ rule: "round_robin" }),
  ),
  settingRow("updateWorkingHoursSettingsAction", "workingHours", () =>
    settingsActions.updateWorkingHoursSettingsAction({ days: [1, 2, 3, 4, 5], start: "09:00", end: "18:00" }),
  ),
  settingRow("updateInventorySettingsAction", "inventory", () =>
    settingsActions.updateInventorySettingsAction({ holdDays: 14, staffRenewals: 1, reminderHours: 48 }),
  ),
  settingRow("updateDeliverySettingsAction", "delivery", () =>
    settingsActions.updateDeliverySettingsAction({
      warnDays: 14,
      taxPerMu: "10",
      outputPerMu: "200",
      taxWeight: 60,
      classA: 100,
      classB: 80,
      classC: 50,
    }),
  ),
  settingRow(
    "updateScoreSettingsAction",
    "score",
    () =>
      scoreActions.updateScoreSettingsAction({
        vetoes: { bannedIndustries: "电镀、印染、制革、炼焦", minExpectedTax: "" },
      }),
    SCORE,
  ),
  row(`${PIPELINE}#createStageAction`, "adding a stage", ADMIN_ONLY, async (world) => {
    const key = uniqueKey("door");
    return {
      call: async () =>
        answerOf(
          await pipelineActions.createStageAction({
            key,
            name: "门测新阶段",
            nameEn: "Door new stage",
            category: "OPEN",
          }),
        ),
      state: () => world.db.stage.count({ where: { key } }),
    };
  }),
  row(`${PIPELINE}#renameStageAction`, "on a stage", ADMIN_ONLY, async (world) => {
    const stage = await makeStage(world.db);
    return {
      call: async () =>
        answerOf(await pipelineActions.renameStageAction({ key: stage.key, name: "门测改名", nameEn: "Renamed" })),
      state: () => world.db.stage.findUnique({ where: { key: stage.key } }),
    };
  }),
  row(`${PIPELINE}#reorderStagesAction`, "swapping two stages", ADMIN_ONLY, async (world) => {
    const [a, b] = [await makeStage(world.db), await makeStage(world.db)];
    const keys = (await world.db.stage.findMany({ orderBy: { position: "asc" }, select: { key: true } })).map(
      (stage) => stage.key,
    );
    return {
      call: async () => answerOf(await pipelineActions.reorderStagesAction({ keys: swapped(keys, a.key, b.key) })),
      state: () => world.db.stage.findMany({ where: { key: { in: [a.key, b.key] } }, orderBy: { key: "asc" } }),
    };
  }),
  row(`${PIPELINE}#deleteStageAction`, "on an empty stage", ADMIN_ONLY, async (world) => {
    const stage = await makeStage(world.db);
    return {
      call: async () => answerOf(await pipelineActions.deleteStageAction({ key: stage.key })),
      state: () => world.db.stage.count({ where: { key: stage.key } }),
    };
  }),
  row(`${PIPELINE}#createLostReasonAction`, "adding a lost reason", ADMIN_ONLY, async (world) => {
    const key = uniqueKey("door");
    return {
      call: async () =>
        answerOf(await pipelineActions.createLostReasonAction({ key, name: "门测原因", nameEn: "Door reason" })),
      state: () => world.db.lostReason.count({ where: { key } }),
    };
  }),
  row(`${PIPELINE}#updateLostReasonAction`, "on a lost reason", ADMIN_ONLY, async (world) => {
    const reason = await makeLostReason(world.db);
    return {
      call: async () =>
        answerOf(
          await pipelineActions.updateLostReasonAction({
            key: reason.key,
            name: "门测改名",
            nameEn: "Renamed",
            askPark: true,
            active: true,
          }),
        ),
      state: () => world.db.lostReason.findUnique({ where: { key: reason.key } }),
    };
  }),
  row(
    "lib/reports/settings/actions.ts#updateReserveThresholdAction",
    "saving the reserve threshold",
    ADMIN_ONLY,
    async (world) => {
      await world.db.setting.deleteMany({ where: { key: "reports.reserveThreshold" } });
      return {
        call: async () => answerOf(await reportSettingsActions.updateReserveThresholdAction({ threshold: "800" })),
        state: () => settingState(world.db, "reports.reserveThreshold"),
      };
    },
  ),
  row(
    "app/crm/reports/export/route.ts#GET",
    "a report as CSV",
    WORKSPACE,
    async () => ({
      call: async () =>
        statusOf(await reportExportRoute.GET(new Request("http://localhost/crm/reports/export?report=funnel")), 200),
    }),
    "GET /crm/reports/export",
  ),
  row(
    "app/crm/reports/export/route.ts#GET",
    "the occupancy report as CSV",
    WORKSPACE,
    async () => ({
      call: async () =>
        statusOf(await reportExportRoute.GET(new Request("http://localhost/crm/reports/export?report=occupancy")), 200),
    }),
    "GET /crm/reports/export",
  ),
  row(
    "app/crm/reports/export/route.ts#GET",
    "the delivery report as CSV",
    WORKSPACE,
    async () => ({
      call: async () =>
        statusOf(await reportExportRoute.GET(new Request("http://localhost/crm/reports/export?report=delivery")), 200),
    }),
    "GET /crm/reports/export",
  ),
  row(
    "lib/reports/occupancy/queries.ts#occupancyReport",
    "another officer's expired hold",
    OTHERS_LEAD,
    async (world) => {
      const building = await world.db.building.create({
        data: { parkId: world.parkId, name: unique("门测楼"), kind: "FACTORY" },
      });
      const unit = await world.db.unit.create({
        data: {
          buildingId: building.id,
          parkId: world.parkId,
          number: "101",
          area: 100,
          areaUnit: "SQM",
          areaSqm: 100,
        },
      });
      const lead = await makeLead(world.db, world.otherStaff.id);
      const now = new Date();
      await world.db.unitHold.create({
        data: {
          unitId: unit.id,
          leadId: lead.id,
          holderId: world.otherStaff.id,
          heldAt: now,
          expiresAt: now,
          endedAt: now,
          endReason: "EXPIRED",
        },
      });
      const filter = reportViewOf({ tab: "occupancy" }).filter;
      return {
        call: () =>
          readAs(
            (viewer) => occupancyReport(world.db, viewer, filter),
            (tables) =>
              tables.some((table) =>
                table.rows.some((shown) => shown.buildingId === building.id && shown.expired === 1),
              ),
          ),
      };
    },
  ),
  row(
    "app/crm/reports/export/workbook/route.ts#GET",
    "the project ledger as .xlsx",
    WORKSPACE,
    async () => ({
      call: async () => {
        const response = await reportWorkbookRoute.GET(
          new Request("http://localhost/crm/reports/export/workbook?sheet=ledger"),
        );
        const outcome = await statusOf(response, 200);
        await response.arrayBuffer();
        return outcome;
      },
    }),
    "GET /crm/reports/export/workbook",
  ),
  row(`${PIPELINE}#reorderLostReasonsAction`, "swapping two lost reasons", ADMIN_ONLY, async (world) => {
    const [a, b] = [await makeLostReason(world.db), await makeLostReason(world.db)];
    const keys = (await world.db.lostReason.findMany({ orderBy: { position: "asc" }, select: { key: true } })).map(
      (reason) => reason.key,
    );
    return {
      call: async () => answerOf(await pipelineActions.reorderLostReasonsAction({ keys: swapped(keys, a.key, b.key) })),
      state: () => world.db.lostReason.findMany({ where: { key: { in: [a.key, b.key] } }, orderBy: { key: "asc" } }),
    };
  }),

  // Lead doors: staff work their own leads and the pool; another officer's lead reads as missing.
  leadRow(`${PIPELINE}#moveLeadStageAction`, "on another officer's lead", OTHERS_LEAD, async (lead) =>
    answerOf(
      await pipelineActions.moveLeadStageAction({ leadId: lead.id, fromStageKey: "new", toStageKey: "contacted" }),
    ),
  ),
  leadRow(`${PIPELINE}#moveLeadStageAction`, "on the staff caller's own lead", WORKSPACE, async (lead) =>
    answerOf(
      await pipelineActions.moveLeadStageAction({ leadId: lead.id, fromStageKey: "new", toStageKey: "contacted" }),
    ),
  ),
  leadRow(`${PIPELINE}#moveLeadsStageAction`, "on another officer's lead", OTHERS_LEAD, async (lead) =>
    answerOf(await pipelineActions.moveLeadsStageAction({ leadIds: [lead.id], toStageKey: "site_visit" })),
  ),
  leadRow(`${EDIT}#updateLeadAction`, "on another officer's lead", OTHERS_LEAD, async (lead) =>
    answerOf(
      await editActions.updateLeadAction({ leadId: lead.id, version: lead.version, notes: "门测：客户想要独门独院" }),
    ),
  ),
  leadRow(`${EDIT}#updateLeadAction`, "on the staff caller's own lead", WORKSPACE, async (lead) =>
    answerOf(
      await editActions.updateLeadAction({ leadId: lead.id, version: lead.version, notes: "门测：客户想要独门独院" }),
    ),
  ),
  leadRow(`${ASSIGN}#claimLeadAction`, "on a pool lead", WORKSPACE, async (lead) =>
    answerOf(await assignActions.claimLeadAction(lead.id)),
  ),
  leadRow(
    `${ASSIGN}#claimLeadAction`,
    "on another officer's lead",
    is({ staff: "taken", manager: "taken", admin: "taken" }),
    async (lead) => answerOf(await assignActions.claimLeadAction(lead.id)),
  ),
  leadRow(`${ASSIGN}#assignLeadAction`, "on another officer's lead", LEAD_MANAGERS, async (lead, world) =>
    answerOf(await assignActions.assignLeadAction(lead.id, world.receiver.id)),
  ),
  leadRow(
    `${INBOX}#bulkLeadsAction`,
    "on another officer's lead",
    LEAD_MANAGERS,
    async (lead, world) =>
      answerOf(
        await inboxActions.bulkLeadsAction(
          null,
          form({ intent: "assign", ownerId: world.receiver.id, leadIds: [lead.id] }),
        ),
      ),
    { name: "bulkLeadsAction (assign)" },
  ),
  leadRow(
    `${INBOX}#bulkLeadsAction`,
    "on another officer's lead",
    OTHERS_LEAD,
    async (lead) =>
      answerOf(
        await inboxActions.bulkLeadsAction(
          null,
          form({ intent: "stage", toStageKey: "contacted", leadIds: [lead.id] }),
        ),
      ),
    { name: "bulkLeadsAction (stage)" },
  ),
  leadRow(`${INBOX}#claimFromInboxAction`, "on a pool lead", WORKSPACE, async (lead) =>
    answerOf(await inboxActions.claimFromInboxAction(null, form({ leadId: lead.id }))),
  ),
  leadRow(`${ARCHIVE}#archiveLeadAction`, "on another officer's lead", OTHERS_LEAD, async (lead) =>
    answerOf(await archiveActions.archiveLeadAction({ leadId: lead.id, version: lead.version })),
  ),
  leadRow(`${ARCHIVE}#archiveLeadAction`, "on the staff caller's own lead", WORKSPACE, async (lead) =>
    answerOf(await archiveActions.archiveLeadAction({ leadId: lead.id, version: lead.version })),
  ),
  leadRow(
    `${ARCHIVE}#restoreLeadAction`,
    "on another officer's lead",
    OTHERS_LEAD,
    async (lead) => answerOf(await archiveActions.restoreLeadAction({ leadId: lead.id, version: lead.version })),
    { archived: true },
  ),
  leadRow(`${ERASE}#eraseLeadPersonalDataAction`, "on another officer's lead", ADMIN_ONLY, async (lead) =>
    answerOf(
      await eraseActions.eraseLeadPersonalDataAction({
        leadId: lead.id,
        confirm: lead.company,
        reason: "PIPL 删除请求，2026-11-27 邮件",
      }),
    ),
  ),
  row(`${DEMO}#removeDemoDataAction`, "on the seeded demo leads", ADMIN_ONLY, async (world) => {
    const lead = await makeLead(world.db, world.otherStaff.id);
    await world.db.lead.update({ where: { id: lead.id }, data: { demo: true } });
    return {
      call: async () => answerOf(await demoActions.removeDemoDataAction({ confirm: true })),
      state: () => world.db.lead.count({ where: { demo: true } }),
    };
  }),
  row(`${MERGE}#mergeLeadsAction`, "on two of another officer's leads", LEAD_MANAGERS, async (world) => {
    const [survivor, merged] = [
      await makeLead(world.db, world.otherStaff.id),
      await makeLead(world.db, world.otherStaff.id),
    ];
    return {
      call: async () =>
        answerOf(
          await mergeActions.mergeLeadsAction({
            survivorId: survivor.id,
            mergedId: merged.id,
            survivorVersion: survivor.version,
            mergedVersion: merged.version,
          }),
        ),
      state: async () => [await leadState(world.db, survivor.id), await leadState(world.db, merged.id)],
    };
  }),
  leadRow("lib/activities/actions.ts#logActivityAction", "on another officer's lead", OTHERS_LEAD, async (lead) =>
    answerOf(
      await activityActions.logActivityAction({
        leadId: lead.id,
        kind: "CALL",
        outcome: "reached",
        body: "门测：约了下周看厂",
      }),
    ),
  ),
  leadRow("lib/activities/actions.ts#logActivityAction", "on the staff caller's own lead", WORKSPACE, async (lead) =>
    answerOf(
      await activityActions.logActivityAction({
        leadId: lead.id,
        kind: "CALL",
        outcome: "reached",
        body: "门测：约了下周看厂",
      }),
    ),
  ),
  leadRow("lib/tasks/actions.ts#createTaskAction", "on another officer's lead", OTHERS_LEAD, async (lead) =>
    answerOf(await taskActions.createTaskAction({ leadId: lead.id, title: "门测：回访", dueAt: DUE })),
  ),
  leadRow("lib/tasks/actions.ts#createTaskAction", "on the staff caller's own lead", WORKSPACE, async (lead) =>
    answerOf(await taskActions.createTaskAction({ leadId: lead.id, title: "门测：回访", dueAt: DUE })),
  ),
  taskRow("on another officer's lead", OTHERS_LEAD),
  taskRow("on the staff caller's own lead", WORKSPACE),

  // What the lead pages read: null or missing rows, never an error, for a lead outside the scope.
  readRow("lib/leads/detail/queries.ts#leadDetail", "on another officer's lead", OTHERS_LEAD, (lead, world) =>
    readAs(
      (viewer) => leadDetail(world.db, viewer, lead.id),
      (page) => page !== null,
    ),
  ),
  readRow("lib/leads/detail/queries.ts#leadDetail", "on the staff caller's own lead", WORKSPACE, (lead, world) =>
    readAs(
      (viewer) => leadDetail(world.db, viewer, lead.id),
      (page) => page !== null,
    ),
  ),
  readRow("lib/leads/detail/queries.ts#leadDetail", "on a pool lead", WORKSPACE, (lead, world) =>
    readAs(
      (viewer) => leadDetail(world.db, viewer, lead.id),
      (page) => page !== null,
    ),
  ),
  readRow("lib/leads/duplicates/queries.ts#findDuplicates", "on another officer's lead", OTHERS_LEAD, (lead, world) =>
    readAs(
      (viewer) => findDuplicates(world.db, viewer, lead.id),
      (found) => found !== null,
    ),
  ),
  readRow("lib/leads/inbox/queries.ts#listInbox", "on another officer's lead", OTHERS_LEAD, (lead, world) =>
    readAs(
      (viewer) => listInbox(world.db, viewer, { filter: { owner: world.otherStaff.id } }),
      (page) => {
        if (!page.ok) throw new Error(`listInbox refused its input: ${JSON.stringify(page.fieldErrors)}`);
        return page.rows.some((shown) => shown.id === lead.id);
      },
    ),
  ),
  readRow("lib/pipeline/queries.ts#loadBoard", "on another officer's lead", OTHERS_LEAD, (lead, world) =>
    readAs(
      (viewer) => loadBoard(world.db, viewer, { owner: world.otherStaff.id }),
      (board) => board.columns.some((column) => column.cards.some((card) => card.id === lead.id)),
    ),
  ),
  // The 租控表's lead picker: the leads the caller may hold units for, found as the inbox finds them.
  readRow("lib/leads/picker/actions.ts#pickLeadsAction", "on another officer's lead", OTHERS_LEAD, async (lead) => {
    const answer = await leadPickerActions.pickLeadsAction({ q: lead.company });
    return answer.ok ? (answer.leads.some((shown) => shown.id === lead.id) ? "allowed" : "notFound") : answerOf(answer);
  }),
  readRow("lib/leads/picker/actions.ts#pickLeadsAction", "on a pool lead", WORKSPACE, async (lead) => {
    const answer = await leadPickerActions.pickLeadsAction({ q: lead.company });
    return answer.ok ? (answer.leads.some((shown) => shown.id === lead.id) ? "allowed" : "notFound") : answerOf(answer);
  }),
  // The 租控表 page: every workspace role reads a park's grid; the floor price (底价) reaches managers and admins only.
  row(
    "lib/inventory/grid/queries.ts#parkBoard",
    "the 租控表 page",
    WORKSPACE,
    async (world) => ({
      call: () =>
        readAs(
          (viewer) => parkBoard(world.db, viewer, world.parkId),
          (grid) => grid?.park.id === world.parkId,
        ),
    }),
    "read parkBoard",
  ),
  row(
    "lib/inventory/grid/queries.ts#parkBoard",
    "floor prices on the 租控表",
    is({ staff: "notFound", manager: "allowed", admin: "allowed" }),
    async (world) => {
      const building = await world.db.building.create({
        data: { parkId: world.parkId, name: unique("门测底价楼"), kind: "FACTORY" },
      });
      const unit = await world.db.unit.create({
        data: {
          buildingId: building.id,
          parkId: world.parkId,
          floor: 1,
          number: "101",
          area: 800,
          areaUnit: "SQM",
          areaSqm: 800,
          listPrice: 30,
          floorPrice: 26.5,
          priceUnit: "YUAN_PER_SQM_MONTH",
        },
      });
      return {
        call: () =>
          readAs(
            (viewer) => parkBoard(world.db, viewer, world.parkId),
            // A cell carries the 底价 only when the database was asked for it (lib/inventory/grid/cell.ts).
            (grid) =>
              grid?.buildings.some((shown) =>
                (shown.cells ?? []).some(
                  (cell) => cell[0] === unit.id && unitOfCell(cell, true).floorPrice === "26.50",
                ),
              ) ?? false,
          ),
      };
    },
    "read parkBoard",
  ),
  // The 租控表's cells the browser fetches for the buildings its page left without them: as the page, 底价 included.
  row(
    "app/crm/inventory/cells/route.ts#GET",
    "the 租控表's cells",
    WORKSPACE,
    async (world) => ({
      call: async () =>
        statusOf(
          await inventoryCellsRoute.GET(new Request(`http://localhost/crm/inventory/cells?park=${world.parkId}`)),
          200,
        ),
    }),
    "GET /crm/inventory/cells",
  ),
  row(
    "app/crm/inventory/cells/route.ts#GET",
    "floor prices in the 租控表's cells",
    is({ staff: "notFound", manager: "allowed", admin: "allowed" }),
    async (world) => {
      const building = await world.db.building.create({
        data: { parkId: world.parkId, name: unique("门测底价格子楼"), kind: "FACTORY" },
      });
      await world.db.unit.create({
        data: {
          buildingId: building.id,
          parkId: world.parkId,
          floor: 1,
          number: "101",
          area: 800,
          areaUnit: "SQM",
          areaSqm: 800,
          listPrice: 30,
          floorPrice: 26.75,
          priceUnit: "YUAN_PER_SQM_MONTH",
        },
      });
      return {
        call: async () => {
          const response = await inventoryCellsRoute.GET(
            new Request(`http://localhost/crm/inventory/cells?park=${world.parkId}`),
          );
          const outcome = await statusOf(response, 200);
          return outcome === "allowed" && !(await response.text()).includes('"26.75"') ? "notFound" : outcome;
        },
      };
    },
    "GET /crm/inventory/cells",
  ),
  readRow(
    "app/crm/leads/export/route.ts#GET",
    "on another officer's lead",
    OTHERS_LEAD,
    async (lead, world) => {
      const response = await exportRoute.GET(
        new Request(`http://localhost/crm/leads/export?owner=${world.otherStaff.id}`),
      );
      const outcome = await statusOf(response, 200);
      return outcome === "allowed" && !(await response.text()).includes(lead.company) ? "notFound" : outcome;
    },
    "GET /crm/leads/export",
  ),
  readRow(
    "app/crm/leads/export/route.ts#GET",
    "on the staff caller's own lead",
    WORKSPACE,
    async (lead, world) => {
      const response = await exportRoute.GET(new Request(`http://localhost/crm/leads/export?owner=${world.staff.id}`));
      const outcome = await statusOf(response, 200);
      return outcome === "allowed" && !(await response.text()).includes(lead.company) ? "notFound" : outcome;
    },
    "GET /crm/leads/export",
  ),

  // The lead page's unit picker and the sign dialog's units: reads, for the leads the caller may work.
  readRow(`${PICKER}#vacantUnitsAction`, "on another officer's lead", OTHERS_LEAD, async (lead) =>
    answerOf(await pickerActions.vacantUnitsAction({ leadId: lead.id })),
  ),
  readRow(`${PICKER}#vacantUnitsAction`, "on a pool lead", WORKSPACE, async (lead) =>
    answerOf(await pickerActions.vacantUnitsAction({ leadId: lead.id })),
  ),
  readRow(`${PICKER}#heldUnitsToSignAction`, "on another officer's lead", OTHERS_LEAD, async (lead) =>
    answerOf(await pickerActions.heldUnitsToSignAction({ leadId: lead.id })),
  ),
  readRow(`${PICKER}#heldUnitsToSignAction`, "on the staff caller's own lead", WORKSPACE, async (lead) =>
    answerOf(await pickerActions.heldUnitsToSignAction({ leadId: lead.id })),
  ),

  // Holds (租控): officers hold, renew, release and move in through the leads they may work; others' read as missing.
  unitRow(`${HOLDS}#holdUnitsAction`, "on another officer's lead", OTHERS_LEAD, "VACANT", (unitId, leadId) =>
    holdsActions.holdUnitsAction({ leadId, unitIds: [unitId] }),
  ),
  unitRow(`${HOLDS}#holdUnitsAction`, "on a pool lead", WORKSPACE, "VACANT", (unitId, leadId) =>
    holdsActions.holdUnitsAction({ leadId, unitIds: [unitId] }),
  ),
  unitRow(`${HOLDS}#renewHoldAction`, "on another officer's lead", OTHERS_LEAD, "HELD", (unitId) =>
    holdsActions.renewHoldAction({ unitId }),
  ),
  unitRow(`${HOLDS}#renewHoldAction`, "on the staff caller's own lead", WORKSPACE, "HELD", (unitId) =>
    holdsActions.renewHoldAction({ unitId }),
  ),
  unitRow(`${HOLDS}#releaseHoldAction`, "on another officer's lead", OTHERS_LEAD, "HELD", (unitId) =>
    holdsActions.releaseHoldAction({ unitId }),
  ),
  unitRow(`${HOLDS}#releaseHoldAction`, "on the staff caller's own lead", WORKSPACE, "HELD", (unitId) =>
    holdsActions.releaseHoldAction({ unitId }),
  ),
  unitRow(`${HOLDS}#moveInAction`, "on another officer's lead", OTHERS_LEAD, "SIGNED", (unitId) =>
    holdsActions.moveInAction({ unitIds: [unitId] }),
  ),
  unitRow(`${HOLDS}#moveInAction`, "on the staff caller's own lead", WORKSPACE, "SIGNED", (unitId) =>
    holdsActions.moveInAction({ unitIds: [unitId] }),
  ),

  // The asset register: every workspace role reads it; managers and admins change it.
  row("lib/inventory/register/queries.ts#buildingForEdit", "the building page", WORKSPACE, async (world) => {
    const { building } = await makeBuilding(world);
    return {
      call: () =>
        readAs(
          (viewer) => buildingForEdit(world.db, viewer, building.id),
          (page) => page?.id === building.id,
        ),
    };
  }),
  row(`${REGISTER}#createBuildingAction`, "a new building", REGISTER_MANAGERS, async (world) => {
    const name = unique("门测楼");
    return {
      call: async () =>
        answerOf(await registerActions.createBuildingAction({ parkId: world.parkId, name, kind: "OFFICE" })),
      state: () => world.db.building.count({ where: { name } }),
    };
  }),
  row(`${REGISTER}#updateBuildingAction`, "on a building", REGISTER_MANAGERS, async (world) => {
    const { building } = await makeBuilding(world);
    const edit = {
      id: building.id,
      updatedAt: building.updatedAt.toISOString(),
      name: building.name,
      kind: "FACTORY",
      factoryType: "STANDARD",
      powerKva: "630",
    };
    return {
      call: async () => answerOf(await registerActions.updateBuildingAction(edit)),
      state: () => registerState(world.db, building.id),
    };
  }),
  row(`${REGISTER}#deleteBuildingAction`, "on a building without units", REGISTER_MANAGERS, async (world) => {
    const { building, unit } = await makeBuilding(world);
    await world.db.unitStatusChange.deleteMany({ where: { unitId: unit.id } });
    await world.db.unit.delete({ where: { id: unit.id } });
    return {
      call: async () => answerOf(await registerActions.deleteBuildingAction({ id: building.id })),
      state: () => registerState(world.db, building.id),
    };
  }),
  row(`${REGISTER}#createUnitAction`, "in a building", REGISTER_MANAGERS, async (world) => {
    const { building } = await makeBuilding(world);
    const unit = { buildingId: building.id, floor: "2", number: "201", area: "300", areaUnit: "SQM" };
    return {
      call: async () => answerOf(await registerActions.createUnitAction(unit)),
      state: () => registerState(world.db, building.id),
    };
  }),
  row(`${REGISTER}#addFloorUnitsAction`, "in a building", REGISTER_MANAGERS, async (world) => {
    const { building } = await makeBuilding(world);
    const floor = { buildingId: building.id, floor: "3", first: "301", last: "306", area: "500", areaUnit: "SQM" };
    return {
      call: async () => answerOf(await registerActions.addFloorUnitsAction(floor)),
      state: () => registerState(world.db, building.id),
    };
  }),
  row(`${REGISTER}#updateUnitAction`, "on a unit", REGISTER_MANAGERS, async (world) => {
    const { building, unit } = await makeBuilding(world);
    const edit = { id: unit.id, version: unit.version, number: "101", area: "650", areaUnit: "SQM" };
    return {
      call: async () => answerOf(await registerActions.updateUnitAction(edit)),
      state: () => registerState(world.db, building.id),
    };
  }),
  row(`${REGISTER}#deleteUnitAction`, "on a unit never used", REGISTER_MANAGERS, async (world) => {
    const { building, unit } = await makeBuilding(world);
    return {
      call: async () => answerOf(await registerActions.deleteUnitAction({ id: unit.id, version: unit.version })),
      state: () => registerState(world.db, building.id),
    };
  }),
  row(`${REGISTER}#setUnitAvailabilityAction`, "on a vacant unit", REGISTER_MANAGERS, async (world) => {
    const { building, unit } = await makeBuilding(world);
    return {
      call: async () => answerOf(await registerActions.setUnitAvailabilityAction({ id: unit.id, available: false })),
      state: () => registerState(world.db, building.id),
    };
  }),

  // Listings: every workspace role; parks: the admin's.
  row(`${OFFERS}#createListingAction`, "a new listing", WORKSPACE, async (world) => {
    const input = doorListingInput(world.parkId);
    return {
      call: async () => answerOf(await offerActions.createListingAction(input)),
      state: () => world.db.listing.count({ where: { title: input.title } }),
    };
  }),
  row(`${OFFERS}#updateListingAction`, "on a listing", WORKSPACE, async (world) => {
    const { listing } = await makeListing(world.db, world.parkId);
    return {
      call: async () => answerOf(await offerActions.updateListingAction(listingEdit(world.parkId, listing))),
      state: () => listingState(world.db, listing.id),
    };
  }),
  row(`${LISTINGS}#setListingPublishedAction`, "on a listing", WORKSPACE, async (world) => {
    const { listing } = await makeListing(world.db, world.parkId);
    return {
      call: async () => answerOf(await listingActions.setListingPublishedAction({ id: listing.id, published: true })),
      state: () => listingState(world.db, listing.id),
    };
  }),
  row(`${OFFERS}#unitChoicesAction`, "the listing form's units", WORKSPACE, async (world) => {
    const { listing } = await makeListing(world.db, world.parkId);
    return {
      call: async () => {
        const answer = await offerActions.unitChoicesAction({ parkId: world.parkId, listingId: listing.id });
        if (answer.ok && !answer.units.some((unit) => unit.chosen))
          throw new Error("the listing's own unit is missing");
        return answerOf(answer);
      },
    };
  }),
  row(`${LISTINGS}#removeListingPhotoAction`, "on a listing's photo", WORKSPACE, async (world) => {
    const { listing, photos } = await makeListing(world.db, world.parkId, 1);
    return {
      call: async () => answerOf(await listingActions.removeListingPhotoAction({ photoId: photos[0].id })),
      state: () => listingState(world.db, listing.id),
    };
  }),
  row(`${LISTINGS}#reorderListingPhotosAction`, "on a listing's photos", WORKSPACE, async (world) => {
    const { listing, photos } = await makeListing(world.db, world.parkId, 2);
    return {
      call: async () =>
        answerOf(
          await listingActions.reorderListingPhotosAction({
            listingId: listing.id,
            photoIds: [photos[1].id, photos[0].id],
          }),
        ),
      state: () => listingState(world.db, listing.id),
    };
  }),
  row(`${LISTINGS}#updateListingPhotoAltAction`, "on a listing's photo", WORKSPACE, async (world) => {
    const { listing, photos } = await makeListing(world.db, world.parkId, 1);
    return {
      call: async () =>
        answerOf(
          await listingActions.updateListingPhotoAltAction({
            photoId: photos[0].id,
            alt: "门测：车间内景",
            altEn: "Workshop",
          }),
        ),
      state: () => listingState(world.db, listing.id),
    };
  }),
  row(
    "app/crm/listings/[id]/photos/route.ts#POST",
    "on a listing",
    WORKSPACE,
    async (world) => {
      const { listing } = await makeListing(world.db, world.parkId);
      const upload = () => {
        const body = form({ alt: "门测：厂房外景" });
        body.set("file", new File([new Uint8Array(PNG)], "outside.png", { type: "image/png" }));
        return new Request(`http://localhost/crm/listings/${listing.id}/photos`, { method: "POST", body });
      };
      return {
        call: async () =>
          statusOf(await photosRoute.POST(upload(), { params: Promise.resolve({ id: listing.id }) }), 201),
        state: () => listingState(world.db, listing.id),
      };
    },
    "POST /crm/listings/[id]/photos",
  ),
  row(`${PARKS}#createParkAction`, "a new park", ADMIN_ONLY, async (world) => {
    const input = parkInput();
    return {
      call: async () => answerOf(await parkActions.createParkAction(input)),
      state: () => world.db.park.count({ where: { slug: input.slug } }),
    };
  }),
  row(`${PARKS}#updateParkAction`, "on a park", ADMIN_ONLY, async (world) => {
    const park = await makePark(world.db);
    const input = {
      ...parkInput(park.slug),
      name: "门测产业园（二期）",
      id: park.id,
      updatedAt: park.updatedAt.toISOString(),
    };
    return {
      call: async () => answerOf(await parkActions.updateParkAction(input)),
      state: () => world.db.park.findUnique({ where: { id: park.id } }),
    };
  }),

  // Notification settings: the admin's; a user's own settings: every workspace user, on themselves only.
  row(`${NOTIFY}#saveChannelAction`, "adding a channel", ADMIN_ONLY, async (world) => {
    const name = unique("门测群").slice(0, 60);
    const url = "https://oapi.dingtalk.com/robot/send?access_token=door0123456789";
    return {
      call: async () => answerOf(await notifyAdminActions.saveChannelAction({ kind: "DINGTALK", name, url })),
      state: () => world.db.notifyChannel.count({ where: { name } }),
    };
  }),
  row(`${NOTIFY}#saveChannelAction`, "on a channel", ADMIN_ONLY, async (world) => {
    const channel = await makeChannel(world.db);
    return {
      call: async () =>
        answerOf(
          await notifyAdminActions.saveChannelAction({ channelId: channel.id, kind: "WECOM", name: "门测改名" }),
        ),
      state: () => channelState(world.db, channel.id),
    };
  }),
  row(`${NOTIFY}#setChannelActiveAction`, "deactivating a channel", ADMIN_ONLY, async (world) => {
    const channel = await makeChannel(world.db);
    return {
      call: async () =>
        answerOf(await notifyAdminActions.setChannelActiveAction({ channelId: channel.id, active: false })),
      state: () => channelState(world.db, channel.id),
    };
  }),
  row(`${NOTIFY}#deleteChannelAction`, "on an unused channel", ADMIN_ONLY, async (world) => {
    const channel = await makeChannel(world.db);
    return {
      call: async () => answerOf(await notifyAdminActions.deleteChannelAction({ channelId: channel.id })),
      state: () => world.db.notifyChannel.count({ where: { id: channel.id } }),
    };
  }),
  row(`${NOTIFY}#sendChannelTestAction`, "on a channel", ADMIN_ONLY, async (world) => {
    const channel = await makeChannel(world.db);
    return {
      call: async () => answerOf(await notifyAdminActions.sendChannelTestAction({ channelId: channel.id })),
      state: () =>
        world.db.outboxEvent.count({ where: { kind: "channel.test", data: { equals: { channelId: channel.id } } } }),
    };
  }),
  row(`${NOTIFY}#sendTestMailAction`, "to themselves", ADMIN_ONLY, async (world) => {
    const value = { urlSealed: seal("smtp://door:secret@127.0.0.1:2525"), from: "门测 <door@park.test>" };
    await world.db.setting.upsert({
      where: { key: MAIL_SERVER_KEY },
      create: { key: MAIL_SERVER_KEY, value },
      update: { value },
    });
    return {
      call: async () => answerOf(await notifyAdminActions.sendTestMailAction(undefined)),
      state: () => world.db.outboxEvent.count({ where: { kind: "channel.test" } }),
    };
  }),
  row(`${NOTIFY}#saveMailServerAction`, "saving the mail server", ADMIN_ONLY, async (world) => {
    await world.db.setting.deleteMany({ where: { key: MAIL_SERVER_KEY } });
    return {
      call: async () =>
        answerOf(
          await notifyAdminActions.saveMailServerAction({
            url: "smtps://door:secret@smtp.park.test:465",
            from: "园区招商 <door@park.test>",
          }),
        ),
      state: () => settingState(world.db, MAIL_SERVER_KEY),
    };
  }),
  settingRow(
    "saveNotifyRulesAction",
    NOTIFY_RULES_KEY,
    () =>
      notifyAdminActions.saveNotifyRulesAction({
        reminderMinutes: 45,
        digestTime: "08:00",
        tasksTime: "09:30",
        maxAttempts: 6,
      }),
    NOTIFY,
  ),
  row("lib/notify/admin/queries.ts#notificationSettings", "the admin's page", ADMIN_ONLY, async (world) => {
    const channel = await makeChannel(world.db);
    return {
      call: () =>
        readAs(
          (viewer) => notificationSettings(world.db, viewer),
          (page) => page.channels.some((shown) => shown.id === channel.id),
        ),
    };
  }),
  row("lib/notify/admin/log.ts#listDeliveries", "the delivery log", ADMIN_ONLY, async (world) => {
    const channel = await makeChannel(world.db);
    const event = await world.db.outboxEvent.create({
      data: { kind: "channel.test", data: { channelId: channel.id } },
    });
    const delivery = await world.db.delivery.create({
      data: { eventId: event.id, topic: "test", medium: "DINGTALK", channelId: channel.id },
    });
    return {
      call: () =>
        readAs(
          (viewer) => listDeliveries(world.db, viewer, { to: channel.id }),
          (rows) => rows.some((shown) => shown.id === delivery.id),
        ),
    };
  }),
  // API keys: the admin's alone.
  row(`${API_KEYS}#createApiKeyAction`, "creating a key", ADMIN_ONLY, async (world) => {
    const name = unique("门测密钥").slice(0, 60);
    return {
      call: async () =>
        answerOf(await apiKeyActions.createApiKeyAction({ name, scopes: ["leads:read"], rateLimit: "60" })),
      state: () => world.db.apiKey.count({ where: { name } }),
    };
  }),
  row(`${API_KEYS}#revokeApiKeyAction`, "on a working key", ADMIN_ONLY, async (world) => {
    const key = await makeApiKey(world.db, world.admin.id);
    return {
      call: async () => answerOf(await apiKeyActions.revokeApiKeyAction({ keyId: key.id })),
      state: () => world.db.apiKey.findUniqueOrThrow({ where: { id: key.id }, select: { revokedAt: true } }),
    };
  }),
  row("lib/api/keys/queries.ts#listApiKeys", "the API keys page", ADMIN_ONLY, async (world) => {
    const key = await makeApiKey(world.db, world.admin.id);
    return {
      call: () =>
        readAs(
          (viewer) => listApiKeys(world.db, viewer),
          (keys) => keys.some((shown) => shown.id === key.id),
        ),
    };
  }),
  row("lib/api/keys/queries.ts#apiKeyRequests", "a key's request log", ADMIN_ONLY, async (world) => {
    const key = await makeApiKey(world.db, world.admin.id);
    return {
      call: () =>
        readAs(
          (viewer) => apiKeyRequests(world.db, viewer, key.id, undefined),
          (page) => page?.key.id === key.id,
        ),
    };
  }),
  // Outbound webhooks: the admin's.
  row(`${WEBHOOKS}#saveSubscriptionAction`, "adding a subscription", ADMIN_ONLY, async (world) => {
    const name = unique("门测订阅").slice(0, 60);
    const input = { name, url: "https://crm.partner.test/hooks/door", events: ["lead.created", "lead.erased"] };
    return {
      call: async () => answerOf(await webhookActions.saveSubscriptionAction(input)),
      state: () => world.db.webhookSubscription.count({ where: { name } }),
    };
  }),
  row(`${WEBHOOKS}#saveSubscriptionAction`, "on a subscription", ADMIN_ONLY, async (world) => {
    const subscription = await makeSubscription(world);
    const input = { subscriptionId: subscription.id, name: "门测改名", events: ["inquiry.created"] };
    return {
      call: async () => answerOf(await webhookActions.saveSubscriptionAction(input)),
      state: () => subscriptionState(world.db, subscription.id),
    };
  }),
  row(`${WEBHOOKS}#rollSubscriptionSecretAction`, "on a subscription", ADMIN_ONLY, async (world) => {
    const subscription = await makeSubscription(world);
    return {
      call: async () =>
        answerOf(await webhookActions.rollSubscriptionSecretAction({ subscriptionId: subscription.id })),
      state: () => subscriptionState(world.db, subscription.id),
    };
  }),
  row(`${WEBHOOKS}#setSubscriptionActiveAction`, "deactivating a subscription", ADMIN_ONLY, async (world) => {
    const subscription = await makeSubscription(world);
    return {
      call: async () =>
        answerOf(await webhookActions.setSubscriptionActiveAction({ subscriptionId: subscription.id, active: false })),
      state: () => subscriptionState(world.db, subscription.id),
    };
  }),
  row(`${WEBHOOKS}#sendSubscriptionPingAction`, "on a subscription", ADMIN_ONLY, async (world) => {
    const subscription = await makeSubscription(world);
    return {
      call: async () => answerOf(await webhookActions.sendSubscriptionPingAction({ subscriptionId: subscription.id })),
      state: () =>
        world.db.outboxEvent.count({
          where: { kind: "webhook.test", data: { equals: { subscriptionId: subscription.id } } },
        }),
    };
  }),
  row("lib/webhooks/queries.ts#webhookSettings", "the admin's page", ADMIN_ONLY, async (world) => {
    const subscription = await makeSubscription(world);
    return {
      call: () =>
        readAs(
          (viewer) => webhookSettings(world.db, viewer),
          (page) => page.subscriptions.some((shown) => shown.id === subscription.id),
        ),
    };
  }),
  row(`${PREFERENCES}#saveOwnPreferencesAction`, "on themselves", WORKSPACE, async (world, actor) => {
    const userId = actor?.id ?? (await makeUser(world.db, "STAFF")).id;
    return {
      call: async () =>
        answerOf(
          await preferenceActions.saveOwnPreferencesAction({ workPhone: "0571-88886666", emailTopics: ["new_lead"] }),
        ),
      state: () =>
        world.db.user.findUniqueOrThrow({ where: { id: userId }, select: { workPhone: true, emailMuted: true } }),
      cleanup: async () =>
        void (await world.db.user.update({ where: { id: userId }, data: { workPhone: null, emailMuted: [] } })),
    };
  }),
  row("lib/users/preferences/queries.ts#ownPreferences", "on themselves", WORKSPACE, async (world, actor) => ({
    call: () =>
      readAs(
        (viewer) => ownPreferences(world.db, viewer),
        (own) => own.email === actor?.email,
      ),
  })),

  // The investor's status page: the link's key is the access, whoever else is signed in.
  row("lib/inquiries/status/actions.ts#requestPrivacyAction", "with the inquiry's own link", PUBLIC, async (world) => {
    const lead = await makeLead(world.db, null);
    const inquiry = await makeInquiry(world.db, lead);
    const fields = { key: statusKey(inquiry.id), kind: "ERASE", confirm: "yes" };
    return {
      call: () => privacyRequestAnswer(() => privacyStatusActions.requestPrivacyAction(form(fields))),
      state: () => world.db.privacyRequest.count({ where: { leadId: lead.id } }),
    };
  }),
  row(
    "lib/inquiries/status/actions.ts#requestPrivacyAction",
    "with another inquiry's key on this inquiry",
    is({ anonymous: "notFound", staff: "notFound", manager: "notFound", admin: "notFound", deactivated: "notFound" }),
    async (world) => {
      const lead = await makeLead(world.db, null);
      const [inquiry, other] = [await makeInquiry(world.db, lead), await makeInquiry(world.db, lead)];
      const key = `${inquiry.id}.${statusKey(other.id).split(".")[1]}`;
      return {
        call: () =>
          privacyRequestAnswer(() =>
            privacyStatusActions.requestPrivacyAction(form({ key, kind: "WITHDRAW", confirm: "yes" })),
          ),
        state: () => world.db.lead.findUnique({ where: { id: lead.id }, select: { consentWithdrawnAt: true } }),
      };
    },
  ),
  row("lib/inquiries/status/queries.ts#inquiryStatus", "with the inquiry's own link", PUBLIC, async (world) => {
    const inquiry = await makeInquiry(world.db, await makeLead(world.db, null));
    return {
      call: () =>
        readAs(
          () => inquiryStatus(world.db, statusKey(inquiry.id)),
          (page) => page !== null && !page.erased && page.inquiry.id === inquiry.id,
        ),
    };
  }),
  row(
    `lib/privacy/requests/actions.ts#closePrivacyRequestAction`,
    "on an open withdrawal",
    ADMIN_ONLY,
    async (world) => {
      const lead = await makeLead(world.db, null);
      const inquiry = await makeInquiry(world.db, lead);
      const request = await world.db.privacyRequest.create({
        data: { leadId: lead.id, inquiryId: inquiry.id, kind: "WITHDRAW", dueAt: new Date(Date.now() + 86_400_000) },
      });
      return {
        call: async () => answerOf(await privacyRequestActions.closePrivacyRequestAction({ requestId: request.id })),
        state: () => world.db.privacyRequest.findUniqueOrThrow({ where: { id: request.id }, select: { status: true } }),
      };
    },
  ),
  row("lib/privacy/requests/queries.ts#listPrivacyRequests", "the admins' list", ADMIN_ONLY, async (world) => {
    const lead = await makeLead(world.db, null);
    const inquiry = await makeInquiry(world.db, lead);
    const request = await world.db.privacyRequest.create({
      data: { leadId: lead.id, inquiryId: inquiry.id, kind: "ERASE", dueAt: new Date(Date.now() + 86_400_000) },
    });
    return {
      call: () =>
        readAs(
          (viewer) => listPrivacyRequests(world.db, viewer),
          (rows) => rows.some((shown) => shown.id === request.id),
        ),
    };
  }),

  // Public doors: the same answer whoever asks.
  row("lib/inquiries/actions.ts#sendInquiry", "a new inquiry", PUBLIC, async (world) => {
    const phone = uniquePhone();
    door.headers = new Headers({ "x-forwarded-for": uniqueIp() });
    return {
      call: () =>
        redirectsTo(() => inquiryActions.sendInquiry({ status: "idle" }, inquiryForm(phone)), /^\/inquire\/sent\//),
      state: () => world.db.inquiry.count({ where: { phone } }),
    };
  }),
  row("lib/i18n/actions.ts#switchLocale", "to English", PUBLIC, async () => {
    door.headers = new Headers({ referer: "http://localhost/listings?kind=factory" });
    return {
      call: () => redirectsTo(() => localeActions.switchLocale(form({ locale: "en" })), /^\/listings\?kind=factory$/),
      state: async () => door.cookies.get("locale") ?? null,
    };
  }),
  row(
    "app/api/inquiries/route.ts#POST",
    "a new inquiry",
    PUBLIC,
    async (world) => {
      const body = inquiryBody();
      const request = new Request("http://localhost/api/inquiries", {
        method: "POST",
        headers: { "content-type": "application/json", "x-forwarded-for": uniqueIp() },
        body: JSON.stringify(body),
      });
      return {
        call: async () => statusOf(await inquiriesRoute.POST(request), 201),
        state: () => world.db.inquiry.count({ where: { phone: body.phone } }),
      };
    },
    "POST /api/inquiries",
  ),
  row(
    "app/api/health/route.ts#GET",
    "the database check",
    PUBLIC,
    async () => ({ call: async () => statusOf(await healthRoute.GET(), 200) }),
    "GET /api/health",
  ),
  // The versioned API opens to API keys only (tests/integration/api-key-permissions.test.ts): a session, even a
  // signed-in admin's, is 401 at every door and changes nothing.
  row(
    "app/api/v1/inquiries/route.ts#POST",
    "without an API key",
    is({}),
    async (world) => {
      const body = inquiryBody();
      const request = new Request("http://localhost/api/v1/inquiries", {
        method: "POST",
        headers: { "content-type": "application/json", "x-forwarded-for": uniqueIp() },
        body: JSON.stringify(body),
      });
      return {
        call: async () => statusOf(await v1InquiriesRoute.POST(request, { params: Promise.resolve({}) }), 201),
        state: () => world.db.inquiry.count({ where: { phone: body.phone } }),
      };
    },
    "POST /api/v1/inquiries",
  ),
  row(
    "app/api/v1/leads/route.ts#GET",
    "without an API key",
    is({}),
    async () => ({
      call: async () =>
        statusOf(
          await v1LeadsRoute.GET(new Request("http://localhost/api/v1/leads"), { params: Promise.resolve({}) }),
          200,
        ),
    }),
    "GET /api/v1/leads",
  ),
  row(
    "app/api/v1/leads/[id]/route.ts#GET",
    "without an API key",
    is({}),
    async (world) => {
      const lead = await makeLead(world.db, null);
      const request = new Request(`http://localhost/api/v1/leads/${lead.id}`);
      return {
        call: async () => statusOf(await v1LeadRoute.GET(request, { params: Promise.resolve({ id: lead.id }) }), 200),
      };
    },
    "GET /api/v1/leads/[id]",
  ),
  row(
    "app/api/v1/leads/[id]/stage/route.ts#POST",
    "without an API key",
    is({}),
    async (world) => {
      const lead = await makeLead(world.db, null);
      const request = new Request(`http://localhost/api/v1/leads/${lead.id}/stage`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ stage: "contacted" }),
      });
      return {
        call: async () =>
          statusOf(await v1LeadStageRoute.POST(request, { params: Promise.resolve({ id: lead.id }) }), 200),
        state: () => leadState(world.db, lead.id),
      };
    },
    "POST /api/v1/leads/[id]/stage",
  ),
  row(
    "app/api/v1/listings/route.ts#GET",
    "without an API key",
    is({}),
    async () => ({
      call: async () =>
        statusOf(
          await v1ListingsRoute.GET(new Request("http://localhost/api/v1/listings"), { params: Promise.resolve({}) }),
          200,
        ),
    }),
    "GET /api/v1/listings",
  ),
  row(
    "app/api/v1/listings/[id]/route.ts#GET",
    "without an API key",
    is({}),
    async (world) => {
      const { listing } = await makeListing(world.db, world.parkId);
      const request = new Request(`http://localhost/api/v1/listings/${listing.id}`);
      return {
        call: async () =>
          statusOf(await v1ListingRoute.GET(request, { params: Promise.resolve({ id: listing.id }) }), 200),
      };
    },
    "GET /api/v1/listings/[id]",
  ),
  row(
    "app/api/openapi.json/route.ts#GET",
    "the API's OpenAPI document",
    PUBLIC,
    async () => ({ call: async () => statusOf(await openApiRoute.GET(), 200) }),
    "GET /api/openapi.json",
  ),
  row(
    "app/media/[...key]/route.ts#GET",
    "a stored photo",
    PUBLIC,
    async () => {
      const key = newStorageKey("listings/door-test", "png");
      await getStorage().put(key, new Uint8Array(PNG), "image/png");
      return {
        call: async () =>
          statusOf(
            await mediaRoute.GET(new Request(`http://localhost/media/${key}`), {
              params: Promise.resolve({ key: key.split("/") }),
            }),
            200,
          ),
      };
    },
    "GET /media/[...key]",
  ),

  // Importing leads: the admin's, every step and the error file.
  row(`${IMPORTS}#uploadImportAction`, "uploading a file", ADMIN_ONLY, async (world) => {
    const fileName = `${unique("door-import")}.csv`;
    const file = new File(
      [new TextEncoder().encode(`公司名称,联系人,手机号\n门测公司,王先生,${uniquePhone()}\n`)],
      fileName,
    );
    const upload = new FormData();
    upload.append("file", file);
    return {
      call: async () => answerOf(await importActions.uploadImportAction(null, upload)),
      state: () => world.db.importJob.count({ where: { fileName } }),
    };
  }),
  row(`${IMPORTS}#confirmImportMappingAction`, "on an uploaded file", ADMIN_ONLY, async (world) => {
    const job = await makeImportJob(world, "MAPPING");
    return {
      call: async () =>
        answerOf(
          await importActions.confirmImportMappingAction({
            jobId: job.id,
            mapping: { "0": "company", "1": "contactName", "2": "phone" },
          }),
        ),
      state: () => importState(world.db, job.id),
    };
  }),
  row(`${IMPORTS}#decideImportRowsAction`, "on a previewed import", ADMIN_ONLY, async (world) => {
    const job = await makeImportJob(world, "PREVIEW");
    return {
      call: async () => answerOf(await importActions.decideImportRowsAction({ jobId: job.id, all: "SKIP" })),
      state: () => importState(world.db, job.id),
    };
  }),
  row(`${IMPORTS}#startImportAction`, "on a previewed import", ADMIN_ONLY, async (world) => {
    const job = await makeImportJob(world, "PREVIEW");
    return {
      call: async () => answerOf(await importActions.startImportAction({ jobId: job.id })),
      state: () => importState(world.db, job.id),
    };
  }),
  row(`${IMPORTS}#cancelImportAction`, "on a previewed import", ADMIN_ONLY, async (world) => {
    const job = await makeImportJob(world, "PREVIEW");
    return {
      call: async () => answerOf(await importActions.cancelImportAction({ jobId: job.id })),
      state: () => importState(world.db, job.id),
    };
  }),
  row(`${IMPORTS}#dropImportFileAction`, "on a finished import with its file kept", ADMIN_ONLY, async (world) => {
    const job = await makeImportJob(world, "DONE");
    return {
      call: async () => answerOf(await importActions.dropImportFileAction({ jobId: job.id })),
      state: () => importState(world.db, job.id),
    };
  }),
  row(`${IMPORTS}#undoImportAction`, "on an import finished an hour ago", ADMIN_ONLY, async (world) => {
    const job = await makeImportJob(world, "DONE");
    return {
      call: async () => answerOf(await importActions.undoImportAction({ jobId: job.id })),
      state: () => importState(world.db, job.id),
    };
  }),
  row(
    "app/crm/leads/import/[id]/errors/route.ts#GET",
    "on a finished import",
    ADMIN_ONLY,
    async (world) => {
      const job = await makeImportJob(world, "DONE");
      return {
        call: async () => {
          const response = await importErrorsRoute.GET(
            new Request(`http://localhost/crm/leads/import/${job.id}/errors`),
            { params: Promise.resolve({ id: job.id }) },
          );
          const outcome = await statusOf(response, 200);
          await response.arrayBuffer();
          return outcome;
        },
      };
    },
    "GET /crm/leads/import/[id]/errors",
  ),

  // Importing a park's buildings and units: managers' and admins', the same steps.
  row(`${IMPORTS}#uploadUnitImportAction`, "uploading a 租控表 into a park", LEAD_MANAGERS, async (world) => {
    const fileName = `${unique("door-unit-import")}.csv`;
    const upload = new FormData();
    upload.append("file", new File([new TextEncoder().encode(`楼栋,单元号,面积\n门测楼,101,500\n`)], fileName));
    upload.append("parkId", world.parkId);
    return {
      call: async () => answerOf(await importActions.uploadUnitImportAction(null, upload)),
      state: () => world.db.importJob.count({ where: { fileName } }),
    };
  }),
  row(`${IMPORTS}#confirmUnitImportMappingAction`, "on an uploaded 租控表", LEAD_MANAGERS, async (world) => {
    const job = await makeUnitImportJob(world, "MAPPING");
    return {
      call: async () =>
        answerOf(
          await importActions.confirmUnitImportMappingAction({
            jobId: job.id,
            mapping: { "0": "building", "1": "number", "2": "area" },
          }),
        ),
      state: () => importState(world.db, job.id),
    };
  }),
  row(`${IMPORTS}#decideUnitImportRowsAction`, "on a previewed 租控表", LEAD_MANAGERS, async (world) => {
    const job = await makeUnitImportJob(world, "PREVIEW");
    return {
      call: async () => answerOf(await importActions.decideUnitImportRowsAction({ jobId: job.id, all: "SKIP" })),
      state: () => importState(world.db, job.id),
    };
  }),
  row(`${IMPORTS}#startUnitImportAction`, "on a previewed 租控表", LEAD_MANAGERS, async (world) => {
    const job = await makeUnitImportJob(world, "PREVIEW");
    return {
      call: async () => answerOf(await importActions.startUnitImportAction({ jobId: job.id })),
      state: () => importState(world.db, job.id),
    };
  }),
  row(`${IMPORTS}#cancelUnitImportAction`, "on a previewed 租控表", LEAD_MANAGERS, async (world) => {
    const job = await makeUnitImportJob(world, "PREVIEW");
    return {
      call: async () => answerOf(await importActions.cancelUnitImportAction({ jobId: job.id })),
      state: () => importState(world.db, job.id),
    };
  }),
  row(
    `${IMPORTS}#dropUnitImportFileAction`,
    "on a finished 租控表 import with its file kept",
    LEAD_MANAGERS,
    async (world) => {
      const job = await makeUnitImportJob(world, "DONE");
      return {
        call: async () => answerOf(await importActions.dropUnitImportFileAction({ jobId: job.id })),
        state: () => importState(world.db, job.id),
      };
    },
  ),
  row(`${IMPORTS}#undoUnitImportAction`, "on a 租控表 import finished an hour ago", LEAD_MANAGERS, async (world) => {
    const job = await makeUnitImportJob(world, "DONE");
    return {
      call: async () => answerOf(await importActions.undoUnitImportAction({ jobId: job.id })),
      state: () => importState(world.db, job.id),
    };
  }),
  row(
    "app/crm/inventory/import/[id]/errors/route.ts#GET",
    "on a finished 租控表 import",
    LEAD_MANAGERS,
    async (world) => {
      const job = await makeUnitImportJob(world, "DONE");
      return {
        call: async () => {
          const response = await unitImportErrorsRoute.GET(
            new Request(`http://localhost/crm/inventory/import/${job.id}/errors`),
            { params: Promise.resolve({ id: job.id }) },
          );
          const outcome = await statusOf(response, 200);
          await response.arrayBuffer();
          return outcome;
        },
      };
    },
    "GET /crm/inventory/import/[id]/errors",
  ),
  // 督办: managers open, instruct (批示), send back and close; only the assignee answers; another's project is missing.
  row(`${SUPERVISION}#openSupervisionAction`, "on the staff caller's own project", LEAD_MANAGERS, async (world) => {
    const project = await makeProject(world.db, world.staff.id);
    return {
      call: async () =>
        answerOf(
          await supervisionActions.openSupervisionAction({
            projectId: project.id,
            title: "门测：三月底前完成环评",
            dueOn: "2030-01-15",
          }),
        ),
      state: () => world.db.supervision.count({ where: { projectId: project.id } }),
    };
  }),
  supervisionRow(
    `${SUPERVISION}#answerSupervisionAction`,
    "on the staff caller's own project",
    is({ staff: "allowed" }),
    async (item) =>
      assigneeAnswerOf(
        await supervisionActions.answerSupervisionAction({
          supervisionId: item.id,
          version: item.version,
          body: "门测答复",
        }),
      ),
  ),
  supervisionRow(
    `${SUPERVISION}#answerSupervisionAction`,
    "on another officer's project",
    is({ staff: "notFound" }),
    async (item) =>
      assigneeAnswerOf(
        await supervisionActions.answerSupervisionAction({
          supervisionId: item.id,
          version: item.version,
          body: "门测答复",
        }),
      ),
  ),
  supervisionRow(
    `${SUPERVISION}#instructSupervisionAction`,
    "on the staff caller's own project",
    LEAD_MANAGERS,
    async (item) =>
      answerOf(
        await supervisionActions.instructSupervisionAction({
          supervisionId: item.id,
          version: item.version,
          body: "门测批示",
        }),
      ),
  ),
  supervisionRow(
    `${SUPERVISION}#reopenSupervisionAction`,
    "on the staff caller's own project",
    LEAD_MANAGERS,
    async (item) =>
      answerOf(
        await supervisionActions.reopenSupervisionAction({
          supervisionId: item.id,
          version: item.version,
          body: "门测退回",
        }),
      ),
    { answered: true },
  ),
  supervisionRow(
    `${SUPERVISION}#closeSupervisionAction`,
    "on the staff caller's own project",
    LEAD_MANAGERS,
    async (item) =>
      answerOf(await supervisionActions.closeSupervisionAction({ supervisionId: item.id, version: item.version })),
  ),
  // What the project page's 督办 section and the 督办台账 read: another officer's project and items are missing.
  ...(["on another officer's project", "on the staff caller's own project"] as const).flatMap((on) => {
    const expected = on === "on another officer's project" ? OTHERS_LEAD : WORKSPACE;
    const prepare = async (world: World) => {
      const project = await makeProject(world.db, PROJECT_OWNERS[on](world));
      await world.db.supervision.create({
        data: {
          projectId: project.id,
          title: "门测：台账",
          assigneeId: PROJECT_OWNERS[on](world),
          openedById: world.manager.id,
          dueOn: new Date("2030-01-15"),
        },
      });
      return project;
    };
    return [
      row(
        "lib/projects/supervision/queries.ts#supervisionsOfProject",
        on,
        expected,
        async (world) => {
          const project = await prepare(world);
          return {
            call: () =>
              readAs(
                (viewer) => supervisionsOfProject(world.db, viewer, project.id),
                (page) => page?.items.length === 1,
              ),
          };
        },
        "read supervisionsOfProject",
      ),
      row(
        "lib/projects/supervision/queries.ts#supervisionList",
        on,
        expected,
        async (world) => {
          const project = await prepare(world);
          return {
            call: () =>
              readAs(
                (viewer) => supervisionList(world.db, viewer, { q: project.name }),
                (list) => list.ok && list.rows.some((shown) => shown.project.id === project.id),
              ),
          };
        },
        "read supervisionList",
      ),
    ];
  }),
  // The projects' register: the owner or a manager edits commitments; managers change the owner and terminate (解约).
  ...(["on the staff caller's own project", "on another officer's project"] as const).map((on) =>
    projectRow(
      `${PROJECT_REGISTER}#updateCommitmentsAction`,
      on,
      on === "on another officer's project" ? OTHERS_LEAD : WORKSPACE,
      async (projectId) =>
        answerOf(
          await projectRegisterActions.updateCommitmentsAction({
            projectId,
            version: 1,
            name: "门测项目",
            companyName: "门测装备有限公司",
            jobs: "120",
          }),
        ),
    ),
  ),
  projectRow(
    `${PROJECT_REGISTER}#changeProjectOwnerAction`,
    "on the staff caller's own project",
    LEAD_MANAGERS,
    async (projectId, world) =>
      answerOf(
        await projectRegisterActions.changeProjectOwnerAction({ projectId, version: 1, ownerId: world.receiver.id }),
      ),
  ),
  projectRow(
    `${PROJECT_REGISTER}#terminateProjectAction`,
    "on the staff caller's own project",
    LEAD_MANAGERS,
    async (projectId) =>
      answerOf(await projectRegisterActions.terminateProjectAction({ projectId, version: 1, reason: "门测解约" })),
  ),
  // What /crm/projects and the project page's header read: another officer's project is missing.
  ...(["on another officer's project", "on the staff caller's own project"] as const).flatMap((on) => {
    const expected = on === "on another officer's project" ? OTHERS_LEAD : WORKSPACE;
    return [
      row(
        "lib/projects/register/queries.ts#projectHeader",
        on,
        expected,
        async (world) => {
          const project = await makeProject(world.db, PROJECT_OWNERS[on](world));
          return {
            call: () =>
              readAs(
                (viewer) => projectHeader(world.db, viewer, project.id),
                (header) => header?.id === project.id,
              ),
          };
        },
        "read projectHeader",
      ),
      row(
        "lib/projects/register/queries.ts#projectList",
        on,
        expected,
        async (world) => {
          const project = await makeProject(world.db, PROJECT_OWNERS[on](world));
          const filter = projectFilterSchema.parse({ q: project.name });
          return {
            call: () =>
              readAs(
                (viewer) => projectList(world.db, viewer, filter),
                (list) => list.rows.some((shown) => shown.id === project.id),
              ),
          };
        },
        "read projectList",
      ),
    ];
  }),
  // The 项目推进表 and the delivery report: another officer's project is neither a row nor a figure.
  ...(["on another officer's project", "on the staff caller's own project"] as const).flatMap((on) => {
    const expected = on === "on another officer's project" ? OTHERS_LEAD : WORKSPACE;
    return [
      row(
        "app/crm/projects/export/route.ts#GET",
        on,
        expected,
        async (world) => {
          const project = await makeProject(world.db, PROJECT_OWNERS[on](world));
          return {
            call: async () => {
              const response = await projectExportRoute.GET(
                new Request(`http://localhost/crm/projects/export?q=${encodeURIComponent(project.name)}`),
              );
              const outcome = await statusOf(response, 200);
              if (outcome !== "allowed") return outcome;
              const workbook = new ExcelJS.Workbook();
              await workbook.xlsx.load(await response.arrayBuffer());
              return workbook.worksheets[0].getRow(4).getCell(2).value === project.name ? "allowed" : "notFound";
            },
          };
        },
        "GET /crm/projects/export",
      ),
      row(
        "lib/reports/delivery/queries.ts#deliveryReport",
        on,
        expected,
        async (world) => {
          const project = await makeProject(world.db, PROJECT_OWNERS[on](world));
          const filter = reportViewOf({ tab: "delivery" }).filter;
          return {
            call: () =>
              readAs(
                (viewer) => deliveryReport(world.db, viewer, filter),
                (tables) => tables.some((table) => table.rows.some((shown) => shown.ownerId === project.ownerId)),
              ),
          };
        },
        "read deliveryReport",
      ),
    ];
  }),
  // 到资 and yearly actuals: any officer on a project they may work; another officer's project is missing.
  ...(["on another officer's project", "on the staff caller's own project"] as const).flatMap((on) => {
    const expected = on === "on another officer's project" ? OTHERS_LEAD : WORKSPACE;
    const FUNDING = "lib/projects/funding/actions.ts";
    return [
      projectRow(`${FUNDING}#saveFundingPlanAction`, on, expected, async (projectId) =>
        answerOf(
          await fundingActions.saveFundingPlanAction({
            projectId,
            version: 1,
            rows: [{ dueOn: "2027-06-30", amount: "1000" }],
          }),
        ),
      ),
      projectRow(`${FUNDING}#addFundingAction`, on, expected, async (projectId) =>
        answerOf(await fundingActions.addFundingAction({ projectId, paidOn: "2026-01-05", amount: "100" })),
      ),
      row(`${FUNDING}#deleteFundingAction`, on, expected, async (world) => {
        const ownerId = PROJECT_OWNERS[on](world);
        const project = await makeProject(world.db, ownerId);
        const entry = await world.db.projectFunding.create({
          data: { projectId: project.id, paidOn: new Date("2026-01-05"), amount: 100, recordedById: ownerId },
        });
        return {
          call: async () => answerOf(await fundingActions.deleteFundingAction({ fundingId: entry.id })),
          state: () => world.db.projectFunding.count({ where: { id: entry.id } }),
        };
      }),
      projectRow("lib/projects/years/actions.ts#saveProjectYearAction", on, expected, async (projectId) =>
        answerOf(
          await projectYearActions.saveProjectYearAction({
            projectId,
            year: Number(shanghaiDay(new Date()).slice(0, 4)),
            tax: "12",
          }),
        ),
      ),
      row(
        "lib/projects/funding/queries.ts#projectFunding",
        on,
        expected,
        async (world) => {
          const project = await makeProject(world.db, PROJECT_OWNERS[on](world));
          return {
            call: () =>
              readAs(
                (viewer) => projectFunding(world.db, viewer, project.id),
                (funding) => funding?.projectId === project.id,
              ),
          };
        },
        "read projectFunding",
      ),
      row(
        "lib/projects/years/queries.ts#projectYears",
        on,
        expected,
        async (world) => {
          const project = await makeProject(world.db, PROJECT_OWNERS[on](world));
          return {
            call: () =>
              readAs(
                (viewer) => projectYears(world.db, viewer, project.id),
                (years) => years?.projectId === project.id,
              ),
          };
        },
        "read projectYears",
      ),
    ];
  }),
  // Milestones and evidence: the project's owner or a manager; another officer's project is missing.
  ...(["on another officer's project", "on the staff caller's own project"] as const).flatMap((on) => {
    const expected = on === "on another officer's project" ? OTHERS_LEAD : WORKSPACE;
    const MILESTONES = "lib/projects/milestones/actions.ts";
    const evidenceCount = (db: Database, projectId: string) => db.projectEvidence.count({ where: { projectId } });
    const withEvidence = async (world: World) => {
      const ownerId = PROJECT_OWNERS[on](world);
      const project = await makeProject(world.db, ownerId);
      const file = new File([new Uint8Array(PNG)], "开工现场.png", { type: "image/png" });
      const owner = await world.db.user.findUniqueOrThrow({ where: { id: ownerId } });
      const added = await addEvidence(world.db, owner, { projectId: project.id, file }, getStorage());
      if (!added.ok) throw new Error(`evidence not added: ${JSON.stringify(added)}`);
      return { projectId: project.id, evidenceId: added.id };
    };
    return [
      projectRow(`${MILESTONES}#setPlanAction`, on, expected, async (projectId) =>
        answerOf(
          await milestoneActions.setPlanAction({
            projectId,
            version: 1,
            plans: { REGISTERED: "2030-02-01", CONSTRUCTION_START: "2030-06-01" },
          }),
        ),
      ),
      projectRow(`${MILESTONES}#recordActualAction`, on, expected, async (projectId) =>
        answerOf(
          await milestoneActions.recordActualAction({
            projectId,
            version: 1,
            kind: "REGISTERED",
            actualOn: "2026-01-05",
            creditCode: "91110108551385082Q",
          }),
        ),
      ),
      row(`${MILESTONES}#clearActualAction`, on, expected, async (world) => {
        const project = await makeProject(world.db, PROJECT_OWNERS[on](world));
        await world.db.projectMilestone.updateMany({
          where: { projectId: project.id, kind: "CONSTRUCTION_START" },
          data: { actualOn: new Date("2026-01-05") },
        });
        return {
          call: async () =>
            answerOf(
              await milestoneActions.clearActualAction({
                projectId: project.id,
                version: 1,
                kind: "CONSTRUCTION_START",
                reason: "门测：登记错了",
              }),
            ),
          state: () => projectState(world.db, project.id),
        };
      }),
      row(
        "lib/projects/milestones/queries.ts#milestonesOf",
        on,
        expected,
        async (world) => {
          const project = await makeProject(world.db, PROJECT_OWNERS[on](world));
          return {
            call: () =>
              readAs(
                (viewer) => milestonesOf(world.db, viewer, project.id),
                (read) => read?.milestones.length === 6,
              ),
          };
        },
        "read milestonesOf",
      ),
      row(
        "app/crm/projects/[id]/evidence/route.ts#POST",
        on,
        expected,
        async (world) => {
          const project = await makeProject(world.db, PROJECT_OWNERS[on](world));
          const upload = () => {
            const body = form({ note: "门测：开工现场", milestoneKind: "CONSTRUCTION_START" });
            body.set("file", new File([new Uint8Array(PNG)], "site.png", { type: "image/png" }));
            return new Request(`http://localhost/crm/projects/${project.id}/evidence`, { method: "POST", body });
          };
          return {
            call: async () =>
              statusOf(await evidenceUploadRoute.POST(upload(), { params: Promise.resolve({ id: project.id }) }), 201),
            state: () => evidenceCount(world.db, project.id),
          };
        },
        "POST /crm/projects/[id]/evidence",
      ),
      row(
        "app/crm/projects/[id]/evidence/[evidenceId]/route.ts#GET",
        on,
        expected,
        async (world) => {
          const { projectId, evidenceId } = await withEvidence(world);
          return {
            call: async () =>
              statusOf(
                await evidenceDownloadRoute.GET(
                  new Request(`http://localhost/crm/projects/${projectId}/evidence/${evidenceId}`),
                  { params: Promise.resolve({ id: projectId, evidenceId }) },
                ),
                200,
              ),
          };
        },
        "GET /crm/projects/[id]/evidence/[evidenceId]",
      ),
      row("lib/projects/evidence/actions.ts#removeEvidenceAction", on, expected, async (world) => {
        const { projectId, evidenceId } = await withEvidence(world);
        return {
          call: async () => answerOf(await evidenceActions.removeEvidenceAction({ projectId, evidenceId })),
          state: () => evidenceCount(world.db, projectId),
        };
      }),
    ];
  }),
  // A park's own 亩均 yardsticks are delivery rules: the admin's, like the settings section.
  row("lib/projects/evaluation-parks/actions.ts#saveParkYardsticksAction", "on a park", ADMIN_ONLY, async (world) => {
    const park = () =>
      world.db.park.findUniqueOrThrow({
        where: { id: world.parkId },
        select: { benchmarkTaxPerMu: true, benchmarkOutputPerMu: true },
      });
    return {
      call: async () =>
        answerOf(
          await parkYardstickActions.saveParkYardsticksAction({
            parkId: world.parkId,
            taxPerMu: "12",
            outputPerMu: "",
          }),
        ),
      state: park,
      cleanup: async () =>
        void (await world.db.park.update({
          where: { id: world.parkId },
          data: { benchmarkTaxPerMu: null, benchmarkOutputPerMu: null },
        })),
    };
  }),
  row(
    "lib/projects/evaluation-parks/queries.ts#parkYardsticks",
    "the admin's settings page",
    ADMIN_ONLY,
    async (world) => ({
      call: () =>
        readAs(
          (viewer) => parkYardsticks(world.db, viewer),
          (parks) => parks.some((shown) => shown.id === world.parkId),
        ),
    }),
  ),
];

/** Doors not in the table, each with the reason. */
const NOT_IN_TABLE: Record<string, string> = {
  "app/api/auth/[...nextauth]/route.ts#GET":
    "next-auth's own handler is the sign-in door; sign-in, throttling and inactive users are tested in workspace-access",
  "app/api/auth/[...nextauth]/route.ts#POST":
    "next-auth's own handler is the sign-in door; sign-in, throttling and inactive users are tested in workspace-access",
};

const titleOf = (row: Row) => `${row.name} ${row.on}`;

function matrix(): string {
  const width = Math.max(...ROWS.map((row) => titleOf(row).length));
  const lines = [["door".padEnd(width), ...CALLERS.map((caller) => caller.padEnd(11))].join(" | ")];
  for (const row of ROWS)
    lines.push([titleOf(row).padEnd(width), ...CALLERS.map((caller) => row.expected[caller].padEnd(11))].join(" | "));
  for (const [doorId, reason] of Object.entries(NOT_IN_TABLE)) lines.push(`${doorId}: not in the table: ${reason}`);
  return lines.join("\n");
}

describe("the permissions table", () => {
  it("has a row for every server action and route handler in the code, and each row calls the door it names", () => {
    const tabled = new Set(ROWS.map((row) => row.door));
    const onDisk = doorsOnDisk(ROOT);
    expect(onDisk.length).toBeGreaterThan(40);
    expect(onDisk.filter((doorId) => !tabled.has(doorId) && !(doorId in NOT_IN_TABLE))).toEqual([]);
    expect(ROWS.filter((row) => !isExported(ROOT, row.door)).map((row) => row.door)).toEqual([]);
    expect(ROWS.filter((row) => !row.source.includes(`${nameOf(row.door)}(`)).map(titleOf)).toEqual([]);
    console.log(`Permissions: ${ROWS.length} rows × ${CALLERS.length} callers\n${matrix()}`);
  });
});

const CASES = ROWS.flatMap((row) =>
  CALLERS.map((caller) => ({
    title: `[${caller.toUpperCase()}] ${titleOf(row)} → ${row.expected[caller]}`,
    row,
    caller,
  })),
);

async function makeWorld(db: Database): Promise<World> {
  const park = await db.park.findFirstOrThrow({ orderBy: { createdAt: "asc" } });
  return {
    db,
    staff: await makeUser(db, "STAFF"),
    manager: await makeUser(db, "MANAGER"),
    admin: await makeUser(db, "ADMIN"),
    deactivated: await makeUser(db, "ADMIN", false),
    otherStaff: await makeUser(db, "STAFF"),
    receiver: await makeUser(db, "STAFF"),
    parkId: park.id,
  };
}

/** The claims a signed-in caller's cookie holds: valid-looking for the deactivated one too. */
async function claimsOf(world: World, caller: Caller): Promise<SessionClaims | null> {
  if (caller === "anonymous") return null;
  const user = await world.db.user.findUniqueOrThrow({
    where: { id: world[caller].id },
    select: { id: true, sessionVersion: true },
  });
  return { userId: user.id, sessionVersion: user.sessionVersion };
}

function permissionsSuite(open: () => Promise<{ opened: OpenedDatabase; cleanup: () => Promise<void> }>) {
  let world: World;
  let cleanup: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    const database = await open();
    cleanup = database.cleanup;
    door.opened = database.opened;
    world = await makeWorld(database.opened.db);
  });
  afterAll(async () => {
    door.opened = undefined;
    await cleanup?.();
  });

  it.each(CASES)("$title", async ({ row, caller }) => {
    door.cookies.clear();
    door.headers = new Headers();
    const prepared = await row.prepare(world, caller === "anonymous" ? null : world[caller]);
    const before = await prepared.state?.();
    door.claims = await claimsOf(world, caller);
    let outcome: Outcome;
    try {
      outcome = await prepared.call();
    } finally {
      door.claims = null;
    }
    expect(outcome).toBe(row.expected[caller]);
    if (prepared.state) {
      const after = await prepared.state();
      if (outcome === "allowed") expect(after, "an allowed call changes what it was asked to").not.toEqual(before);
      else expect(after, "a refused or hidden call changes nothing").toEqual(before);
    }
    await prepared.cleanup?.();
  });

  it("[DEACTIVATED] carries the user's current session claims: only the deactivation keeps them out, on every request", async () => {
    const claims = await claimsOf(world, "deactivated");
    door.claims = claims;
    try {
      expect(await getViewer()).toBeNull();
      await world.db.user.update({ where: { id: world.deactivated.id }, data: { active: true } });
      // Read again on the next call (no viewer kept between requests), so the same cookie now counts.
      expect(await getViewer()).toMatchObject({ id: world.deactivated.id, role: "ADMIN" });
    } finally {
      door.claims = null;
      await world.db.user.update({ where: { id: world.deactivated.id }, data: { active: false } });
    }
    expect(await claimsOf(world, "deactivated")).toEqual(claims);
  });
}

afterAll(async () => {
  await rm(process.env.STORAGE_DIR!, { recursive: true, force: true });
});

describe("permissions on PGlite", () => permissionsSuite(() => openTestPglite({ seedDemo: true })));
describeOnPostgres("permissions on PostgreSQL", () => permissionsSuite(() => openTestPostgres({ seedDemo: true })));
