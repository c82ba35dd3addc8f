import { randomBytes } from "node:crypto";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { queryE2eDatabase, uniquePhone } from "../support/database";
import { followWorkspaceLink, makeWorkspaceUser, signIn } from "../support/workspace";

/** A lead from an inquiry through the public intake, then handed to `ownerId` (whoever the assignment rule chose). */
async function leadFromInquiry(request: APIRequestContext, ownerId: string) {
  const phone = uniquePhone();
  const company = `嘉兴看板${phone.slice(-6)}智能装备有限公司`;
  const created = await request.post("/api/inquiries", {
    data: {
      need: { deal: "rent", kind: "factory", area: 5000, areaUnit: "sqm" },
      use: "智能装备总装",
      expectedAnnualTax: 260,
      company,
      contactName: "沈经理",
      phone,
      consent: true,
    },
  });
  expect(created.status()).toBe(201);
  const [lead] = await queryE2eDatabase<{ id: string }>(
    `UPDATE "Lead" SET "ownerId" = $2 WHERE "phone" = $1 RETURNING "id"`,
    [phone, ownerId],
  );
  return { id: lead.id, company };
}

const stageOf = async (leadId: string) =>
  (await queryE2eDatabase<{ stageKey: string }>(`SELECT "stageKey" FROM "Lead" WHERE "id" = $1`, [leadId]))[0].stageKey;

test("[STAFF] moves a lead to 实地考察 with the keyboard", async ({ page, request }) => {
  const staff = await makeWorkspaceUser("STAFF", "看板专员");
  const lead = await leadFromInquiry(request, staff.id);

  await signIn(page, staff.email, staff.password);
  await followWorkspaceLink(page, "看板");
  await expect(page).toHaveURL(/\/crm\/pipeline$/);
  const card = page.locator(`section[data-stage="new"] [data-lead-id="${lead.id}"]`);
  await expect(card).toBeVisible();

  const live = page.locator('[id^="DndLiveRegion-"]');
  const handle = page.getByRole("button", { name: `拖动：${lead.company}` });
  await handle.focus();
  await page.keyboard.press("Space");
  await expect(live).toHaveText(`已拿起 ${lead.company}，当前阶段「新线索」。`);
  await page.keyboard.press("ArrowRight");
  await expect(live).toHaveText(`${lead.company} 在「已联系」上方。`);
  await page.keyboard.press("ArrowRight");
  await expect(live).toHaveText(`${lead.company} 在「实地考察」上方。`);
  await page.keyboard.press("Space");

  await expect(page.getByRole("status").filter({ hasText: `已把 ${lead.company} 移到「实地考察」` })).toBeVisible();
  await expect(page.locator(`section[data-stage="site_visit"] [data-lead-id="${lead.id}"]`)).toBeVisible();
  await expect.poll(() => stageOf(lead.id)).toBe("site_visit");
  const changes = await queryE2eDatabase(
    `SELECT "fromKey", "toKey", "actorId" FROM "StageChange" WHERE "leadId" = $1 AND "toKey" = 'site_visit'`,
    [lead.id],
  );
  expect(changes).toEqual([{ fromKey: "new", toKey: "site_visit", actorId: staff.id }]);
  // Focus stays on the card in its new column, so the next move can follow from the keyboard.
  await expect(handle).toBeFocused();

  // A colleague moves the lead on meanwhile; the officer's next move (from the "move to…" menu) is refused and put back.
  await queryE2eDatabase(`UPDATE "Lead" SET "stageKey" = 'negotiation', "version" = "version" + 1 WHERE "id" = $1`, [
    lead.id,
  ]);
  await page.getByLabel(`把 ${lead.company} 移动到其他阶段`).selectOption({ label: "项目预审" });
  await expect(
    page
      .getByRole("status")
      .filter({ hasText: `${lead.company} 未能移到「项目预审」，已放回：该线索的阶段已被他人改变，请刷新后再试` }),
  ).toBeVisible();
  await expect(page.locator(`section[data-stage="negotiation"] [data-lead-id="${lead.id}"]`)).toBeVisible();
  expect(await stageOf(lead.id)).toBe("negotiation");
  expect(
    await queryE2eDatabase(`SELECT 1 FROM "StageChange" WHERE "leadId" = $1 AND "toKey" = 'screening'`, [lead.id]),
  ).toHaveLength(0);
});

test.describe("with a mouse on a wide screen", () => {
  test.use({ viewport: { width: 1800, height: 1000 }, isMobile: false, hasTouch: false, deviceScaleFactor: 1 });

  test("[STAFF] drags a lead to 流失, which asks the lost reason and which park; cancelling puts it back", async ({
    page,
    request,
  }) => {
    const staff = await makeWorkspaceUser("STAFF", "看板专员");
    const lead = await leadFromInquiry(request, staff.id);
    await signIn(page, staff.email, staff.password);
    await page.goto("/crm/pipeline?owner=mine");

    const handle = page.getByRole("button", { name: `拖动：${lead.company}` });
    const dragToLost = async () => {
      const from = (await handle.boundingBox())!;
      const to = (await page.locator('section[data-stage="lost"]').boundingBox())!;
      await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
      await page.mouse.down();
      await page.mouse.move(to.x + to.width / 2, to.y + 60, { steps: 20 });
      await page.mouse.up();
    };

    await dragToLost();
    const dialog = page.getByRole("dialog", { name: `把 ${lead.company} 标为「流失」` });
    await expect(dialog).toBeVisible();
    await dialog.getByRole("button", { name: "取消" }).click();
    await expect(dialog).toBeHidden();
    await expect(page.locator(`section[data-stage="new"] [data-lead-id="${lead.id}"]`)).toBeVisible();
    expect(await stageOf(lead.id)).toBe("new");

    await dragToLost();
    await expect(dialog).toBeVisible();
    await dialog.getByRole("button", { name: "确认移动" }).click();
    await expect(dialog.getByText("请选择流失原因")).toBeVisible();
    await dialog.getByRole("radio", { name: "选择其他园区" }).check();
    await dialog.getByRole("button", { name: "确认移动" }).click();
    await expect(dialog.getByText("请填写客户选择的园区")).toBeVisible();
    await dialog.getByLabel("客户选择了哪个园区").fill("嘉善经济技术开发区");
    await dialog.getByRole("button", { name: "确认移动" }).click();
    await expect(dialog).toBeHidden();
    await expect(page.locator(`section[data-stage="lost"] [data-lead-id="${lead.id}"]`)).toBeVisible();

    await expect.poll(() => stageOf(lead.id)).toBe("lost");
    const [stored] = await queryE2eDatabase(`SELECT "lostReasonKey", "lostToPark" FROM "Lead" WHERE "id" = $1`, [
      lead.id,
    ]);
    expect(stored).toEqual({ lostReasonKey: "other_park", lostToPark: "嘉善经济技术开发区" });
    const changes = await queryE2eDatabase(
      `SELECT "fromKey", "toKey", "lostReasonKey" FROM "StageChange" WHERE "leadId" = $1 AND "toKey" = 'lost'`,
      [lead.id],
    );
    expect(changes).toEqual([{ fromKey: "new", toKey: "lost", lostReasonKey: "other_park" }]);
  });
});

test("[ADMIN] adds a lost reason and a stage, then removes the empty stage; staff are refused the page", async ({
  page,
  browser,
}) => {
  const admin = { email: process.env.E2E_ADMIN_EMAIL!, password: process.env.E2E_ADMIN_PASSWORD! };
  const tag = randomBytes(3).toString("hex");
  await signIn(page, admin.email, admin.password);
  await page.goto("/crm/settings/pipeline");
  await expect(page.getByRole("heading", { level: 2, name: "阶段" })).toBeVisible();

  const reasonForm = page.locator("form", { has: page.getByRole("heading", { name: "添加流失原因" }) });
  await reasonForm.getByLabel("标识").fill(`quota_${tag}`);
  await reasonForm.getByLabel("中文名称").fill(`用地指标${tag}`);
  await reasonForm.getByLabel("英文名称").fill("No land quota");
  await reasonForm.getByRole("button", { name: "添加流失原因" }).click();
  await expect(reasonForm.getByText("已添加")).toBeVisible();
  await expect(page.locator(`li[data-reason="quota_${tag}"]`)).toBeVisible();
  expect(await queryE2eDatabase(`SELECT "active" FROM "LostReason" WHERE "key" = $1`, [`quota_${tag}`])).toEqual([
    { active: true },
  ]);

  const stageForm = page.locator("form", { has: page.getByRole("heading", { name: "添加阶段" }) });
  await stageForm.getByLabel("标识").fill("new");
  await stageForm.getByLabel("中文名称").fill("重复");
  await stageForm.getByLabel("英文名称").fill("Duplicate");
  await stageForm.getByRole("button", { name: "添加阶段" }).click();
  await expect(stageForm.getByText("该标识已存在")).toBeVisible();
  await stageForm.getByLabel("标识").fill(`registered_${tag}`);
  await stageForm.getByLabel("中文名称").fill("已注册");
  await stageForm.getByRole("button", { name: "添加阶段" }).click();
  const row = page.locator(`li[data-stage="registered_${tag}"]`);
  await expect(row).toBeVisible();
  await row.getByRole("button", { name: "删除 已注册" }).click();
  await expect(row).toHaveCount(0);
  expect(
    await queryE2eDatabase(`SELECT "action" FROM "AuditEntry" WHERE "entityId" = $1 ORDER BY "createdAt"`, [
      `registered_${tag}`,
    ]),
  ).toEqual([{ action: "stage.create" }, { action: "stage.delete" }]);

  const staff = await makeWorkspaceUser("STAFF", "看板专员");
  const staffContext = await browser.newContext();
  const staffPage = await staffContext.newPage();
  await signIn(staffPage, staff.email, staff.password);
  expect((await staffPage.goto("/crm/settings/pipeline"))?.status()).toBe(404);
  await staffContext.close();
});
