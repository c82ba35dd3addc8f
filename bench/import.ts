import ExcelJS from "exceljs";
import { PassThrough } from "node:stream";
import type { Viewer } from "../lib/auth/session";
import { confirmImportMapping, startImport, uploadImport } from "../lib/leads/import/mutations";
import { importJob } from "../lib/leads/import/queries";
import { DEFAULT_RUNNER_OPTIONS, runImportPass } from "../lib/leads/import/runner";
import { openAppDatabase } from "../lib/startup/open-app-database";
import { benchPostgres, dropDatabase, freshDatabase } from "./support";

/*
 * The import of a 20,000-row .xlsx 台账 through the background job, on a fresh database: the
 * analysis (read, check, match) and the writing, each in rows per second, and the peak memory of
 * this process, which runs the job as an app instance's runner would.
 */
const ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 20_000);
const DATABASE = "parklead_bench_import";
const STAGES = ["新线索", "已联系", "实地考察", "洽谈"];

async function workbook(rows: number): Promise<Uint8Array<ArrayBuffer>> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on("data", (chunk: Buffer) => chunks.push(chunk));
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: false, useSharedStrings: false });
  const sheet = book.addWorksheet("线索");
  sheet
    .addRow(["公司名称", "联系人", "手机号", "阶段", "登记日期", "需求面积（亩）", "用途", "投资额（万元）", "备注"])
    .commit();
  for (let index = 0; index < rows; index++) {
    sheet
      .addRow([
        `平湖第${index}精密机械有限公司`,
        `联系人${index % 997}`,
        `158${String(index).padStart(8, "0")}`,
        STAGES[index % STAGES.length],
        `2025-${String((index % 12) + 1).padStart(2, "0")}-1${index % 10} 09:30`,
        20 + (index % 80),
        "精密零件加工",
        1_000 + (index % 50) * 100,
        index % 5 === 0 ? "展会登记" : "",
      ])
      .commit();
  }
  sheet.commit();
  await book.commit();
  return new Uint8Array(Buffer.concat(chunks));
}

export async function benchImport(): Promise<void> {
  const postgres = benchPostgres();
  try {
    const url = await freshDatabase(postgres.url, DATABASE);
    const opened = await openAppDatabase({ kind: "postgres", url, poolSize: 4, seedDemo: false });
    const db = opened.db;
    try {
      const user = await db.user.create({
        data: { email: "import@bench.test", name: "导入管理员", role: "ADMIN", passwordHash: "unused" },
      });
      const admin: Viewer = { id: user.id, email: user.email, name: user.name, role: "ADMIN" };
      const bytes = await workbook(ROWS);
      let peakRss = 0;
      let peakHeap = 0;
      const sample = () => {
        const memory = process.memoryUsage();
        peakRss = Math.max(peakRss, memory.rss);
        peakHeap = Math.max(peakHeap, memory.heapUsed);
      };
      const sampler = setInterval(sample, 50);
      const drain = async () => {
        const started = performance.now();
        while (await runImportPass(db, DEFAULT_RUNNER_OPTIONS)) sample();
        return (performance.now() - started) / 1000;
      };

      const uploadStarted = performance.now();
      const uploaded = await uploadImport(db, admin, {
        file: new File([bytes as Uint8Array<ArrayBuffer>], "台账.xlsx"),
      });
      if (!uploaded.ok) throw new Error(`upload refused: ${JSON.stringify(uploaded.fieldErrors)}`);
      const uploadSeconds = (performance.now() - uploadStarted) / 1000;
      const mapping = (await importJob(db, admin, uploaded.jobId))!.mapping;
      const confirmed = await confirmImportMapping(db, admin, { jobId: uploaded.jobId, mapping });
      if (!confirmed.ok) throw new Error(`mapping refused: ${JSON.stringify(confirmed)}`);
      const analyseSeconds = await drain();
      await startImport(db, admin, { jobId: uploaded.jobId });
      const writeSeconds = await drain();
      clearInterval(sampler);
      const job = (await importJob(db, admin, uploaded.jobId))!;
      if (job.status !== "DONE") throw new Error(`the import ended ${job.status}: ${job.error ?? ""}`);

      const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
      const rate = (seconds: number) => `${Math.round(ROWS / seconds).toLocaleString("en")} rows/s`;
      console.log(`\nImport: ${ROWS.toLocaleString("en")}-row .xlsx (${mb(bytes.length)}) through the background job`);
      console.table([
        { step: "upload (read, columns)", seconds: uploadSeconds.toFixed(1), rate: rate(uploadSeconds) },
        { step: "analysis (check, match)", seconds: analyseSeconds.toFixed(1), rate: rate(analyseSeconds) },
        { step: "writing (leads, history)", seconds: writeSeconds.toFixed(1), rate: rate(writeSeconds) },
        {
          step: "total",
          seconds: (uploadSeconds + analyseSeconds + writeSeconds).toFixed(1),
          rate: rate(uploadSeconds + analyseSeconds + writeSeconds),
        },
      ]);
      console.log(`rows: ${job.created} created, ${job.merged} merged, ${job.skipped} skipped, ${job.failed} failed`);
      console.log(`peak memory of the process running the job: RSS ${mb(peakRss)}, heap ${mb(peakHeap)}`);
    } finally {
      await opened.close();
      await dropDatabase(postgres.url, DATABASE);
    }
  } finally {
    postgres.stop();
  }
}
