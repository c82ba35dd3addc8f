// `npm run bench`: benchmarks that print their figures (never timed unit tests).
// BENCH_ONLY=inquiries (or leads, reports, import, inventory, delivery) runs one suite; BENCH_SECONDS and BENCH_CONNECTIONS tune the load.
import { benchDelivery } from "./delivery";
import { benchImport } from "./import";
import { benchInquiries } from "./inquiries";
import { benchInventory } from "./inventory";
import { benchLeads } from "./leads";
import { benchReports } from "./reports";

const suites: Record<string, () => Promise<void>> = {
  inquiries: benchInquiries,
  leads: benchLeads,
  reports: benchReports,
  import: benchImport,
  inventory: benchInventory,
  delivery: benchDelivery,
};

async function main() {
  const only = process.env.BENCH_ONLY?.split(",");
  for (const [name, suite] of Object.entries(suites)) {
    if (!only || only.includes(name)) await suite();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
