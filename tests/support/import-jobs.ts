import type { Database } from "@/lib/db/client";
import { DEFAULT_RUNNER_OPTIONS, runImportPass, type RunnerOptions } from "@/lib/leads/import/runner";

/** Runs the import runner's passes until no job has a step left: what the background runner does, in the test. */
export async function drainImports(db: Database, options: Partial<RunnerOptions> = {}): Promise<void> {
  const passes = { ...DEFAULT_RUNNER_OPTIONS, ...options };
  for (let guard = 0; guard < 10_000 && (await runImportPass(db, passes)); guard++);
}
