import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { SessionClaims } from "@/lib/auth/session";
import type { Database } from "@/lib/db/client";
import type { OpenedDatabase } from "@/lib/db/open";
import { zhCN } from "@/lib/i18n/messages/zh-CN";
import { STAFF_EMAIL_TOPICS } from "@/lib/notify/topics";
import { saveOwnPreferencesAction } from "@/lib/users/preferences/actions";
import AccountPage from "@/app/crm/account/page";
import UsersPage from "@/app/crm/settings/page";
import { describeOnPostgres, openTestPglite, openTestPostgres, type TestDatabase } from "../support/databases";
import { makeUser, type Person } from "../support/door-fixtures";
import { renderInLocale } from "../support/render-server";

/*
 * A user's own settings through the real action and page: the work phone investors are shown and the
 * topics they get by email, each user on themselves only — on both databases.
 */

const door = vi.hoisted(() => ({
  opened: undefined as OpenedDatabase | undefined,
  claims: null as SessionClaims | null,
}));
vi.mock("@/lib/db/client", () => ({
  getOpenedDatabase: async () => door.opened,
  getDb: async () => door.opened!.db,
}));
vi.mock("next-auth", () => ({ getServerSession: async () => door.claims, default: () => undefined }));
vi.mock("@/lib/auth/options", () => ({ authOptions: async () => ({}), SESSION_HOURS: 12 }));
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));
vi.mock("next/headers", async () => ({
  cookies: (await import("../support/render-server")).localeCookies,
  headers: async () => new Headers(),
}));
vi.mock("next/navigation", () => ({
  redirect: (url: string) => {
    throw new Error(`redirect to ${url}`);
  },
  notFound: () => {
    throw new Error("not found");
  },
}));

function accountSuite(open: () => Promise<TestDatabase>) {
  let database: TestDatabase;
  let db: Database;
  let staff: Person;
  let manager: Person;
  const as = (person: Person | null) => {
    door.claims = person ? { userId: person.id, sessionVersion: 0 } : null;
  };
  const own = (person: Person) =>
    db.user.findUniqueOrThrow({ where: { id: person.id }, select: { workPhone: true, emailMuted: true } });

  beforeAll(async () => {
    database = await open();
    door.opened = database.opened;
    db = database.opened.db;
    staff = await makeUser(db, "STAFF");
    manager = await makeUser(db, "MANAGER");
  });
  afterAll(async () => {
    door.opened = undefined;
    await database?.cleanup();
  });

  it("[STAFF] saves a landline as work phone and the unchecked topics as muted, audited without the number", async () => {
    as(staff);
    expect(
      await saveOwnPreferencesAction({ workPhone: "(0571) 8888 6666", emailTopics: ["new_lead", "reassigned"] }),
    ).toEqual({ ok: true, changed: true });
    expect(await own(staff)).toEqual({
      workPhone: "0571-88886666",
      // Staff are not offered the digest, so it is not muted by being left unchecked.
      emailMuted: [
        "further_inquiry",
        "response_reminder",
        "response_overdue",
        "tasks_due",
        "holds",
        "projects",
        "supervision",
      ],
    });
    const [entry] = await db.auditEntry.findMany({ where: { entityId: staff.id, action: "user.preferences" } });
    expect(entry).toMatchObject({ actorId: staff.id, details: { workPhone: "set" } });
    expect(JSON.stringify(entry.details)).not.toContain("88886666");
    expect(
      await saveOwnPreferencesAction({ workPhone: "0571-88886666", emailTopics: ["new_lead", "reassigned"] }),
    ).toEqual({ ok: true, changed: false });
  });

  it("[STAFF] is told what a work phone looks like; nothing is saved", async () => {
    as(staff);
    const before = await own(staff);
    expect(await saveOwnPreferencesAction({ workPhone: "88886666", emailTopics: [] })).toEqual({
      ok: false,
      fieldErrors: { workPhone: "workPhone" },
    });
    expect(zhCN.validation.workPhone).toContain("0571-88886666");
    expect(await saveOwnPreferencesAction({ workPhone: "13812345678", emailTopics: ["everything"] })).toEqual({
      ok: false,
      fieldErrors: { "emailTopics.0": "choice" },
    });
    expect(await own(staff)).toEqual(before);
  });

  it("[STAFF] changes only themselves: a user id in the input is refused and the other user is untouched", async () => {
    as(staff);
    const before = await own(manager);
    expect(await saveOwnPreferencesAction({ userId: manager.id, workPhone: "13900001111", emailTopics: [] })).toEqual({
      ok: false,
      fieldErrors: { userId: "unknownField" },
    });
    expect(await own(manager)).toEqual(before);
  });

  it("[STAFF] is not offered the digest, and keeps whatever was chosen for it; a manager turns it off", async () => {
    as(staff);
    await db.user.update({ where: { id: staff.id }, data: { emailMuted: [] } });
    await saveOwnPreferencesAction({ workPhone: "", emailTopics: ["new_lead"] });
    expect((await own(staff)).emailMuted).not.toContain("digest");
    expect((await own(staff)).workPhone).toBeNull();
    const html = await renderInLocale(await AccountPage(), "zh-CN");
    expect(html).toContain(zhCN.account.topics.new_lead);
    expect(html).not.toContain(zhCN.account.topics.digest);

    as(manager);
    const all = STAFF_EMAIL_TOPICS.filter((topic) => topic !== "digest");
    expect(await saveOwnPreferencesAction({ workPhone: "+86 139 0000 1111", emailTopics: all })).toEqual({
      ok: true,
      changed: true,
    });
    expect(await own(manager)).toEqual({ workPhone: "13900001111", emailMuted: ["digest"] });
    const page = await renderInLocale(await AccountPage(), "zh-CN");
    expect(page).toContain(zhCN.account.topics.digest);
    expect(page).toContain(manager.email);
  });

  it("[ADMIN] sees each user's work phone in the users list", async () => {
    as(await makeUser(db, "ADMIN"));
    const html = await renderInLocale(await UsersPage(), "zh-CN");
    expect(html).toContain(zhCN.crm.users.workPhone);
    expect(html).toMatch(new RegExp(`<td>${manager.email}</td><td>13900001111</td>`));
  });

  it("[ANONYMOUS] and a deactivated user are refused", async () => {
    as(null);
    expect(await saveOwnPreferencesAction({ workPhone: "13812345678", emailTopics: [] })).toEqual({
      ok: false,
      error: "forbidden",
    });
    const gone = await makeUser(db, "STAFF", false);
    as(gone);
    expect(await saveOwnPreferencesAction({ workPhone: "13812345678", emailTopics: [] })).toEqual({
      ok: false,
      error: "forbidden",
    });
    expect(await own(gone)).toEqual({ workPhone: null, emailMuted: [] });
    await expect(AccountPage()).rejects.toThrow(/redirect to \/login/);
  });
}

describe("own settings on PGlite", () => accountSuite(() => openTestPglite()));
describeOnPostgres("own settings on PostgreSQL", () => accountSuite(() => openTestPostgres()));
