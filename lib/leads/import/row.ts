import type { z } from "zod";
import { clearable, phone, text } from "../../forms/fields";
import { en } from "../../i18n/messages/en";
import { zhCN } from "../../i18n/messages/zh-CN";
import { parseShanghaiLocal } from "../../calendar/shanghai-time";
import { leadEditSchema } from "../edit/schema";
import { stageMoveDetailsShape } from "../stage/schema";
import type { ImportedLead, ImportField, ImportLookups, ImportMapping, ParsedImportRow } from "./types";

/*
 * One row of an import read with the confirmed mapping, by the rules of the forms that write the same
 * fields: the lead edit form (company, contact, need, amounts, notes…), the field kit's mobile (as the
 * inquiry form reads it) and the stage move (signed area and tax). Errors are their validation.* keys,
 * plus stageUnknown, parkUnknown, listingUnknown and lostReasonUnknown for a name not in the workspace.
 * Words the app writes in either language read back as the values they stand for.
 */

const edit = leadEditSchema.shape;
const RULES = {
  company: edit.company,
  contactName: edit.contactName,
  /** the inquiry form's mobile field */
  phone: phone(),
  wechat: edit.wechat,
  email: edit.email,
  creditCode: edit.creditCode,
  industry: edit.industry,
  use: edit.use,
  area: edit.needArea,
  expectedAnnualTax: edit.expectedAnnualTax,
  investment: edit.investment,
  annualOutput: edit.annualOutput,
  employees: edit.employees,
  notes: edit.notes,
  /** the file's own words for a source: kept with the notes, as long as a short line */
  source: clearable(text({ max: 100 })),
  signedArea: stageMoveDetailsShape.signedArea,
  signedAnnualTax: stageMoveDetailsShape.signedAnnualTax,
};

/** A word folded for lookup: full-width as half-width, case and spaces ignored. */
const fold = (value: string) =>
  value
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\s\u200b-\u200d\ufeff]+/gu, "");

function dictionary<T>(entries: [T, string[]][]): Map<string, T> {
  const map = new Map<string, T>();
  for (const [value, words] of entries) for (const word of words) map.set(fold(word), value);
  return map;
}

const DEALS = dictionary<ImportedLead["needDeal"]>([
  ["BUY", [zhCN.inbox.deal.BUY, en.inbox.deal.BUY, "买", "购", "购置", "出售", "售", "purchase", "sale", "forsale"]],
  ["RENT", [zhCN.inbox.deal.RENT, en.inbox.deal.RENT, "租", "出租", "租用", "lease", "forlease", "leasing"]],
]);
const KINDS = dictionary<ImportedLead["needKind"]>([
  ["FACTORY", [zhCN.kind.FACTORY, en.kind.FACTORY, ...Object.values(zhCN.factoryType), "工业厂房", "plant"]],
  ["FACTORY", Object.values(en.factoryType)],
  ["OFFICE", [zhCN.kind.OFFICE, en.kind.OFFICE, "办公", "研发", "写字楼", "研发楼", "office", "offices"]],
  ["LAND", [zhCN.kind.LAND, en.kind.LAND, "土地", "用地", "工业地", "land"]],
]);
const UNITS = dictionary<"SQM" | "MU">([
  ["MU", [zhCN.units.mu, en.units.mu, "亩"]],
  ["SQM", [zhCN.units.sqm, "平方米", "平米", "平方", "㎡", "m2", "sqm", "squaremetres", "squaremeters"]],
]);
/** An owner cell saying the lead has none. */
const POOL = new Set([zhCN.vocabulary.pool, en.vocabulary.pool, "无", "-", "—", "none"].map(fold));
/** A unit written after an area in its cell: "50亩", "5,000 m²". */
const AREA_WITH_UNIT = /^(.*?\d)\s*(亩|mu|平方米|平米|平方|m2|sqm)$/;

interface Indexes {
  stages: Map<string, ImportLookups["stages"][number]>;
  owners: Map<string, string | null>;
  parks: Map<string, string>;
  listings: Map<string, string>;
  lostReasons: Map<string, string>;
}
const indexes = new WeakMap<ImportLookups, Indexes>();

/** The first of several records a word names wins; a name two active users share names neither (null). */
function indexesOf(lookups: ImportLookups): Indexes {
  const known = indexes.get(lookups);
  if (known) return known;
  const byWords = <T, V>(records: T[], words: (record: T) => string[], value: (record: T) => V) => {
    const map = new Map<string, V>();
    for (const record of records)
      for (const word of words(record)) if (word && !map.has(fold(word))) map.set(fold(word), value(record));
    return map;
  };
  const owners = new Map<string, string | null>();
  for (const user of lookups.users) {
    const name = fold(user.name);
    owners.set(name, owners.has(name) && owners.get(name) !== user.id ? null : user.id);
  }
  for (const user of lookups.users) owners.set(fold(user.email), user.id);
  const built: Indexes = {
    stages: byWords(
      lookups.stages,
      (stage) => [stage.key, stage.name, stage.nameEn],
      (stage) => stage,
    ),
    owners,
    parks: byWords(
      lookups.parks,
      (park) => [park.name, park.nameEn, park.slug],
      (park) => park.id,
    ),
    listings: byWords(
      lookups.listings,
      (listing) => [listing.title, listing.titleEn, listing.id],
      (item) => item.id,
    ),
    lostReasons: byWords(
      lookups.lostReasons,
      (reason) => [reason.key, reason.name, reason.nameEn],
      (r) => r.key,
    ),
  };
  indexes.set(lookups, built);
  return built;
}

const DATE = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[\sT]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

/** "2026-03-05", "2026/3/5", "2026年3月5日" and the same with " 09:30", as Asia/Shanghai time. */
export function parseImportDate(value: string): Date | null {
  const match = DATE.exec(value.normalize("NFKC").trim());
  if (!match) return null;
  const [, year, month, day, hour = "0", minute = "0", second = "0"] = match;
  const two = (part: string) => part.padStart(2, "0");
  return parseShanghaiLocal(`${year}-${two(month)}-${two(day)}T${two(hour)}:${two(minute)}:${two(second)}`);
}

export function parseImportRow(cells: string[], mapping: ImportMapping, lookups: ImportLookups): ParsedImportRow {
  const index = indexesOf(lookups);
  const raw: Partial<Record<ImportField, string>> = {};
  for (const [column, field] of Object.entries(mapping)) raw[field] = (cells[Number(column)] ?? "").trim();
  const errors: Record<string, string> = {};
  const fail = (field: string, key: string) => {
    errors[field] ??= key;
    return null;
  };

  /** A field read with its form's rule: null when absent or blank (unless required), or wrong (with its error). */
  function read<S extends z.ZodType>(
    field: ImportField,
    rule: S,
    required = false,
  ): Exclude<z.output<S>, undefined> | null {
    const value = raw[field];
    if (value === undefined && !required) return null;
    const result = rule.safeParse(value ?? "");
    if (!result.success) return fail(field, result.error.issues[0]?.message ?? "invalid");
    return (result.data ?? null) as Exclude<z.output<S>, undefined> | null;
  }
  /** A word read as one of a few values; blank is null. */
  function choose<T>(field: ImportField, words: Map<string, T>, unknown = "choice"): T | null {
    const value = raw[field];
    if (!value) return null;
    const found = words.get(fold(value));
    return found === undefined ? fail(field, unknown) : found;
  }
  function date(field: ImportField): string | null {
    const value = raw[field];
    if (!value) return null;
    const moment = parseImportDate(value);
    if (!moment) return fail(field, "date");
    if (moment > lookups.now) return fail(field, "future");
    return moment.toISOString();
  }
  /** An area from whichever column holds it, in the unit its cell, header or unit column says, else by its kind. */
  function area(plain: ImportField, mu: ImportField, sqm: ImportField, unitField: ImportField, kind: string | null) {
    const field = raw[plain] !== undefined ? plain : raw[mu] !== undefined ? mu : raw[sqm] !== undefined ? sqm : null;
    const unitColumn = choose(unitField, UNITS);
    if (!field || !raw[field]) return { value: null, unit: unitColumn };
    const folded = raw[field].normalize("NFKC").toLowerCase();
    const suffix = AREA_WITH_UNIT.exec(folded);
    const rule = plain === "needArea" ? RULES.area : RULES.signedArea;
    const result = rule.safeParse(suffix ? suffix[1] : raw[field]);
    if (!result.success) return { value: fail(field, result.error.issues[0]?.message ?? "invalid"), unit: null };
    const headerUnit = field === mu ? "MU" : field === sqm ? "SQM" : null;
    const unit = (suffix ? UNITS.get(fold(suffix[2])) : null) ?? headerUnit ?? unitColumn ?? null;
    return { value: (result.data as string | undefined) ?? null, unit: unit ?? (kind === "LAND" ? "MU" : "SQM") };
  }

  const company = read("company", RULES.company, true);
  const contactName = read("contactName", RULES.contactName, true);
  const phone = read("phone", RULES.phone, true);
  const needKind = choose("needKind", KINDS);
  const need = area("needArea", "needAreaMu", "needAreaSqm", "needAreaUnit", needKind);
  const signed = area("signedArea", "signedAreaMu", "signedAreaSqm", "signedAreaUnit", needKind);
  const stage = choose("stage", index.stages, "stageUnknown");
  const createdAt = date("createdAt");
  const signedAt = date("signedAt") ?? (stage?.category === "WON" ? createdAt : null);
  const lostReasonKey = choose("lostReason", index.lostReasons, "lostReasonUnknown");

  const ownerText = raw.owner ?? "";
  const ownerId = ownerText && !POOL.has(fold(ownerText)) ? (index.owners.get(fold(ownerText)) ?? null) : null;
  const unknownOwner = ownerText && !POOL.has(fold(ownerText)) && !ownerId ? ownerText.slice(0, 60) : null;

  const values: ImportedLead = {
    company: company ?? "",
    contactName: contactName ?? "",
    phone: phone ?? "",
    wechat: read("wechat", RULES.wechat),
    email: read("email", RULES.email),
    creditCode: read("creditCode", RULES.creditCode),
    industry: read("industry", RULES.industry),
    needDeal: choose("needDeal", DEALS),
    needKind,
    needArea: need.value,
    needAreaUnit: need.unit,
    use: read("use", RULES.use),
    expectedAnnualTax: read("expectedAnnualTax", RULES.expectedAnnualTax),
    investment: read("investment", RULES.investment),
    annualOutput: read("annualOutput", RULES.annualOutput),
    employees: read("employees", RULES.employees),
    notes: read("notes", RULES.notes),
    sourceNote: read("source", RULES.source),
    ownerId,
    unknownOwner,
    stageKey: stage?.key ?? null,
    parkId: choose("park", index.parks, "parkUnknown"),
    listingId: choose("listing", index.listings, "listingUnknown"),
    createdAt,
    lastActivityAt: date("lastActivityAt"),
    signedAt,
    signedArea: signed.value,
    signedAreaUnit: signed.value ? signed.unit : null,
    signedAnnualTax: read("signedAnnualTax", RULES.signedAnnualTax),
    // A reason belongs to a lost lead; on any other stage it would count in the lost-reason report.
    lostReasonKey: stage?.category === "LOST" ? lostReasonKey : null,
  };
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, values };
}
