import "server-only";
import type { Database } from "../db/client";
import type { Viewer } from "../auth/session";
import { conversionReport } from "./conversion/queries";
import { deliveryReport } from "./delivery/queries";
import type { ReportFilter } from "./filters";
import { funnelReport } from "./funnel/queries";
import { lossReport } from "./loss/queries";
import { occupancyReport } from "./occupancy/queries";
import { pipelineReport } from "./pipeline/queries";
import { speedReport } from "./speed/queries";
import type { ReportKey, ReportTable } from "./table";
import { trendReport } from "./trend/queries";

export type Report = (db: Database, viewer: Viewer | null, filter: ReportFilter, now?: Date) => Promise<ReportTable[]>;

/** Each report of /crm/reports by its key: the page, the CSV export and the printable page run the same function. */
export const reports: Record<ReportKey, Report> = {
  funnel: funnelReport,
  conversion: conversionReport,
  speed: speedReport,
  loss: lossReport,
  trend: trendReport,
  pipeline: pipelineReport,
  occupancy: occupancyReport,
  delivery: deliveryReport,
};
