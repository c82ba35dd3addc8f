// A process that opens the embedded database in PARKLEAD_DATA_DIR and, with "write", stores one
// row after another, printing each once it is committed (until it is killed); with "count", prints
// the rows stored by earlier writers. For the kill -9 case of tests/integration/failed-start.test.ts.
import { openAppDatabase } from "../../lib/startup/open-app-database";

// CommonJS (no top-level await) like the app's own modules under tsx, so their dynamic imports resolve.
async function main(mode: string | undefined) {
  const opened = await openAppDatabase({ kind: "pglite", dataDir: process.env.PARKLEAD_DATA_DIR!, seedDemo: false });
  if (mode === "write") {
    for (let n = 0; ; n++) {
      const key = `kill9-${process.pid}-${n}`;
      await opened.db.setting.create({ data: { key, value: n } });
      console.log(JSON.stringify({ event: "writer.acked", key }));
    }
  }
  const rows = await opened.db.setting.findMany({ where: { key: { startsWith: "kill9-" } }, select: { key: true } });
  console.log(JSON.stringify({ event: "writer.stored", keys: rows.map((row) => row.key) }));
  await opened.close();
}

void main(process.argv[2]);
