// `npm run db:seed`: demo parks and listings into the configured database (PostgreSQL with
// DATABASE_URL, else the embedded one) if it has no parks yet. Migrates first.
import { openAppDatabase } from "../lib/startup/open-app-database";
import { env } from "../lib/env";

async function main() {
  const config = env();
  const opened = await openAppDatabase(
    config.DATABASE_URL
      ? { kind: "postgres", url: config.DATABASE_URL, poolSize: 2, seedDemo: true }
      : { kind: "pglite", dataDir: config.PARKLEAD_DATA_DIR, seedDemo: true },
  );
  const [parks, listings] = await Promise.all([opened.db.park.count(), opened.db.listing.count()]);
  console.log(JSON.stringify({ event: "seed.done", parks, listings }));
  await opened.close();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
