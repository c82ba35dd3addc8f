import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Role } from "@/lib/auth/schema";
import type { Database } from "@/lib/db/client";
import { signRenderTime } from "@/lib/inquiries/spam-trap";
import { companyKey } from "@/lib/leads/company-key";
import { leadSearchTokens } from "@/lib/leads/search-tokens";
import { MILESTONE_KINDS } from "@/lib/projects/types";
import { factoryLease } from "./listing-inputs";

/*
 * Fresh data for each row of the permissions table (tests/integration/permissions.test.ts): every
 * call gets its own lead, listing, user or park, so an allowed call never disturbs another row.
 * Everything is written straight to the database, never through the doors under test.
 */

let counter = 0;
/** Unique per process and call; lower-case letters, digits and dashes (valid in slugs and emails). */
export const unique = (label: string) => `${label}-${process.pid}-${++counter}`;
/** A stage or lost-reason key: lower-case letters, digits and underscores. */
export const uniqueKey = (label: string) => `${label}_${process.pid}_${++counter}`;
/** A mainland mobile no other fixture uses, so leads never join and rate limits never bite. */
export const uniquePhone = () =>
  `137${String(process.pid % 10_000).padStart(4, "0")}${String(++counter).padStart(4, "0")}`;
/** A documentation address (TEST-NET-2) per call, so the per-address inquiry limit never bites. */
export const uniqueIp = () => `198.51.${Math.floor(++counter / 250) % 250}.${counter % 250}`;

export const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
  "base64",
);

export interface Person {
  id: string;
  email: string;
  name: string;
  role: Role;
}

export async function makeUser(db: Database, role: Role, active = true): Promise<Person> {
  const user = await db.user.create({
    data: {
      email: `${unique(role.toLowerCase())}@park.test`,
      name: `${role} 门测`,
      role,
      active,
      passwordHash: "not used",
    },
  });
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}

/** A live lead as the intake leaves it (stage new), owned by `ownerId` or in the pool when null. */
export async function makeLead(db: Database, ownerId: string | null, fields: { archived?: boolean } = {}) {
  const company = `${unique("嘉兴门测精密")}有限公司`;
  const phone = uniquePhone();
  return db.lead.create({
    data: {
      phone,
      company,
      companyKey: companyKey(company),
      contactName: "陈经理",
      searchTokens: leadSearchTokens({ company, contactName: "陈经理", phone }),
      ownerId,
      assignedAt: ownerId ? new Date() : null,
      needDeal: "BUY",
      needKind: "FACTORY",
      needArea: "3000",
      needAreaUnit: "SQM",
      use: "精密零部件生产",
      expectedAnnualTax: "320",
      archivedAt: fields.archived ? new Date() : null,
    },
  });
}

/** A signed lead's project, as a signing leaves it (six unplanned milestones), owned by `ownerId`. */
export async function makeProject(db: Database, ownerId: string | null) {
  const lead = await makeLead(db, ownerId);
  await db.lead.update({ where: { id: lead.id }, data: { stageKey: "signed", signedAt: new Date() } });
  return db.project.create({
    data: {
      leadId: lead.id,
      ownerId,
      name: lead.company.slice(0, 120),
      companyName: lead.company.slice(0, 120),
      signedAt: new Date(),
      milestones: { create: MILESTONE_KINDS.map((kind) => ({ kind })) },
    },
  });
}

/** What a denied or hidden call must leave exactly as it was. */
export async function leadState(db: Database, leadId: string) {
  const lead = await db.lead.findUniqueOrThrow({
    where: { id: leadId },
    select: {
      version: true,
      stageKey: true,
      ownerId: true,
      archivedAt: true,
      erasedAt: true,
      mergedIntoId: true,
      contactName: true,
      notes: true,
      _count: { select: { activities: true, stageChanges: true } },
      tasks: { select: { id: true, doneAt: true }, orderBy: { id: "asc" } },
    },
  });
  const audits = await db.auditEntry.count({ where: { entityType: "Lead", entityId: leadId } });
  return { ...lead, audits };
}

export async function makeTask(db: Database, leadId: string, assigneeId: string) {
  return db.task.create({
    data: { leadId, assigneeId, title: "回访：确认用地指标", dueAt: new Date(Date.now() + 86_400_000) },
  });
}

export function doorListingInput(parkId: string) {
  return factoryLease(parkId, unique("门测厂房"));
}

/** The id of the one unit `makeListing` gives its listing. */
export const unitOfListing = (listingId: string) => `u${listingId}`.slice(0, 40);

/**
 * An unpublished listing with `photos` photo rows (no stored files: the seed's kind), offering one
 * vacant unit of its whole area in a building of its own, as the inventory migration left every listing.
 */
export async function makeListing(db: Database, parkId: string, photos = 0) {
  const listing = await db.listing.create({
    data: {
      parkId,
      title: unique("门测厂房"),
      titleEn: "Door test factory",
      kind: "FACTORY",
      factoryType: "SINGLE_STOREY",
      deal: "LEASE",
      published: false,
      area: "5000",
      availableArea: "5000",
      areaUnit: "SQM",
      areaSqm: "5000",
      price: "0.75",
      priceUnit: "YUAN_PER_SQM_DAY",
      unitPrice: "0.75",
      industries: ["smart-manufacturing"],
      highlights: [],
      highlightsEn: [],
      description: "单层钢结构厂房，可分割。",
      descriptionEn: "",
    },
  });
  const building = await db.building.create({
    data: { parkId, name: listing.title, kind: "FACTORY", factoryType: "SINGLE_STOREY" },
  });
  await db.unit.create({
    data: {
      id: unitOfListing(listing.id),
      buildingId: building.id,
      parkId,
      number: "01",
      area: "5000",
      areaUnit: "SQM",
      areaSqm: "5000",
      listingId: listing.id,
    },
  });
  const rows = [];
  for (let position = 0; position < photos; position++) {
    rows.push(
      await db.listingPhoto.create({
        data: { listingId: listing.id, url: `/demo/${position}.jpg`, alt: "厂房外景", altEn: "Outside", position },
      }),
    );
  }
  return { listing, photos: rows };
}

export async function listingState(db: Database, listingId: string) {
  return db.listing.findUniqueOrThrow({
    where: { id: listingId },
    select: {
      title: true,
      published: true,
      status: true,
      updatedAt: true,
      photos: { select: { id: true, alt: true, position: true }, orderBy: { id: "asc" } },
    },
  });
}

/** The edit form's fields of the listing made by `makeListing`, with a new title. */
export function listingEdit(parkId: string, listing: { id: string; updatedAt: Date }) {
  const { published: _published, ...fields } = factoryLease(parkId, unique("门测厂房"));
  return {
    ...fields,
    unitIds: [unitOfListing(listing.id)],
    id: listing.id,
    updatedAt: listing.updatedAt.toISOString(),
  };
}

/** The admin's park form, complete and valid. */
export function parkInput(slug = unique("door-park")) {
  return {
    slug,
    name: "门测产业园",
    nameEn: "Door Test Park",
    city: "嘉兴",
    cityEn: "Jiaxing",
    address: "平湖市门测大道 8 号",
    addressEn: "",
    description: "智能制造产业园。",
    descriptionEn: "",
    totalAreaMu: "1200",
    operatorName: "门测园区运营有限公司",
    contactPhone: "0573-85000000",
    ownerId: "",
  };
}

export async function makePark(db: Database) {
  const { ownerId: _ownerId, ...fields } = parkInput();
  return db.park.create({ data: fields });
}

/** An empty stage after every other, as an admin would add one. */
export async function makeStage(db: Database) {
  const last = await db.stage.aggregate({ _max: { position: true } });
  return db.stage.create({
    data: {
      key: uniqueKey("door"),
      name: "门测阶段",
      nameEn: "Door stage",
      category: "OPEN",
      position: (last._max.position ?? 0) + 1,
    },
  });
}

export async function makeLostReason(db: Database) {
  const last = await db.lostReason.aggregate({ _max: { position: true } });
  return db.lostReason.create({
    data: { key: uniqueKey("door"), name: "门测原因", nameEn: "Door reason", position: (last._max.position ?? 0) + 1 },
  });
}

/** The public inquiry as JSON (POST /api/inquiries) or, flattened, as the form posts it. */
export function inquiryBody(phone = uniquePhone()) {
  return {
    need: { deal: "buy", kind: "factory", area: "2400", areaUnit: "sqm", timeline: "6m" },
    use: "智能制造：伺服电机生产",
    expectedAnnualTax: "300.5",
    company: `${unique("上海门测电机")}有限公司`,
    contactName: "王先生",
    phone,
    consent: true,
  };
}

export function inquiryForm(phone: string): FormData {
  const body = inquiryBody(phone);
  const form = new FormData();
  for (const [name, value] of Object.entries(body.need)) form.set(`need.${name}`, value);
  for (const name of ["use", "expectedAnnualTax", "company", "contactName", "phone"] as const)
    form.set(name, body[name]);
  form.set("consent", "on");
  form.set("website", "");
  // Shown a minute ago by the server, as the time trap expects of a real form.
  form.set("renderedAt", signRenderTime(Date.now() - 60_000));
  form.set("submissionKey", crypto.randomUUID());
  form.set("sourcePage", "/inquire");
  return form;
}

const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];
const SOURCE = /\.(ts|tsx)$/;

function sourceFiles(root: string, folder: string): string[] {
  return readdirSync(path.join(root, folder), { withFileTypes: true }).flatMap((entry) => {
    const relative = `${folder}/${entry.name}`;
    if (entry.isDirectory())
      return entry.name === "node_modules" || entry.name === "generated" ? [] : sourceFiles(root, relative);
    return SOURCE.test(entry.name) && !entry.name.endsWith(".test.ts") ? [relative] : [];
  });
}

/** The names a module exports as values: functions, constants, and `export { a as B }`. */
export function exportedNames(source: string): string[] {
  const names = [
    ...source.matchAll(/^export\s+(?:async\s+)?(?:function\*?|const|let|class)\s+([A-Za-z_$][\w$]*)/gm),
  ].map((match) => match[1]);
  for (const [, list] of source.matchAll(/^export\s*\{([^}]*)\}/gm)) {
    names.push(
      ...list
        .split(",")
        .map((item) =>
          item
            .trim()
            .split(/\s+as\s+/)
            .pop()!
            .trim(),
        )
        .filter(Boolean),
    );
  }
  return names;
}

/**
 * Every door into the app as "file#export": each export of a 'use server' module (a server action
 * a browser can post to) and each HTTP method of a route handler. A server action declared inline
 * ("use server" inside a function) cannot be listed this way, so such a file is reported as "file#inline".
 */
export function doorsOnDisk(root: string): string[] {
  const doors: string[] = [];
  for (const file of ["app", "lib", "components"].flatMap((folder) => sourceFiles(root, folder))) {
    const source = readFileSync(path.join(root, file), "utf8");
    const code = source.replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, "");
    const moduleWide = /^\s*["']use server["']/.test(code);
    if (moduleWide) doors.push(...exportedNames(source).map((name) => `${file}#${name}`));
    // A directive is a statement of its own; the words inside an expression (a scanner's argument) are not one.
    else if (/^\s*["']use server["'];?\s*$/m.test(code)) doors.push(`${file}#inline`);
    if (/\/route\.(ts|tsx)$/.test(file))
      doors.push(
        ...exportedNames(source)
          .filter((name) => HTTP_METHODS.includes(name))
          .map((name) => `${file}#${name}`),
      );
  }
  return doors.sort();
}

/** Whether `file#name` names a value the file exports. */
export function isExported(root: string, door: string): boolean {
  const [file, name] = door.split("#");
  return existsSync(path.join(root, file)) && exportedNames(readFileSync(path.join(root, file), "utf8")).includes(name);
}
