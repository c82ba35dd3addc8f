import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { blockingViolations } from "../support/accessibility";
import { queryE2eDatabase } from "../support/database";
import { negotiatingLead } from "../support/delivery";
import { makeWorkspaceUser, signIn } from "../support/workspace";

/*
 * The milestones section of a project page: an officer enters the contract's plan, re-plans 开工 (the reason is
 * asked for, the history keeps both plans), adds a document as evidence and downloads it under its own name, has
 * a script refused, and deletes the document; the open plan form passes axe.
 */

/** The Shanghai calendar day (YYYY-MM-DD) `days` from today. */
const dayFromToday = (days: number) =>
  new Date(Date.now() + 8 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);

const PDF = Buffer.from("%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");

/** A signed project of `ownerId` with its six milestones unplanned, as a signing opens it. */
async function signedProject(ownerId: string): Promise<{ id: string; company: string }> {
  const lead = await negotiatingLead(ownerId, "嘉兴里程碑装备");
  const id = `e2e${randomBytes(10).toString("hex")}`;
  await queryE2eDatabase(`UPDATE "Lead" SET "stageKey" = 'signed', "signedAt" = now() WHERE "id" = $1`, [lead.id]);
  await queryE2eDatabase(
    `INSERT INTO "Project" ("id", "leadId", "ownerId", "name", "companyName", "signedAt", "updatedAt")
     VALUES ($1, $2, $3, $4, $4, now(), now())`,
    [id, lead.id, ownerId, lead.company],
  );
  await queryE2eDatabase(
    `INSERT INTO "ProjectMilestone" ("id", "projectId", "kind")
     SELECT $1 || k.kind, $1, k.kind::"MilestoneKind"
     FROM unnest(ARRAY['REGISTERED','LAND_HANDOVER','CONSTRUCTION_START','COMPLETION','PRODUCTION','FULL_PRODUCTION'])
       AS k(kind)`,
    [id],
  );
  return { id, company: lead.company };
}

test("[STAFF] plans, re-plans with a reason, and keeps a document as evidence", async ({ page }) => {
  const officer = await makeWorkspaceUser("STAFF", "里程碑专员");
  const project = await signedProject(officer.id);
  await signIn(page, officer.email, officer.password);
  await page.goto(`/crm/projects/${project.id}`);
  const section = page.locator('[data-section="milestones"]');
  const row = (kind: string) => section.locator(`tr[data-milestone="${kind}"]`);

  // The contract's plan: no reason asked.
  const [registered, start, moved] = [dayFromToday(10), dayFromToday(20), dayFromToday(45)];
  await section.getByRole("button", { name: "编辑计划日期" }).click();
  const plan = page.getByRole("dialog", { name: "里程碑计划日期" });
  expect(await blockingViolations(page, "the milestones' plan form")).toEqual([]);
  await plan.getByLabel("注册").fill(registered);
  await plan.getByLabel("开工").fill(start);
  await plan.getByRole("button", { name: "保存计划" }).click();
  await expect(plan).toBeHidden();
  await expect(row("REGISTERED")).toContainText(registered);
  await expect(row("REGISTERED")).toContainText("10 天后到期");
  await expect(row("CONSTRUCTION_START")).toContainText(start);

  // Moving 开工 is a re-plan: the reason is asked for, then both plans are in its history.
  await section.getByRole("button", { name: "编辑计划日期" }).click();
  await plan.getByLabel("开工").fill(moved);
  await plan.getByRole("button", { name: "保存计划" }).click();
  await expect(plan.getByText("修改或清除已有计划时，请填写调整原因")).toBeVisible();
  await plan.getByLabel("调整原因").fill("环评批复推迟一个月");
  await plan.getByRole("button", { name: "保存计划" }).click();
  await expect(plan).toBeHidden();
  await expect(row("CONSTRUCTION_START")).toContainText(moved);
  await row("CONSTRUCTION_START").getByText("计划调整记录").click();
  await expect(row("CONSTRUCTION_START")).toContainText(`${start} → ${moved}`);
  await expect(row("CONSTRUCTION_START")).toContainText("原因：环评批复推迟一个月");
  const changes = await queryE2eDatabase<{ plannedOn: string; reason: string | null }>(
    `SELECT "plannedOn"::text AS "plannedOn", "reason" FROM "MilestonePlanChange"
     WHERE "projectId" = $1 AND "kind" = 'CONSTRUCTION_START' ORDER BY "effectiveAt"`,
    [project.id],
  );
  expect(changes).toEqual([
    { plannedOn: start, reason: null },
    { plannedOn: moved, reason: "环评批复推迟一个月" },
  ]);

  // A document as evidence for 开工, downloaded under its own name; a script is refused.
  await section.getByText("添加佐证材料").click();
  const form = page.getByTestId("evidence-form");
  await form.getByLabel("关联里程碑").selectOption({ label: "开工" });
  await form.getByLabel("说明").fill("施工许可证");
  await form.getByLabel("文件").setInputFiles({ name: "施工许可证.pdf", mimeType: "application/pdf", buffer: PDF });
  await form.getByRole("button", { name: "上传" }).click();
  await expect(form.getByText("已添加")).toBeVisible();
  const list = page.getByTestId("evidence-list");
  await expect(list).toContainText("施工许可证.pdf");
  const downloading = page.waitForEvent("download");
  await list.getByRole("link", { name: /施工许可证\.pdf/ }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe("施工许可证.pdf");

  await form.getByLabel("文件").setInputFiles({
    name: "photo.png",
    mimeType: "image/png",
    buffer: Buffer.from("<script>alert(1)</script>"),
  });
  await form.getByRole("button", { name: "上传" }).click();
  await expect(form.getByText("只支持照片（JPEG、PNG、WebP）或文档")).toBeVisible();

  page.once("dialog", (dialog) => void dialog.accept());
  await list.getByRole("button", { name: "删除" }).click();
  await expect(page.getByText("还没有佐证材料")).toBeVisible();
  const left = await queryE2eDatabase<{ count: number }>(
    `SELECT count(*)::int AS "count" FROM "ProjectEvidence" WHERE "projectId" = $1`,
    [project.id],
  );
  expect(left).toEqual([{ count: 0 }]);
});
