import { createTranslator } from "use-intl/core";
import { toShanghaiLocal } from "../calendar/shanghai-time";
import { formatArea, formatNumber, formatPrice, formatWan } from "../i18n/format";
import type { Locale, Messages } from "../i18n/messages";
import { term } from "../i18n/vocabulary";
import type { AuditNames, Named, NamedEntry } from "./names";

/*
 * An audit entry as a sentence in the reader's language ("王芳 把 上海锐精 从 新线索 移到 实地考察"),
 * with its before/after as lines ("预计年税收（万元）：300 万元 → 450 万元"). Only fields this file
 * knows are shown: ids, storage keys and anything else in the details stay in the database, and
 * the person's own details (contact name, WeChat ID, email, credit code, notes) show only that
 * they changed.
 */

export interface AuditLine {
  sentence: string;
  changes: string[];
}
export type AuditSubject = NamedEntry & { actorName: string | null };

type Format = (value: unknown) => string;
/** How a field reads: its label, how a value is written, or only that it changed (personal or long text). */
type Field = { label: string; format?: Format; changedOnly?: boolean };
type Fields = Record<string, Field>;

const record = (value: unknown): Record<string, unknown> =>
  value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
const isPair = (value: unknown): value is [unknown, unknown] => Array.isArray(value) && value.length === 2;
const LIST_SHOWN = 5;

const SETTINGS: Record<string, keyof Messages["audit"]["settings"]> = {
  assignment: "assignment",
  workingHours: "workingHours",
  score: "score",
  "notify.rules": "notifyRules",
  "notify.mail": "notifyMail",
  "reports.reserveThreshold": "reserveThreshold",
  inventory: "inventory",
  delivery: "delivery",
};

/** One writer per page: the translator and the looked-up names are shared by its entries. */
export function auditWriter(messages: Messages, locale: Locale, names: AuditNames) {
  const t = createTranslator({ locale, messages, namespace: "audit" });
  const text = messages.audit;
  const separator = locale === "en" ? ", " : "、";
  const local = (named: Named | undefined) => named && (locale === "en" && named.nameEn ? named.nameEn : named.name);
  const entityWord = (type: string) =>
    term(messages.vocabulary, "entity", type.charAt(0).toLowerCase() + type.slice(1));
  const gone = (type: string) => t("gone", { entity: entityWord(type) });
  const key = (value: unknown) => (typeof value === "string" ? value : "");

  const lead = (id: unknown) => {
    const found = names.leads.get(key(id));
    return !found || found.erased ? text.erasedLead : found.name;
  };
  const user = (id: unknown) => names.users.get(key(id))?.name ?? gone("User");
  const owner = (id: unknown) => (id ? user(id) : messages.vocabulary.pool);
  const stage = (id: unknown) => local(names.stages.get(key(id))) ?? gone("Stage");
  const park = (id: unknown) => local(names.parks.get(key(id))) ?? gone("Park");
  const listOf = (values: string[]) =>
    values.length > LIST_SHOWN
      ? `${values.slice(0, LIST_SHOWN).join(separator)} ${t("more", { count: values.length - LIST_SHOWN })}`
      : values.join(separator);

  const plain: Format = (value) => {
    if (value === null || value === undefined || value === "") return text.none;
    if (typeof value === "boolean") return value ? text.yes : text.no;
    if (typeof value === "number") return formatNumber(value, locale);
    if (Array.isArray(value)) return value.length ? value.map(plain).join(separator) : text.none;
    if (typeof value === "object") return text.changed;
    return String(value);
  };
  const from =
    (words: Record<string, string>): Format =>
    (value) =>
      words[key(value)] ?? plain(value);
  const number =
    (unit?: string): Format =>
    (value) =>
      `${formatNumber(String(value), locale)}${unit ? ` ${unit}` : ""}`;
  const wan: Format = (value) => formatWan(String(value), locale);
  const perMu: Format = (value) => formatPrice(String(value), "WAN_PER_MU", locale, messages);
  const word: Format = (value) => from(text.words)(value);
  const units = messages.units;
  const areaUnit = from({ SQM: units.sqm, MU: units.mu });

  /** "field: before → after" for a pair, "field: value" otherwise; blank values read as empty. */
  function changes(details: Record<string, unknown>, fields: Fields): string[] {
    return Object.entries(details).flatMap(([name, value]) => {
      const field = fields[name];
      if (!field) return [];
      if (field.changedOnly) return [t("value", { field: field.label, value: text.changed })];
      const format = (one: unknown) =>
        one === null || one === undefined || one === "" ? text.none : (field.format ?? plain)(one);
      return isPair(value)
        ? [t("change", { field: field.label, before: format(value[0]), after: format(value[1]) })]
        : [t("value", { field: field.label, value: format(value) })];
    });
  }

  const leadFields = (): Fields => {
    const labels = messages.leadPage.fields;
    const personal = (label: string) => ({ label, changedOnly: true });
    return {
      company: { label: labels.company },
      contactName: personal(labels.contactName),
      wechat: personal(labels.wechat),
      email: personal(labels.email),
      creditCode: personal(labels.creditCode),
      notes: personal(labels.notes),
      industry: { label: labels.industry },
      needDeal: { label: labels.needDeal, format: from(messages.leadPage.needDeal) },
      needKind: { label: labels.needKind, format: from(messages.kind) },
      needArea: { label: labels.needArea, format: number() },
      needAreaUnit: { label: labels.needAreaUnit, format: areaUnit },
      use: { label: labels.use },
      expectedAnnualTax: { label: labels.expectedAnnualTax, format: wan },
      investment: { label: labels.investment, format: wan },
      annualOutput: { label: labels.annualOutput, format: wan },
      employees: { label: labels.employees, format: number() },
    };
  };

  const listingFields = (listingId: string): Fields => {
    const labels = messages.listingsAdmin.form;
    const listing = names.listings.get(listingId);
    const area: Format = (value) => formatArea(String(value), listing?.areaUnit ?? "SQM", locale, messages);
    const priceUnit = (listing?.priceUnit ?? "YUAN_PER_SQM") as keyof typeof units.priceUnit;
    const changedOnly = (label: string) => ({ label, changedOnly: true });
    return {
      parkId: { label: labels.park, format: park },
      title: { label: labels.title },
      titleEn: { label: labels.titleEn },
      kind: { label: labels.kind, format: from(messages.kind) },
      factoryType: { label: labels.factoryType, format: from(messages.factoryType) },
      deal: { label: labels.deal, format: from(messages.deal) },
      status: { label: labels.status, format: from(messages.status) },
      published: { label: text.fields.published },
      address: { label: labels.address },
      addressEn: { label: labels.addressEn },
      area: { label: labels.area, format: area },
      availableArea: { label: labels.availableArea, format: area },
      minSplitArea: { label: labels.minSplitArea, format: area },
      areaUnit: { label: labels.areaUnit, format: areaUnit },
      price: { label: labels.price, format: (value) => formatPrice(String(value), priceUnit, locale, messages) },
      priceUnit: { label: labels.priceUnit, format: from(units.priceUnit) },
      floorHeightM: { label: labels.floorHeight, format: number(units.metre) },
      floorLoadKgPerSqm: { label: labels.floorLoad, format: number(units.kgPerSqm) },
      powerKva: { label: labels.power, format: number(units.kva) },
      propertyTermYears: {
        label: labels.propertyTerm,
        format: (value) => messages.listing.years.replace("{years}", String(value)),
      },
      landUseType: { label: labels.landUseType },
      landUseTypeEn: { label: labels.landUseTypeEn },
      structure: { label: labels.structure },
      structureEn: { label: labels.structureEn },
      storeys: { label: labels.storeys, format: number() },
      industries: changedOnly(labels.industries),
      highlights: { label: labels.highlights },
      highlightsEn: { label: labels.highlightsEn },
      description: changedOnly(labels.description),
      descriptionEn: changedOnly(labels.descriptionEn),
      availableFrom: { label: labels.availableFrom },
      alt: { label: text.fields.alt },
      altEn: { label: text.fields.altEn },
    };
  };

  const registerFields = (details: Record<string, unknown>): Fields => {
    const labels = messages.inventory.register;
    const unitOfArea = details.areaUnit === "MU" || (isPair(details.areaUnit) && details.areaUnit[1] === "MU");
    const area: Format = (value) => formatArea(String(value), unitOfArea ? "MU" : "SQM", locale, messages);
    const status: Format = (value) => term(messages.vocabulary, "unitStatus", key(value));
    return {
      name: { label: labels.building.name },
      nameEn: { label: labels.building.nameEn },
      kind: { label: labels.building.kind, format: from(messages.kind) },
      factoryType: { label: labels.building.factoryType, format: from(messages.factoryType) },
      storeys: { label: labels.building.storeys, format: number() },
      structure: { label: labels.building.structure },
      structureEn: { label: labels.building.structureEn },
      floorHeightM: { label: labels.building.floorHeight, format: number(units.metre) },
      floorLoadKgPerSqm: { label: labels.building.floorLoad, format: number(units.kgPerSqm) },
      powerKva: { label: labels.building.power, format: number(units.kva) },
      completionYear: { label: labels.building.completionYear },
      propertyTermYears: {
        label: labels.building.propertyTerm,
        format: (value) => messages.listing.years.replace("{years}", String(value)),
      },
      position: { label: labels.building.position, format: number() },
      floor: { label: labels.units.floor },
      number: { label: labels.units.number },
      area: { label: labels.units.area, format: area },
      areaUnit: { label: labels.units.areaUnit, format: areaUnit },
      listPrice: { label: labels.units.listPrice, format: number() },
      floorPrice: { label: labels.units.floorPrice, format: number() },
      priceUnit: { label: labels.units.priceUnit, format: from(units.priceUnit) },
      status: { label: labels.units.status, format: status },
    };
  };

  const projectFields = (): Fields => {
    const labels = messages.projects.commitments;
    return {
      name: { label: labels.name },
      companyName: { label: labels.companyName },
      creditCode: { label: labels.creditCode, changedOnly: true },
      industry: { label: labels.industry },
      totalInvestment: { label: labels.totalInvestment, format: wan },
      fixedAssetInvestment: { label: labels.fixedAssetInvestment, format: wan },
      annualOutput: { label: labels.annualOutput, format: wan },
      annualTax: { label: labels.annualTax, format: wan },
      jobs: { label: labels.jobs, format: number() },
      landMu: { label: labels.landMu, format: number(units.mu) },
    };
  };

  const parkFields = (): Fields => {
    const labels = messages.listingsAdmin.parks.form;
    return {
      slug: { label: labels.slug },
      name: { label: labels.name },
      nameEn: { label: labels.nameEn },
      city: { label: labels.city },
      cityEn: { label: labels.cityEn },
      address: { label: labels.address },
      addressEn: { label: labels.addressEn },
      description: { label: labels.description, changedOnly: true },
      descriptionEn: { label: labels.descriptionEn, changedOnly: true },
      totalAreaMu: { label: labels.totalAreaMu, format: number(units.mu) },
      operatorName: { label: labels.operatorName },
      contactPhone: { label: labels.contactPhone },
      ownerId: { label: labels.owner, format: owner },
    };
  };

  const f = text.fields;
  const configFields: Fields = {
    name: { label: f.name },
    nameEn: { label: f.nameEn },
    active: { label: f.active },
    askPark: { label: f.needsPark },
    kind: { label: f.kind, format: from(messages.notifySettings.kinds) },
    parkId: { label: messages.listingsAdmin.form.park, format: park },
    url: { label: f.url, format: word },
    secret: { label: f.secret, format: word },
    from: { label: f.from },
    role: { label: f.role, format: (value) => term(messages.vocabulary, "role", key(value)) },
    workPhone: { label: f.workPhone, format: word },
    emailMuted: { label: f.emailMuted },
    holdDays: { label: f.holdDays },
    staffRenewals: { label: f.staffRenewals },
    reminderHours: { label: f.reminderHours },
    threshold: { label: f.threshold, format: wan },
    warnDays: { label: f.warnDays, format: number() },
    taxPerMu: { label: f.taxPerMu, format: perMu },
    outputPerMu: { label: f.outputPerMu, format: perMu },
    taxWeight: { label: f.taxWeight, format: number() },
    classA: { label: f.classA, format: number() },
    classB: { label: f.classB, format: number() },
    classC: { label: f.classC, format: number() },
  };
  /** 到资 and a year's actuals: the figures an entry names. */
  const actualsFields: Fields = {
    instalments: { label: f.instalments, format: number() },
    scheduledTotal: { label: f.scheduledTotal, format: wan },
    paidOn: { label: f.paidOn },
    amount: { label: f.amount, format: wan },
    output: { label: f.output, format: wan },
    tax: { label: f.tax, format: wan },
    jobs: { label: f.jobs, format: number() },
    benchmarkTaxPerMu: { label: f.benchmarkTaxPerMu, format: perMu },
    benchmarkOutputPerMu: { label: f.benchmarkOutputPerMu, format: perMu },
  };

  /** A settings section's before/after objects as one line per value that differs. */
  function settingChanges(details: Record<string, unknown>): string[] {
    if (!("before" in details) || !("after" in details)) return changes(details, configFields);
    const flat = (value: unknown, prefix = ""): Record<string, unknown> =>
      value && typeof value === "object" && !Array.isArray(value)
        ? Object.assign({}, ...Object.entries(value).map(([name, child]) => flat(child, `${prefix}${name}.`)))
        : { [prefix.slice(0, -1) || "threshold"]: value };
    const [before, after] = [flat(details.before), flat(details.after)];
    const fields = Object.fromEntries(
      [...new Set([...Object.keys(before), ...Object.keys(after)])]
        .filter((name) => JSON.stringify(before[name]) !== JSON.stringify(after[name]))
        .map((name) => [name, configFields[name] ?? { label: name }]),
    );
    return changes(Object.fromEntries(Object.keys(fields).map((name) => [name, [before[name], after[name]]])), fields);
  }

  function sentence(entry: AuditSubject): AuditLine {
    const details = record(entry.details);
    // A partner system's API key acts without a user: its name stands as the actor.
    const apiKey = record(details.apiKey);
    const actor =
      entry.actorName ?? (typeof apiKey.name === "string" ? t("apiKeyActor", { name: apiKey.name }) : text.system);
    const id = entry.entityId;
    const s = (path: Parameters<typeof t>[0], values: Record<string, string | number> = {}, lines: string[] = []) => ({
      sentence: t(path, { actor, ...values }),
      changes: lines,
    });
    const pairs = Array.isArray(details.leads) ? details.leads.filter(isPair) : null;
    const named = (kind: "stages" | "lostReasons" | "channels", type: string) =>
      local(names[kind].get(id)) ??
      local(typeof details.name === "string" ? (details as unknown as Named) : undefined) ??
      gone(type);
    switch (entry.action) {
      case "lead.stage": {
        const outcome = changes(details, {
          lostReasonKey: {
            label: f.lostReason,
            format: (value) => local(names.lostReasons.get(key(value))) ?? plain(value),
          },
          lostToPark: { label: f.lostToPark },
          signedArea: {
            label: f.signedArea,
            format: (value) =>
              formatArea(String(value), details.signedAreaUnit === "MU" ? "MU" : "SQM", locale, messages),
          },
          signedAnnualTax: { label: f.signedAnnualTax, format: wan },
        });
        if (pairs) {
          const targets = listOf(pairs.map((pair) => lead(pair[0])));
          return s("sentences.lead.stageMany", { count: pairs.length, to: stage(details.to), targets }, outcome);
        }
        const [before, after] = isPair(details.stage) ? details.stage : [null, null];
        return s("sentences.lead.stage", { target: lead(id), from: stage(before), to: stage(after) }, outcome);
      }
      case "lead.assign": {
        const moved = pairs ?? [];
        const pool = !details.ownerId;
        if (moved.length === 1) {
          const line = t("change", { field: f.owner, before: owner(moved[0][1]), after: owner(details.ownerId) });
          const target = lead(moved[0][0]);
          return pool
            ? s("sentences.lead.toPool", { target }, [line])
            : s("sentences.lead.assign", { target, owner: owner(details.ownerId) }, [line]);
        }
        const values = { count: moved.length, targets: listOf(moved.map((pair) => lead(pair[0]))) };
        return pool
          ? s("sentences.lead.toPoolMany", values)
          : s("sentences.lead.assignMany", { ...values, owner: owner(details.ownerId) });
      }
      case "lead.claim":
        return s("sentences.lead.claim", { target: lead(id) });
      case "lead.update":
        return s("sentences.lead.update", { target: lead(id) }, changes(details, leadFields()));
      case "lead.merge":
        return s("sentences.lead.merge", { target: lead(id), merged: lead(details.mergedId) });
      case "lead.archive":
        return s("sentences.lead.archive", { target: lead(id) });
      case "lead.unarchive":
        return s("sentences.lead.unarchive", { target: lead(id) });
      case "lead.erase":
        return s("sentences.lead.erase", { target: lead(id) }, changes(details, { reason: { label: f.reason } }));
      case "project.export":
        return s("sentences.project.export", { rows: formatNumber(Number(details.rows) || 0, locale) });
      case "lead.export":
        return s("sentences.lead.export", { rows: formatNumber(Number(details.rows) || 0, locale) });
      case "demo.remove":
        return s("sentences.lead.removeDemo", { count: formatNumber(Number(details.leads) || 0, locale) });
      case "listing.create":
      case "listing.publish":
      case "listing.unpublish":
        return s(`sentences.listing.${entry.action.slice(8) as "create" | "publish" | "unpublish"}`, {
          target: local(names.listings.get(id)) ?? gone("Listing"),
        });
      case "listing.update": {
        const target = local(names.listings.get(id)) ?? gone("Listing");
        if ("photoOrder" in details) return s("sentences.listing.photoOrder", { target });
        return s("sentences.listing.update", { target }, changes(details, listingFields(id)));
      }
      case "listing.status": {
        const [before, after] = isPair(details.status) ? details.status : [null, null];
        const status = from(messages.status);
        return s("sentences.listing.status", {
          target: local(names.listings.get(id)) ?? gone("Listing"),
          from: status(before),
          to: status(after),
        });
      }
      case "listing.photo_add":
        return s("sentences.listing.photoAdd", { target: local(names.listings.get(id)) ?? gone("Listing") });
      case "listing.photo_remove":
        return s("sentences.listing.photoRemove", { target: local(names.listings.get(id)) ?? gone("Listing") });
      case "building.create":
      case "building.update":
      case "building.delete": {
        const verb = entry.action === "building.delete" ? "remove" : (entry.action.slice(9) as "create" | "update");
        const target = typeof details.building === "string" ? details.building : gone("Building");
        return s(`sentences.building.${verb}`, { target }, changes(details, registerFields(details)));
      }
      case "unit.add_floor": {
        const [first, last] = Array.isArray(details.numbers) ? details.numbers.map(key) : ["", ""];
        return s("sentences.building.addFloor", {
          target: typeof details.building === "string" ? details.building : gone("Building"),
          floor: plain(details.floor),
          count: formatNumber(Number(details.count) || 0, locale),
          first,
          last,
        });
      }
      case "unit.create":
      case "unit.update":
      case "unit.delete": {
        const verb = entry.action === "unit.delete" ? "remove" : (entry.action.slice(5) as "create" | "update");
        const target = typeof details.unit === "string" ? details.unit : gone("Unit");
        return s(`sentences.unit.${verb}`, { target }, changes(details, registerFields(details)));
      }
      case "unit.availability": {
        const [before, after] = isPair(details.status) ? details.status : [null, null];
        const status = (value: unknown) => term(messages.vocabulary, "unitStatus", key(value));
        return s("sentences.unit.availability", {
          target: typeof details.unit === "string" ? details.unit : gone("Unit"),
          from: status(before),
          to: status(after),
        });
      }
      case "unit.hold":
      case "unit.renew":
      case "unit.release":
      case "unit.move_in": {
        const verb =
          entry.action === "unit.move_in" ? "moveIn" : (entry.action.slice(5) as "hold" | "renew" | "release");
        const units = Array.isArray(details.units) ? listOf(details.units.map(key)) : gone("Unit");
        // Stored as an instant; read in Beijing time like every deadline in the workspace.
        const until =
          typeof details.until === "string" ? toShanghaiLocal(new Date(details.until)).replace("T", " ") : "";
        return s(`sentences.unit.${verb}`, { target: lead(id), units, until });
      }
      case "project.update":
      case "project.owner":
      case "project.terminate": {
        const target = typeof details.project === "string" ? details.project : gone("Project");
        if (entry.action === "project.update")
          return s("sentences.project.update", { target }, changes(details, projectFields()));
        if (entry.action === "project.owner") {
          const officer = (value: unknown) => (value ? user(value) : messages.projects.list.noOwner);
          const [before, after] = isPair(details.ownerId) ? details.ownerId : [null, null];
          const line = t("change", {
            field: messages.projects.owner.title,
            before: officer(before),
            after: officer(after),
          });
          return s("sentences.project.owner", { target, owner: officer(after) }, [line]);
        }
        const count = Array.isArray(details.units) ? details.units.length : 0;
        return s("sentences.project.terminate", { target, count }, changes(details, { reason: { label: f.reason } }));
      }
      case "project.funding_plan":
      case "project.funding_add":
      case "project.funding_delete":
      case "project.year": {
        type Verb = "fundingPlan" | "fundingAdd" | "fundingDelete" | "year";
        const verbs: Record<string, Verb> = {
          "project.funding_plan": "fundingPlan",
          "project.funding_add": "fundingAdd",
          "project.funding_delete": "fundingDelete",
          "project.year": "year",
        };
        const values = { target: lead(details.leadId), year: String(details.year ?? "") };
        return s(`sentences.actuals.${verbs[entry.action]}`, values, changes(details, actualsFields));
      }
      case "project.milestone_plan": {
        const milestone = (kind: string) => term(messages.vocabulary, "milestoneKind", kind);
        const plans = Object.entries(record(details.plans)).filter(([, pair]) => isPair(pair));
        const lines = plans.map(([kind, pair]) => {
          const [before, after] = pair as [unknown, unknown];
          return t("change", { field: milestone(kind), before: plain(before), after: plain(after) });
        });
        const verb = "reason" in details ? "replan" : "plan";
        return s(`sentences.milestones.${verb}`, { target: lead(details.leadId) }, lines);
      }
      case "project.milestone_actual":
      case "project.milestone_actual_clear": {
        const kind = term(messages.vocabulary, "milestoneKind", key(details.kind));
        if (entry.action === "project.milestone_actual_clear") {
          return s("sentences.milestones.clear", { target: lead(details.leadId), kind, day: plain(details.actualOn) });
        }
        const day = isPair(details.actualOn) ? plain(details.actualOn[1]) : plain(details.actualOn);
        const personal = (label: string) => ({ label, changedOnly: true });
        return s(
          "sentences.milestones.actual",
          { target: lead(details.leadId), kind, day },
          changes(details, {
            actualOn: { label: messages.projectMilestones.actual.day },
            creditCode: personal(messages.projectMilestones.actual.creditCode),
            companyName: { label: messages.projectMilestones.actual.companyName },
            note: personal(messages.projectMilestones.actual.note),
          }),
        );
      }
      case "project.evidence_add":
      case "project.evidence_remove": {
        const verb = entry.action === "project.evidence_add" ? "evidenceAdd" : "evidenceRemove";
        const kind = term(messages.vocabulary, "evidenceKind", key(details.kind));
        const milestone = key(details.milestoneKind);
        const lines = milestone
          ? [t("sentences.milestones.evidenceFor", { kind: term(messages.vocabulary, "milestoneKind", milestone) })]
          : [];
        return s(`sentences.milestones.${verb}`, { target: lead(details.leadId), kind }, lines);
      }
      case "supervision.open":
      case "supervision.answer":
      case "supervision.instruct":
      case "supervision.reopen":
      case "supervision.close":
      case "supervision.escalate": {
        const verb = entry.action.slice(12) as "open" | "answer" | "instruct" | "reopen" | "close" | "escalate";
        const due = typeof details.dueOn === "string" ? details.dueOn : "";
        return s(`sentences.supervision.${verb}`, {
          target: lead(details.leadId),
          assignee: user(details.assigneeId),
          due,
        });
      }
      case "park.yardsticks":
        return s("sentences.park.yardsticks", { target: park(id) }, changes(details, actualsFields));
      case "park.create":
        return s("sentences.park.create", { target: park(id) });
      case "park.update":
        return s("sentences.park.update", { target: park(id) }, changes(details, parkFields()));
      case "user.create":
        return s("sentences.user.create", {
          target: user(id),
          role: term(messages.vocabulary, "role", key(details.role)),
        });
      case "user.role": {
        const role = (value: unknown) => term(messages.vocabulary, "role", key(value));
        const [before, after] = isPair(details.role) ? details.role : [null, null];
        return s("sentences.user.role", { target: user(id), from: role(before), to: role(after) });
      }
      case "user.deactivate":
      case "user.reactivate":
        return s(`sentences.user.${entry.action.slice(5) as "deactivate" | "reactivate"}`, { target: user(id) });
      case "user.password_reset":
        return s("sentences.user.passwordReset", { target: user(id) });
      case "user.away":
        return s(isPair(details.away) && details.away[1] ? "sentences.user.away" : "sentences.user.back", {
          target: user(id),
        });
      case "user.preferences":
        return s("sentences.user.preferences", {}, changes(details, configFields));
      case "stage.create":
      case "stage.update":
      case "stage.delete":
        if (id === "order") return s("sentences.stage.order");
        return s(
          `sentences.stage.${entry.action.slice(6) as "create" | "update" | "delete"}`,
          { target: named("stages", "Stage") },
          entry.action === "stage.update" ? changes(details, configFields) : [],
        );
      case "lostReason.create":
      case "lostReason.update":
        if (id === "order") return s("sentences.lostReason.order");
        return s(
          `sentences.lostReason.${entry.action.slice(11) as "create" | "update"}`,
          { target: named("lostReasons", "LostReason") },
          entry.action === "lostReason.update" ? changes(details, configFields) : [],
        );
      case "channel.create":
      case "channel.update":
      case "channel.activate":
      case "channel.deactivate":
      case "channel.delete":
      case "channel.test": {
        const verb = entry.action.slice(8) as "create" | "update" | "activate" | "deactivate" | "delete" | "test";
        const lines = verb === "update" ? changes(details, { ...configFields, name: { label: f.channelName } }) : [];
        return s(`sentences.channel.${verb}`, { target: named("channels", "NotifyChannel") }, lines);
      }
      case "mail.test":
        return s("sentences.mail.test");
      case "apiKey.create":
      case "apiKey.revoke": {
        const target = typeof details.name === "string" ? details.name : gone("ApiKey");
        if (entry.action === "apiKey.revoke") return s("sentences.apiKey.revoke", { target });
        // A list, never a before/after pair, however many scopes it holds.
        const scopes = Array.isArray(details.scopes) ? details.scopes.map(key) : [];
        const scopeWords = scopes.map((scope) => (messages.apiKeys.scopes as Record<string, string>)[scope] ?? scope);
        return s("sentences.apiKey.create", { target }, [
          t("value", { field: f.scopes, value: scopeWords.join(separator) || text.none }),
          ...changes(details, {
            parkId: { label: messages.listingsAdmin.form.park, format: (value) => (value ? park(value) : text.none) },
            expiresOn: { label: f.expiresOn },
            rateLimit: { label: f.rateLimit, format: number() },
          }),
        ]);
      }
      case "webhook.create":
      case "webhook.update":
      case "webhook.roll_secret":
      case "webhook.activate":
      case "webhook.deactivate":
      case "webhook.test": {
        type Verb = "create" | "update" | "rollSecret" | "activate" | "deactivate" | "test";
        const verb = (entry.action === "webhook.roll_secret" ? "rollSecret" : entry.action.slice(8)) as Verb;
        const target = typeof details.subscription === "string" ? details.subscription : gone("WebhookSubscription");
        const events: Format = (value) => (Array.isArray(value) ? value.join(separator) : plain(value));
        const lines =
          verb === "create" || verb === "update"
            ? changes(details, {
                name: { label: f.channelName },
                url: { label: f.url, format: word },
                events: { label: f.events, format: events },
                parkId: { label: f.park, format: park },
              })
            : [];
        return s(`sentences.webhook.${verb}`, { target }, lines);
      }
      case "import.upload":
      case "import.run":
      case "import.undo":
      case "import.cancel":
      case "import.drop_file":
      case "import.errors": {
        type Verb = "upload" | "run" | "undo" | "cancel" | "dropFile" | "errors";
        const verb = (entry.action === "import.drop_file" ? "dropFile" : entry.action.slice(7)) as Verb;
        const count = (name: string) => formatNumber(Number(details[name]) || 0, locale);
        const counts = ["rows", "created", "merged", "skipped", "failed", "archived", "reverted"];
        return s(`sentences.import.${verb}`, {
          target: typeof details.fileName === "string" ? details.fileName : gone("ImportJob"),
          ...Object.fromEntries(counts.map((name) => [name, count(name)])),
        });
      }
      case "settings.update": {
        const section = SETTINGS[id];
        return s(
          "sentences.settings.update",
          { target: section ? text.settings[section] : entityWord("Setting") },
          settingChanges(details),
        );
      }
      case "report.export":
      case "report.print": {
        const tabs: Record<string, string> = { ...messages.reports.tabs, ...text.reports };
        const format = text.formats[key(details.format) as keyof typeof text.formats] ?? plain(details.format);
        return s(entry.action === "report.export" ? "sentences.report.export" : "sentences.report.print", {
          target: tabs[id] ?? entityWord("Report"),
          format,
        });
      }
      case "privacyRequest.open":
      case "privacyRequest.close": {
        const kind = from(messages.privacyRequests.kind)(details.kind);
        const values = { target: lead(details.leadId), kind };
        if (entry.action === "privacyRequest.close") return s("sentences.privacyRequest.close", values);
        return {
          sentence: t("sentences.privacyRequest.open", { ...values, actor: entry.actorName ?? text.investor }),
          changes: [],
        };
      }
      default:
        return s("sentences.other", { entity: entityWord(entry.entityType), target: gone(entry.entityType) });
    }
  }

  return sentence;
}
