import { cookies } from "next/headers";
import { columnChoiceCookie, readColumnChoice } from "./data-table-choice";
import { DataTableView, type DataTableViewProps } from "./data-table-view";

export type { DataTableColumn, DataTableRow } from "./data-table-view";

/**
 * The workspace's one data table (TanStack Table v9 underneath), for server components:
 *
 *   <DataTable id="inbox" userId={viewer.id} label="线索列表" chooserLabel="显示列"
 *     columns={[{ id: "company", label: "公司" }, { id: "score", label: "评分", numeric: true,
 *       header: <Link href="?sort=score">评分</Link>, sort: "descending" }, { id: "park", label: "园区", hidden: true }]}
 *     rows={leads.map((lead) => ({ id: lead.id, cells: { company: <Link …/>, score: lead.score, park: … } }))} />
 *
 * - The first column stays in view while the rest scrolls sideways inside the table (never the page);
 *   its cells are the rows' headers, and it cannot be hidden.
 * - Which columns show is each person's choice per table `id`, saved in a cookie and read here, so the
 *   server's HTML already has it (no flash, no hydration mismatch). `hidden` columns start hidden.
 * - Cells are rendered by the caller (server components, links, small client forms); sorting and paging
 *   stay with the caller (URLs), the table announces the order through each column's `sort`.
 */
export async function DataTable(props: Omit<DataTableViewProps, "savedHidden">) {
  const saved = (await cookies()).get(columnChoiceCookie(props.id))?.value;
  return <DataTableView {...props} savedHidden={readColumnChoice(saved, props.userId)} />;
}
