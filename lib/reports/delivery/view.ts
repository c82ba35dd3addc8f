import { endOfShanghaiDay } from "../../projects/plan";
import { shanghaiDay } from "../../calendar/shanghai-time";
import type { ReportFilter } from "../filters";

/*
 * The moment the delivery report measures at: "as of day D" is the end of D in Shanghai (lib/projects/plan.ts),
 * today when no day is asked; the 亩均 evaluation reads a whole year's figures, last year by default since this
 * year's are not in yet.
 */
export interface DeliveryView {
  /** YYYY-MM-DD */
  day: string;
  /** the end of that day */
  at: Date;
  year: number;
}

export function deliveryViewOf(filter: Pick<ReportFilter, "asOf" | "year">, now: Date): DeliveryView {
  const day = filter.asOf ?? shanghaiDay(now);
  const year = filter.year ? Number(filter.year) : Number(shanghaiDay(now).slice(0, 4)) - 1;
  return { day, at: endOfShanghaiDay(day), year };
}
