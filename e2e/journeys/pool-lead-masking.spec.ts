import { expect, test } from "@playwright/test";
import { queryE2eDatabase, uniquePhone } from "../support/database";
import { makeWorkspaceUser, signIn } from "../support/workspace";

/*
 * A pool lead whose WeChat ID and email are its phone, and whose message repeats it: the page an
 * officer loads (HTML and the data React is sent with it) holds none of it until they claim the lead.
 */
test("[STAFF] sees a pool lead's phone, WeChat ID, email and message masked, saves an edit without writing the masks back, and sees all after claiming", async ({
  page,
}) => {
  const staff = await makeWorkspaceUser("STAFF", "公共池专员");
  const phone = uniquePhone();
  const company = `公共池遮蔽测试${phone.slice(-6)}精工有限公司`;
  const answer = await page.request.post("/api/inquiries", {
    headers: { "Content-Type": "application/json" },
    data: {
      need: { deal: "buy", kind: "factory", area: 1800, areaUnit: "sqm", timeline: "6m" },
      use: "精密零件加工",
      expectedAnnualTax: 200,
      company,
      contactName: "钱先生",
      phone,
      consent: true,
      wechat: phone,
      email: `${phone}@139.com`,
      message: `请打 ${phone.slice(0, 3)}-${phone.slice(3, 7)}-${phone.slice(7)} 找我`,
    },
  });
  expect(answer.status()).toBe(201);
  const [lead] = await queryE2eDatabase<{ id: string }>(`SELECT "id" FROM "Lead" WHERE "phone" = $1`, [phone]);
  // Whoever the rule gave it to, it goes back to the pool.
  await queryE2eDatabase(`UPDATE "Lead" SET "ownerId" = NULL WHERE "id" = $1`, [lead.id]);

  await signIn(page, staff.email, staff.password);
  await page.goto(`/crm/leads/${lead.id}`);
  const maskedPhone = `${phone.slice(0, 3)}****${phone.slice(-4)}`;
  const maskedHandle = `${phone.slice(0, 2)}****${phone.slice(-2)}`;
  await expect(page.getByTestId("lead-phone")).toHaveText(maskedPhone);
  await expect(page.getByTestId("lead-inquiry")).toContainText(`请打 ${maskedPhone} 找我`);
  const html = await page.content();
  for (const hidden of [phone, phone.slice(3), `-${phone.slice(3, 7)}-`]) expect(html).not.toContain(hidden);

  const form = page.getByTestId("lead-edit-form");
  await expect(form.getByLabel("微信号")).toHaveValue(maskedHandle);
  await expect(form.getByLabel("微信号")).toHaveAttribute("readonly", "");
  await expect(form.getByLabel("邮箱")).toHaveValue(`${maskedHandle}@139.com`);
  await form.getByLabel("行业").fill("通用设备制造");
  await form.getByRole("button", { name: "保存修改" }).click();
  await expect(page.getByTestId("lead-edit-status")).toHaveText("已保存");
  expect(await queryE2eDatabase(`SELECT "wechat", "email", "industry" FROM "Lead" WHERE "id" = $1`, [lead.id])).toEqual(
    [{ wechat: phone, email: `${phone}@139.com`, industry: "通用设备制造" }],
  );

  await page.getByRole("button", { name: "领取这条线索" }).click();
  await expect(page.getByTestId("lead-phone")).toHaveText(phone);
  await expect(form.getByLabel("微信号")).toHaveValue(phone);
  await expect(form.getByLabel("微信号")).not.toHaveAttribute("readonly", "");
  await expect(page.getByTestId("lead-inquiry")).toContainText(
    `请打 ${phone.slice(0, 3)}-${phone.slice(3, 7)}-${phone.slice(7)} 找我`,
  );
});
