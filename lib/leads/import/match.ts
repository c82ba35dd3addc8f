import "server-only";
import type { Database } from "../../db/client";
import { companyKey } from "../company-key";
import type { ImportMatch } from "./types";

/**
 * The lead each row duplicates, for a whole chunk of rows in two queries: the same mobile, else the
 * same company once folded as the workspace folds names (Lead.companyKey). Erased leads and leads
 * merged into another are not there to join; of several leads with one company, the oldest is.
 */
export async function matchImportRows(
  db: Database,
  rows: { phone: string; company: string }[],
): Promise<(ImportMatch | null)[]> {
  const phones = [...new Set(rows.map((row) => row.phone).filter(Boolean))];
  const keys = rows.map((row) => (row.company ? companyKey(row.company) : ""));
  const companyKeys = [...new Set(keys.filter(Boolean))];
  const live = { erasedAt: null, mergedIntoId: null };
  const [byPhone, byCompany] = await Promise.all([
    phones.length
      ? db.lead.findMany({ where: { ...live, phone: { in: phones } }, select: { id: true, phone: true } })
      : [],
    companyKeys.length
      ? db.lead.findMany({
          where: { ...live, companyKey: { in: companyKeys } },
          select: { id: true, companyKey: true },
          orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        })
      : [],
  ]);
  const phoneLeads = new Map(byPhone.map((lead) => [lead.phone, lead.id]));
  const companyLeads = new Map<string, string>();
  for (const lead of byCompany) if (!companyLeads.has(lead.companyKey)) companyLeads.set(lead.companyKey, lead.id);
  return rows.map((row, index): ImportMatch | null => {
    const phoneLead = row.phone ? phoneLeads.get(row.phone) : undefined;
    if (phoneLead) return { leadId: phoneLead, by: "phone" };
    const companyLead = keys[index] ? companyLeads.get(keys[index]) : undefined;
    return companyLead ? { leadId: companyLead, by: "company" } : null;
  });
}
