import ExcelJS from "exceljs";
import { expect, test } from "@playwright/test";
import { queryE2eDatabase, uniquePhone } from "../support/database";
import { signIn } from "../support/workspace";

/*
 * An admin brings in a park's 台账: uploads a workbook, corrects a column, reads the preview (a row
 * with a bad phone, a row whose phone the workspace already has), merges the duplicate, runs the
 * import, downloads the rows that were not imported, finds an imported lead in the inbox, and undoes
 * the import again.
 */

const admin = { email: process.env.E2E_ADMIN_EMAIL!, password: process.env.E2E_ADMIN_PASSWORD! };

// The runner works in the background: the page follows it by itself.
test.describe.configure({ timeout: 180_000 });

test("[ADMIN] imports a workbook of leads, merges a duplicate, downloads the bad rows and undoes it", async ({
  page,
  request,
}) => {
  const tag = String(Date.now()).slice(-6);
  // A lead the workspace already has, which the file names again with the same phone.
  const knownPhone = uniquePhone();
  const known = await request.post("/api/inquiries", {
    data: {
      need: { deal: "rent", kind: "factory", area: 3000, areaUnit: "sqm" },
      use: "汽车零部件",
      expectedAnnualTax: 200,
      company: `嘉兴已有${tag}汽配有限公司`,
      contactName: "孙经理",
      phone: knownPhone,
      consent: true,
    },
  });
  expect(known.status()).toBe(201);
  const [knownLead] = await queryE2eDatabase<{ id: string }>(`SELECT "id" FROM "Lead" WHERE "phone" = $1`, [
    knownPhone,
  ]);

  const fresh = [1, 2, 3].map((n) => ({ company: `海宁导入${tag}第${n}新材料有限公司`, phone: uniquePhone() }));
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("线索");
  sheet.addRow([`${tag} 招商线索台账`]);
  sheet.addRow(["企业名称", "联系人", "手机号", "需求面积（㎡）", "项目意向"]);
  for (const [index, row] of fresh.entries())
    sheet.addRow([row.company, `陈${index + 1}`, row.phone, 2000, "新材料研发"]);
  sheet.addRow([`嘉兴已有${tag}汽配有限公司`, "孙经理", knownPhone, 3500, "汽配扩产"]);
  sheet.addRow([`桐乡坏号${tag}电子有限公司`, "王女士", "1380013", 800, "电子装配"]);
  const file = Buffer.from(await workbook.xlsx.writeBuffer());

  await signIn(page, admin.email, admin.password);
  await page.goto("/crm/leads");
  await page.getByRole("link", { name: "导入", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("导入线索");

  // The upload: an old .xls is refused before it is sent; the right file's name and size are shown.
  const upload = page.getByTestId("import-upload");
  await upload.getByLabel("选择文件").setInputFiles({
    name: `台账${tag}.xls`,
    mimeType: "application/vnd.ms-excel",
    buffer: Buffer.from("not a workbook"),
  });
  await expect(upload.getByRole("alert")).toHaveText("只能上传 .xlsx 或 .csv 文件");
  await expect(upload.getByRole("button", { name: "上传并识别表头" })).toBeDisabled();
  await upload.getByLabel("选择文件").setInputFiles({
    name: `台账${tag}.xlsx`,
    mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    buffer: file,
  });
  await expect(upload.getByText(`台账${tag}.xlsx，`)).toBeVisible();
  await upload.getByRole("button", { name: "上传并识别表头" }).click();
  await expect(page).toHaveURL(/\/crm\/leads\/import\/[^/]+$/);
  const jobId = new URL(page.url()).pathname.split("/").pop()!;

  // The mapping: the title row is not the header, the known headers are recognised, 项目意向 is not.
  const mapping = page.getByTestId("import-mapping");
  await expect(page.getByText("第 2 行是表头")).toBeVisible();
  await expect(mapping.getByLabel("“企业名称”读作")).toHaveValue("company");
  await expect(mapping.getByLabel("“手机号”读作")).toHaveValue("phone");
  await expect(mapping.getByLabel("“项目意向”读作")).toHaveValue("");
  await expect(mapping.getByText(fresh[0].company)).toBeVisible();
  await mapping.getByLabel("“项目意向”读作").selectOption({ label: "用途" });
  await mapping.getByRole("button", { name: "确认并分析" }).click();

  // The preview: 3 new, the duplicate to merge, the bad phone with the form's own message.
  await expect(page.getByRole("heading", { name: "预览" })).toBeVisible({ timeout: 60_000 });
  const counts = page.getByTestId("import-counts");
  await expect(counts.getByRole("link", { name: "新建 3" })).toBeVisible();
  await expect(counts.getByRole("link", { name: "合并 1" })).toBeVisible();
  await expect(counts.getByRole("link", { name: "有错误 1" })).toBeVisible();
  const table = page.getByRole("table", { name: "预览的行" });
  const badRow = table.getByRole("row").filter({ hasText: `桐乡坏号${tag}` });
  await expect(badRow).toContainText("手机号：请输入 11 位中国大陆手机号");
  await expect(badRow).toContainText("跳过");
  const duplicateRow = table.getByRole("row").filter({ hasText: knownPhone });
  await expect(duplicateRow.getByRole("link", { name: `嘉兴已有${tag}汽配有限公司` })).toHaveAttribute(
    "href",
    `/crm/leads/${knownLead.id}`,
  );
  await expect(duplicateRow).toContainText("手机号相同");
  // The admin first chooses to skip the duplicate, then merges it after all.
  await duplicateRow.getByRole("combobox").selectOption({ label: "跳过" });
  await expect(counts.getByRole("link", { name: "跳过 2" })).toBeVisible();
  await page.getByRole("button", { name: "重复的全部合并" }).click();
  await expect(counts.getByRole("link", { name: "合并 1" })).toBeVisible();
  await expect(duplicateRow.getByRole("combobox")).toHaveValue("MERGE");

  await page.getByRole("button", { name: "开始导入" }).click();
  const outcome = page.getByTestId("import-outcome");
  await expect(outcome.getByRole("heading", { name: "导入完成" })).toBeVisible({ timeout: 90_000 });
  await expect(outcome).toContainText("新建 3 条，合并 1 条，跳过 1 条，失败 0 条。");

  // The error file: the original row of the bad phone, with the reason.
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    outcome.getByRole("link", { name: "下载错误行（含原因）" }).click(),
  ]);
  const errors = new ExcelJS.Workbook();
  await errors.xlsx.load((await readAll(await download.createReadStream())) as never);
  const lines: string[][] = [];
  errors.worksheets[0].eachRow((row) =>
    lines.push((row.values as unknown[]).slice(1).map((cell) => String(cell ?? ""))),
  );
  const dataLines = lines.filter((line) => line.some((cell) => cell.includes(`坏号${tag}`)));
  expect(dataLines).toHaveLength(1);
  expect(dataLines[0].join(" ")).toContain("1380013");
  expect(dataLines[0].join(" ")).toContain("11 位");

  // The imported leads, in the inbox filtered by their source.
  await outcome.getByRole("link", { name: "查看导入的线索" }).click();
  await expect(page).toHaveURL(/\/crm\/leads\?source=import/);
  await expect(page.getByRole("link", { name: fresh[0].company })).toBeVisible();

  // Undo: the leads it created leave the inbox.
  await page.goto(`/crm/leads/import/${jobId}`);
  await expect(page.getByText(/前可以撤销/)).toBeVisible();
  await page.getByRole("button", { name: "撤销导入" }).click();
  const dialog = page.getByRole("dialog", { name: "撤销这次导入？" });
  await expect(dialog).toContainText("新建的 3 条线索会被归档");
  await dialog.getByRole("button", { name: "撤销导入" }).click();
  await expect(page.getByTestId("import-status")).toContainText("已撤销");
  await page.goto("/crm/leads?source=import");
  for (const row of fresh) await expect(page.getByRole("link", { name: row.company })).toHaveCount(0);
  const archived = await queryE2eDatabase<{ archived: number }>(
    `SELECT count(*)::int AS "archived" FROM "Lead" WHERE "phone" = ANY($1) AND "archivedAt" IS NOT NULL`,
    [fresh.map((row) => row.phone)],
  );
  expect(archived[0].archived).toBe(3);
});

async function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks);
}
