import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AccessDenied } from "@/lib/auth/access";
import type { Role } from "@/lib/auth/schema";
import type { Viewer } from "@/lib/auth/session";
import type { OpenedDatabase } from "@/lib/db/open";
import { cancelImport, uploadImport } from "@/lib/leads/import/mutations";
import { importSamples } from "@/lib/leads/import/samples";
import { describeOnPostgres, openTestPglite, openTestPostgres } from "../support/databases";

/*
 * The mapping form's examples: the first rows of the uploaded file under each header, for admins
 * only, and none once the job has moved on or its file is gone.
 */

function samplesSuite(open: () => Promise<{ opened: OpenedDatabase; cleanup: () => Promise<void> }>) {
  let opened: OpenedDatabase;
  let cleanup: () => Promise<void>;
  const viewers = {} as Record<"admin" | "manager", Viewer>;

  async function makeUser(role: Role): Promise<Viewer> {
    const email = `samples-${role.toLowerCase()}-${process.pid}@park.test`;
    const user = await opened.db.user.create({ data: { email, name: `示例${role}`, role, passwordHash: "unused" } });
    return { id: user.id, email, name: user.name, role };
  }

  beforeAll(async () => {
    ({ opened, cleanup } = await open());
    viewers.admin = await makeUser("ADMIN");
    viewers.manager = await makeUser("MANAGER");
  }, 120_000);
  afterAll(async () => cleanup?.());

  it("shows an admin the first three data rows under the title block, and refuses anyone else", async () => {
    const lines = [
      "2026 年招商线索台账",
      "公司名称,联系人,手机号",
      ...[1, 2, 3, 4].map((n) => `嘉兴示例${n}有限公司,陈${n},1370000000${n}`),
    ];
    const file = new File([new TextEncoder().encode(lines.join("\n"))], "台账.csv", { type: "text/csv" });
    const uploaded = await uploadImport(opened.db, viewers.admin, { file });
    if (!uploaded.ok) throw new Error(JSON.stringify(uploaded));

    expect(await importSamples(opened.db, viewers.admin, uploaded.jobId)).toEqual(
      [1, 2, 3].map((n) => [`嘉兴示例${n}有限公司`, `陈${n}`, `1370000000${n}`]),
    );
    await expect(importSamples(opened.db, viewers.manager, uploaded.jobId)).rejects.toBeInstanceOf(AccessDenied);
    await expect(importSamples(opened.db, null, uploaded.jobId)).rejects.toBeInstanceOf(AccessDenied);

    // Cancelled: the file is gone, and so are the examples.
    expect((await cancelImport(opened.db, viewers.admin, { jobId: uploaded.jobId })).ok).toBe(true);
    expect(await importSamples(opened.db, viewers.admin, uploaded.jobId)).toEqual([]);
    expect(await importSamples(opened.db, viewers.admin, "no-such-job")).toEqual([]);
  });
}

describe("import samples on PGlite", () => samplesSuite(() => openTestPglite()));
describeOnPostgres("import samples on PostgreSQL", () => samplesSuite(() => openTestPostgres()));
