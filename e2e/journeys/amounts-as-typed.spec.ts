import { expect, test } from "@playwright/test";
import { queryE2eDatabase, uniquePhone } from "../support/database";

test("[INVESTOR] types amounts as people write them (3.5亿, １２００, 300万), sees what was understood, and 5元 is refused with the form expected", async ({
  page,
}) => {
  await page.goto("/inquire");
  const form = page.getByTestId("inquiry-form");
  const tax = form.getByLabel("预计年税收（万元）");
  const understood = form.getByTestId("expectedAnnualTax-understood");

  // Said as the person types, before any submit, and only when the reading differs from the digits typed.
  await tax.fill("3.5亿");
  await expect(understood).toHaveText("按 35000 万元计");
  await tax.fill("300万");
  await expect(understood).toBeEmpty();
  await tax.fill("１２００");
  await expect(understood).toHaveText("按 1200 万元计");

  await form.getByRole("radio", { name: "购买" }).check();
  await form.getByRole("radio", { name: "厂房" }).check();
  await form.getByLabel("需求面积").fill("2,400");
  await form.getByLabel("用途").fill("智能制造：精密减速器生产");
  await form.getByLabel("公司名称").fill("嘉兴金额输入测试有限公司");
  await form.getByLabel("联系人").fill("周经理");
  const phone = uniquePhone();
  await form.getByLabel("手机号").fill(phone);
  await form.getByRole("checkbox").check();
  await form.getByText("补充信息（选填）").click();
  await form.getByLabel("计划投资额（万元）").fill("5元");
  await form.getByRole("button", { name: "提交需求" }).click();
  await expect(form.getByText("请填写以万元为单位的数字，如 300、300万、1,200 或 3.5亿")).toBeVisible();

  await form.getByLabel("计划投资额（万元）").fill("3.5千万");
  await expect(form.getByTestId("investment-understood")).toHaveText("按 3500 万元计");
  await form.getByRole("button", { name: "提交需求" }).click();
  await expect(page).toHaveURL(/\/inquire\/sent\/PL-/);

  const rows = await queryE2eDatabase<{ tax: string; investment: string; area: string }>(
    `SELECT "expectedAnnualTax"::text AS tax, "investment"::text AS investment, "needArea"::text AS area FROM "Inquiry" WHERE "phone" = $1`,
    [phone],
  );
  expect(rows).toEqual([{ tax: "1200.0000", investment: "3500.0000", area: "2400.00" }]);
});
