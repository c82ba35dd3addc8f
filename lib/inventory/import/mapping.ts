import "server-only";
import { z } from "zod";
import type { Role } from "../../auth/schema";
import { assertRole } from "../../auth/access";
import type { Viewer } from "../../auth/session";
import type { Database } from "../../db/client";

/*
 * The column recognition and the remembered mapping every import kind shares: a kind names its fields,
 * how it reads a header, and the Setting row that keeps the admin's corrections
 * (header text → field). Kind-neutral, here because lib/leads/import (which runs every kind) may import
 * lib/inventory and not the reverse.
 */

/**
 * A header folded for comparison, the same for every kind: full-width forms as half-width (（亩） → (亩)),
 * case, spaces and the marks people put on required columns (*, ：) ignored.
 */
export function headerKey(header: string): string {
  return header
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\s\u200b-\u200d\ufeff_]+/gu, "")
    .replace(/^[*※]+|[*※:]+$/g, "");
}

export interface ImportColumnsKind<F extends string> {
  fields: readonly [F, ...F[]];
  /** The field a header names, or null. */
  fieldOfHeader: (header: string) => F | null;
  /** The value a field fills: two fields filling the same value are proposed once. */
  valueOf: (field: F) => string;
  /** The Setting row that keeps the corrections. */
  settingKey: string;
  /** Who may confirm a mapping, and what assertRole calls it. */
  rememberers: readonly Role[];
  remembering: string;
}

/** Headers remembered at most; the oldest corrections give way first. */
const REMEMBERED_MAX = 500;

type SettingStore = Pick<Database, "setting">;

export function importColumns<F extends string>(kind: ImportColumnsKind<F>) {
  const rememberedSchema = z.record(z.string().max(200), z.enum(kind.fields));

  /**
   * The field proposed for each column: the admin's remembered correction for that header text first,
   * then recognition; a field a column before already took is not proposed again.
   */
  function recognise(headers: string[], remembered: Record<string, F> = {}): Record<string, F> {
    const corrections = new Map(Object.entries(remembered).map(([header, field]) => [headerKey(header), field]));
    const taken = new Set<string>();
    const mapping: Record<string, F> = {};
    headers.forEach((header, index) => {
      const field = corrections.get(headerKey(header)) ?? kind.fieldOfHeader(header);
      if (!field || !(kind.fields as readonly string[]).includes(field) || taken.has(kind.valueOf(field))) return;
      taken.add(kind.valueOf(field));
      mapping[String(index)] = field;
    });
    return mapping;
  }

  /** The corrections kept from earlier imports; a stored value this version cannot read counts as none. */
  async function remembered(db: SettingStore): Promise<Record<string, F>> {
    const row = await db.setting.findUnique({ where: { key: kind.settingKey }, select: { value: true } });
    const parsed = rememberedSchema.safeParse(row?.value ?? {});
    return parsed.success ? (parsed.data as Record<string, F>) : {};
  }

  /**
   * Keeps the mapping the admin confirmed, by header text, merged with what was kept before: a column
   * they mapped is remembered as mapped, one they left out forgets what its header was mapped to.
   */
  async function remember(
    db: SettingStore,
    viewer: Viewer | null,
    headers: string[],
    mapping: Record<string, string>,
  ): Promise<void> {
    assertRole(viewer, kind.rememberers, kind.remembering);
    const kept = new Map(Object.entries(await remembered(db)).map(([header, field]) => [headerKey(header), field]));
    headers.forEach((header, index) => {
      const key = headerKey(header);
      if (key === "" || key.length > 200) return;
      const field = mapping[String(index)] as F | undefined;
      kept.delete(key);
      if (field) kept.set(key, field);
    });
    const value = Object.fromEntries([...kept].slice(-REMEMBERED_MAX));
    await db.setting.upsert({
      where: { key: kind.settingKey },
      create: { key: kind.settingKey, value },
      update: { value },
    });
  }

  return { recognise, remembered, remember };
}
