import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "@/lib/auth/session";
import type { OpenedDatabase } from "@/lib/db/open";
import { analyseChunk, openAnalysis } from "@/lib/leads/import/analyse";
import { LeaseLost } from "@/lib/leads/import/lease";
import { confirmImportMapping, startImport, uploadImport } from "@/lib/leads/import/mutations";
import { importJob } from "@/lib/leads/import/queries";
import { claimImportJob, DEFAULT_RUNNER_OPTIONS, runImportPass } from "@/lib/leads/import/runner";
import { describeOnPostgres, openTestPglite, openTestPostgres } from "../support/databases";
import { drainImports } from "../support/import-jobs";

/*
 * The runner's promises: a big file works in the background chunk by chunk with its progress
 * visible, two runners never write a row twice, a dead runner's job is carried on by another once
 * its lease passes (and the dead one, coming back, writes nothing), a step that keeps failing
 * fails the job.
 */

let counter = 0;
const run = `${process.pid % 1000}`.padStart(3, "0");

function bigCsv(rows: number, prefix: string): File {
  const lines = ["公司名称,联系人,手机号,阶段"];
  // Each file its own block of numbers: 15 + block (1) + run (3) + row (5).
  const block = ++counter;
  for (let index = 0; index < rows; index++) {
    lines.push(`${prefix}${index}号有限公司,联系人${index},15${block}${run}${String(index).padStart(5, "0")},新线索`);
  }
  return new File([new TextEncoder().encode(lines.join("\n"))], `${prefix}.csv`);
}

function runnerSuite(open: () => Promise<{ opened: OpenedDatabase; cleanup: () => Promise<void> }>) {
  let opened: OpenedDatabase;
  let cleanup: () => Promise<void>;
  const db = () => opened.db;
  let admin: Viewer;

  beforeAll(async () => {
    ({ opened, cleanup } = await open());
    const user = await db().user.create({
      data: { email: `runner-${process.pid}@park.test`, name: "导入管理员", role: "ADMIN", passwordHash: "unused" },
    });
    admin = { id: user.id, email: user.email, name: user.name, role: "ADMIN" };
  }, 120_000);
  afterAll(async () => cleanup?.());

  async function uploaded(rows: number, prefix: string) {
    const result = await uploadImport(db(), admin, { file: bigCsv(rows, prefix) });
    if (!result.ok) throw new Error(JSON.stringify(result));
    const mapping = (await importJob(db(), admin, result.jobId))!.mapping;
    expect(await confirmImportMapping(db(), admin, { jobId: result.jobId, mapping })).toMatchObject({ ok: true });
    return result.jobId;
  }

  it("runs a 20,000-row file in the background, its progress rising chunk by chunk, to the end", async () => {
    const jobId = await uploaded(20_000, "两万行");
    const progress: [string, number][] = [];
    const oneChunk = { ...DEFAULT_RUNNER_OPTIONS, maxChunks: 1 };
    while (await runImportPass(db(), oneChunk)) {
      const job = await importJob(db(), admin, jobId);
      progress.push([job!.status, job!.processedRows]);
    }
    expect(progress).toHaveLength(20);
    expect(progress.slice(0, 3)).toEqual([
      ["ANALYSING", 1_000],
      ["ANALYSING", 2_000],
      ["ANALYSING", 3_000],
    ]);
    expect(progress.at(-1)).toEqual(["PREVIEW", 20_000]);

    expect(await startImport(db(), admin, { jobId })).toMatchObject({ ok: true });
    const writing: number[] = [];
    while (await runImportPass(db(), oneChunk)) writing.push((await importJob(db(), admin, jobId))!.processedRows);
    // 40 chunks of 500, then the pass that finds nothing left and closes the job.
    expect(writing.slice(0, 3)).toEqual([500, 1_000, 1_500]);
    expect(writing).toHaveLength(41);
    expect(await importJob(db(), admin, jobId)).toMatchObject({
      status: "DONE",
      processedRows: 20_000,
      created: 20_000,
      skipped: 0,
      failed: 0,
    });
    expect(await db().lead.count({ where: { source: "import", company: { startsWith: "两万行" } } })).toBe(20_000);
  }, 600_000);

  it("two runners racing on one job write each row once", async () => {
    const jobId = await uploaded(2_500, "赛跑");
    const options = { ...DEFAULT_RUNNER_OPTIONS, analyseRows: 300, applyRows: 200 };
    const race = async () => {
      for (let guard = 0; guard < 1_000; guard++) {
        const claimed = await Promise.all([runImportPass(db(), options), runImportPass(db(), options)]);
        if (!claimed.some(Boolean)) return;
      }
    };
    await race();
    expect(await db().importRow.count({ where: { jobId } })).toBe(2_500);
    await startImport(db(), admin, { jobId });
    await race();
    expect(await importJob(db(), admin, jobId)).toMatchObject({ status: "DONE", created: 2_500, processedRows: 2_500 });
    expect(await db().lead.count({ where: { company: { startsWith: "赛跑" } } })).toBe(2_500);
    expect(await db().stageChange.count({ where: { lead: { company: { startsWith: "赛跑" } } } })).toBe(2_500);
  }, 300_000);

  it("carries on a dead runner's job once its lease has passed, and the dead runner writes nothing after", async () => {
    const jobId = await uploaded(2_500, "接力");
    const now = Date.now();
    const leaseMs = 60_000;
    // The first runner claims the job, analyses one chunk, and dies holding its lease.
    const dead = await claimImportJob(db(), { leaseMs, clock: () => new Date(now) });
    expect(dead?.claim.jobId).toBe(jobId);
    const analysis = await openAnalysis(db(), jobId);
    await analyseChunk(db(), dead!.claim, analysis);
    expect((await importJob(db(), admin, jobId))!.processedRows).toBe(1_000);

    // While the lease holds nobody else takes the job; after it, another runner finishes it.
    expect(await runImportPass(db(), { ...DEFAULT_RUNNER_OPTIONS, clock: () => new Date(now + 1_000) })).toBe(false);
    const later = { ...DEFAULT_RUNNER_OPTIONS, clock: () => new Date(now + leaseMs + 1_000) };
    expect(await runImportPass(db(), later)).toBe(true);
    expect(await importJob(db(), admin, jobId)).toMatchObject({ status: "PREVIEW", processedRows: 2_500 });
    expect(await db().importRow.count({ where: { jobId } })).toBe(2_500);

    // The dead runner comes back: its lease is gone, so its next chunk is refused whole.
    await expect(analyseChunk(db(), dead!.claim, analysis)).rejects.toBeInstanceOf(LeaseLost);
    expect(await importJob(db(), admin, jobId)).toMatchObject({ status: "PREVIEW", processedRows: 2_500 });
  }, 300_000);

  it("fails a job whose step keeps failing, after a few tries, with the kind of error and no values", async () => {
    const jobId = await uploaded(3, "坏文件");
    await db().importJob.update({ where: { id: jobId }, data: { file: null } });
    await drainImports(db());
    expect(await db().importJob.findUniqueOrThrow({ where: { id: jobId } })).toMatchObject({
      status: "FAILED",
      attempts: DEFAULT_RUNNER_OPTIONS.maxAttempts,
      error: "importStepFailed:ImportFileGone",
    });
  });
}

describe("import runner on PGlite", () => runnerSuite(() => openTestPglite()));
describeOnPostgres("import runner on PostgreSQL", () => runnerSuite(() => openTestPostgres()));
