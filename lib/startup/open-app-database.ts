import { openDatabase, type DatabaseConfig, type OpenedDatabase } from "../db/open";
import { seedDemoData } from "../../prisma/seed-data";
import { seedDemoWorkspace } from "../demo/seed";
import { ensureFirstAdmin } from "../users/first-admin";
import { backfillLeads, backfillResponseDeadlines } from "../leads/backfill";
import { foldReportTallies } from "../reports/tallies/tallies";
import { logEvent } from "../log";

export type AppDatabaseConfig = DatabaseConfig & {
  /** Demo parks and listings into a database that has no parks yet. */
  seedDemo: boolean;
  /**
   * The demo workspace (lib/demo/seed): demo staff and about 200 leads, once, into a workspace with a first admin
   * that never had a lead. Only on the embedded demo, or on PostgreSQL with PARKLEAD_SEED_DEMO=1.
   */
  seedDemoLeads?: boolean;
  /** Who becomes the first admin of an empty workspace (see lib/users/first-admin.ts); absent: nobody. */
  firstAdmin?: { email?: string; password?: string; generate: boolean };
};

/**
 * The app's database, ready for the first request: opened and migrated (lib/db), then the product's
 * start-up steps — demo data and the first admin when asked, the lead backfills, and the folding of
 * report tallies. They live here, above the domains, so lib/db imports nothing of the product.
 */
export async function openAppDatabase(config: AppDatabaseConfig): Promise<OpenedDatabase> {
  const started = Date.now();
  const opened = await openDatabase(config);
  try {
    if (config.seedDemo) await seedDemoData(opened.db);
    if (config.firstAdmin) await ensureFirstAdmin(opened.db, config.firstAdmin);
    // After the first admin: the demo staff would otherwise count as the workspace's first users.
    if (config.seedDemoLeads) await seedDemoWorkspace(opened.db);
    await backfillLeads(opened.db);
    await backfillResponseDeadlines(opened.db);
    // Whatever the triggers appended since the reports last read them, so the deltas never pile up.
    await foldReportTallies(opened.db);
  } catch (error) {
    await opened.close();
    throw error;
  }
  logEvent("database.ready", { kind: config.kind, ms: Date.now() - started });
  return opened;
}
