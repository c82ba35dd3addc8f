import { expect, test } from "@playwright/test";
import { queryE2eDatabase, uniquePhone } from "../support/database";
import { makeWorkspaceUser, signIn } from "../support/workspace";

/** ASCII digits as a Chinese keyboard types them in full width: 12 → １２. */
const fullWidth = (digits: string) => digits.replace(/\d/g, (digit) => String.fromCharCode(0xff10 + Number(digit)));

test("[MANAGER] reassigns a lead and merges duplicates", async ({ page, request }) => {
  const manager = await makeWorkspaceUser("MANAGER", "合并经理");
  const staff = await makeWorkspaceUser("STAFF", "合并专员");
  const tag = String(Date.now()).slice(-6);
  const company = `平湖${tag}精密机械有限责任公司`;
  const sameCompany = ` 平湖 ${fullWidth(tag)} 精密机械 有限公司`;
  const [phone, otherPhone] = [uniquePhone(), uniquePhone()];

  // The same company asks twice, from two phones, written two ways: once on the public site…
  await page.goto("/inquire");
  const form = page.getByTestId("inquiry-form");
  await form.getByRole("radio", { name: "购买" }).check();
  await form.getByRole("radio", { name: "厂房" }).check();
  await form.getByLabel("需求面积").fill("3000");
  await form.getByLabel("用途").fill("精密机械加工与装配");
  await form.getByLabel("预计年税收（万元）").fill("320");
  await form.getByLabel("公司名称").fill(company);
  await form.getByLabel("联系人").fill("钱经理");
  await form.getByLabel("手机号").fill(phone);
  await form.getByRole("checkbox").check();
  await form.getByRole("button", { name: "提交需求" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("需求已收到");

  // …and once through the API, with a WeChat ID the first lead lacks.
  const created = await request.post("/api/inquiries", {
    data: {
      need: { deal: "buy", kind: "factory", area: 3200, areaUnit: "sqm" },
      use: "精密机械加工",
      expectedAnnualTax: 300,
      company: sameCompany,
      contactName: "钱总",
      phone: otherPhone,
      wechat: `qian_${tag}`,
      consent: true,
    },
  });
  expect(created.status()).toBe(201);

  const leads = await queryE2eDatabase<{ id: string; phone: string; companyKey: string }>(
    `SELECT "id", "phone", "companyKey" FROM "Lead" WHERE "phone" = ANY($1)`,
    [[phone, otherPhone]],
  );
  const survivor = leads.find((lead) => lead.phone === phone)!;
  const duplicate = leads.find((lead) => lead.phone === otherPhone)!;
  expect(survivor.id).not.toBe(duplicate.id);
  expect(duplicate.companyKey).toBe(survivor.companyKey);

  // The manager finds the pair among the possible duplicates and opens the first lead.
  await page.context().clearCookies();
  await signIn(page, manager.email, manager.password);
  await page.goto("/crm/leads/duplicates");
  const group = page.locator(`tr[data-company-key="${survivor.companyKey}"]`);
  await expect(group.getByRole("link")).toHaveCount(2);
  await group.getByRole("link", { name: company }).click();
  await expect(page).toHaveURL(`/crm/leads/${survivor.id}`);

  // Reassigns it to an officer.
  await page.getByLabel("分配给").selectOption({ label: staff.name });
  await expect(page.getByText(`已分配给 ${staff.name}`)).toBeVisible();
  expect(await queryE2eDatabase(`SELECT "ownerId" FROM "Lead" WHERE "id" = $1`, [survivor.id])).toEqual([
    { ownerId: staff.id },
  ]);

  // Sees the duplicate and why, reads what the merge will do, and merges it into this lead.
  const panel = page.getByTestId("duplicates-panel");
  const item = panel.locator(`[data-lead-id="${duplicate.id}"]`);
  await expect(item).toContainText(sameCompany.trim());
  await expect(item).toContainText("同一公司");
  await item.getByRole("button", { name: "合并到本线索" }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog).toContainText("将移到本线索：1 条咨询");
  await expect(dialog).toContainText("微信");
  await expect(dialog).toContainText("被合并的线索会归档");
  await dialog.getByRole("button", { name: "确认合并" }).click();
  await expect(panel.getByTestId("merge-status")).toContainText("已合并");
  await expect(panel.locator("[data-testid=duplicate]")).toHaveCount(0);

  // Every inquiry now belongs to the survivor; the merged lead is an archived tombstone pointing at it.
  const inquiries = await queryE2eDatabase<{ leadId: string }>(
    `SELECT "leadId" FROM "Inquiry" WHERE "phone" = ANY($1)`,
    [[phone, otherPhone]],
  );
  expect(inquiries).toEqual([{ leadId: survivor.id }, { leadId: survivor.id }]);
  const [tombstone] = await queryE2eDatabase<{ mergedIntoId: string; archived: boolean; phone: string }>(
    `SELECT "mergedIntoId", "archivedAt" IS NOT NULL AS "archived", "phone" FROM "Lead" WHERE "id" = $1`,
    [duplicate.id],
  );
  expect(tombstone).toEqual({ mergedIntoId: survivor.id, archived: true, phone: otherPhone });
  const [kept] = await queryE2eDatabase<{ ownerId: string; wechat: string; phone: string }>(
    `SELECT "ownerId", "wechat", "phone" FROM "Lead" WHERE "id" = $1`,
    [survivor.id],
  );
  expect(kept).toEqual({ ownerId: staff.id, wechat: `qian_${tag}`, phone });
  const audit = await queryE2eDatabase(
    `SELECT 1 FROM "AuditEntry" WHERE "action" = 'lead.merge' AND "entityId" = $1 AND "actorId" = $2`,
    [survivor.id, manager.id],
  );
  expect(audit).toHaveLength(1);
});
