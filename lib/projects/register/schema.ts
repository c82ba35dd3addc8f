import { z } from "zod";
import {
  amount,
  clearable,
  creditCode,
  decimal,
  integer,
  queryText,
  recordId,
  rowVersion,
  text,
} from "../../forms/fields";
import { PROJECT_STATUSES } from "../types";

/*
 * A project's register (履约台账): the list's filters as the address carries them, and the forms of the
 * project page — commitments (合同承诺), the owner and 解约. The client forms (zodResolver) and
 * lib/projects/register/mutations.ts parse with these same schemas.
 */

const strict = {
  error: (issue: { code: string }) => (issue.code === "unrecognized_keys" ? "unknownField" : "invalid"),
};

/** The contract's figures; blank clears one. `version` is the project's as the form loaded it. */
export const commitmentsSchema = z.strictObject(
  {
    projectId: recordId,
    version: rowVersion,
    name: text({ max: 120 }),
    companyName: text({ max: 120, min: 2 }),
    /** 统一社会信用代码, once the company is registered */
    creditCode: clearable(creditCode()),
    industry: clearable(text({ max: 60 })),
    /** 万元, Decimal(16, 4) */
    totalInvestment: clearable(amount({ max: 100_000_000 })),
    fixedAssetInvestment: clearable(amount({ max: 100_000_000 })),
    annualOutput: clearable(amount({ max: 100_000_000 })),
    annualTax: clearable(amount({ max: 10_000_000 })),
    jobs: clearable(integer({ max: 1_000_000 })),
    /** 亩, Decimal(12, 4) */
    landMu: clearable(decimal({ max: 10_000_000, decimals: 4, exclusive: true })),
  },
  strict,
);
export type CommitmentsInput = z.input<typeof commitmentsSchema>;

/** The fields the commitments form edits, in the order the audit log lists them. */
export const COMMITMENT_FIELDS = [
  "name",
  "companyName",
  "creditCode",
  "industry",
  "totalInvestment",
  "fixedAssetInvestment",
  "annualOutput",
  "annualTax",
  "jobs",
  "landMu",
] as const satisfies readonly (keyof z.output<typeof commitmentsSchema>)[];

export const ownerChangeSchema = z.strictObject(
  { projectId: recordId, version: rowVersion, ownerId: recordId },
  strict,
);
export type OwnerChangeInput = z.input<typeof ownerChangeSchema>;

export const terminationSchema = z.strictObject(
  { projectId: recordId, version: rowVersion, reason: text({ max: 500, multiline: true }) },
  strict,
);
export type TerminationInput = z.input<typeof terminationSchema>;

/** Orders the signing index serves at any size. */
export const PROJECT_SORTS = ["signedDesc", "signedAsc"] as const;
export const PROJECT_WARNINGS = ["late", "dueSoon"] as const;
export const PROJECT_STATUS_FILTERS = [...PROJECT_STATUSES, "all"] as const;

const first = (value: unknown) => (Array.isArray(value) ? value[0] : value);
/** A bad value in the address is dropped (the list shows unfiltered) rather than failing the page. */
const loose = <T extends z.ZodType>(schema: T) => z.preprocess(first, schema.optional().catch(undefined));

export const projectFilterSchema = z.object({
  park: loose(recordId),
  owner: loose(recordId),
  status: z.preprocess(first, z.enum(PROJECT_STATUS_FILTERS).catch("ACTIVE").default("ACTIVE")),
  warning: loose(z.enum(PROJECT_WARNINGS)),
  q: loose(queryText(60).refine((value) => value !== "")),
  year: loose(z.coerce.number().int().min(2000).max(2100)),
  sort: z.preprocess(first, z.enum(PROJECT_SORTS).catch("signedDesc").default("signedDesc")),
  page: z.preprocess(first, z.coerce.number().int().min(1).max(10_000).catch(1).default(1)),
});
export type ProjectFilter = z.output<typeof projectFilterSchema>;
