import { Decimal } from "decimal.js";

/*
 * The 到资 figures of one project on a Shanghai calendar day, from exact decimal strings (万元):
 * - paid to date: every payment on or before the day;
 * - scheduled to date: every instalment of the schedule due on or before the day;
 * - 到资率: paid ÷ the committed total investment (the delivery report's ratio);
 * - 计划到资完成率: paid ÷ scheduled to date, so a project paying on time reads 100% whatever its total;
 * - the next instalment after the day, and "behind" when less has arrived than was due (with the shortfall).
 * Rates are percentages to one decimal; a rate without a denominator is null, not 0 or 100.
 */

export interface FundingFigures {
  committed: string | null;
  scheduledTotal: string;
  paid: string;
  scheduledToDate: string;
  paidRate: number | null;
  scheduleRate: number | null;
  next: { dueOn: string; amount: string } | null;
  behind: boolean;
  shortfall: string | null;
}

const sum = (values: readonly string[]) => values.reduce((total, value) => total.plus(value), new Decimal(0));
const percent = (part: Decimal, whole: Decimal) =>
  whole.isZero() ? null : part.div(whole).times(100).toDecimalPlaces(1, Decimal.ROUND_HALF_UP).toNumber();

export function fundingFigures(input: {
  committed: string | null;
  plan: readonly { dueOn: string; amount: string }[];
  payments: readonly { paidOn: string; amount: string }[];
  today: string;
}): FundingFigures {
  const paid = sum(input.payments.filter((payment) => payment.paidOn <= input.today).map((payment) => payment.amount));
  const due = sum(input.plan.filter((row) => row.dueOn <= input.today).map((row) => row.amount));
  const committed = input.committed === null ? null : new Decimal(input.committed);
  const next = [...input.plan].sort((a, b) => a.dueOn.localeCompare(b.dueOn)).find((row) => row.dueOn > input.today);
  const behind = paid.lessThan(due);
  return {
    committed: committed?.toString() ?? null,
    scheduledTotal: sum(input.plan.map((row) => row.amount)).toString(),
    paid: paid.toString(),
    scheduledToDate: due.toString(),
    paidRate: committed ? percent(paid, committed) : null,
    scheduleRate: percent(paid, due),
    next: next ? { dueOn: next.dueOn, amount: new Decimal(next.amount).toString() } : null,
    behind,
    shortfall: behind ? due.minus(paid).toString() : null,
  };
}
