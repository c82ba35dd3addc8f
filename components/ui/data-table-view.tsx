"use client";
import { useId, useMemo, useState, type ReactNode } from "react";
import { DropdownMenu } from "radix-ui";
import {
  columnVisibilityFeature,
  tableFeatures,
  useTable,
  type ColumnDef,
  type ColumnVisibilityState,
} from "@tanstack/react-table";
import { columnChoiceCookie, writeColumnChoice } from "./data-table-choice";
import styles from "./data-table.module.css";

export interface DataTableColumn {
  /** stable id: the key of each row's `cells`, and what the saved column choice names */
  id: string;
  /** the column's name in the column chooser, and its header unless `header` is given */
  label: string;
  /** header content when it is more than the label (a sort link); the cell stays a th with scope="col" */
  header?: ReactNode;
  /** the current server-side order of this column, announced through aria-sort */
  sort?: "ascending" | "descending";
  /** right-aligned tabular figures */
  numeric?: boolean;
  /** hidden until the person shows it */
  hidden?: boolean;
}

export interface DataTableRow {
  id: string;
  /** one node per column id; the first column's is the row's header cell */
  cells: Record<string, ReactNode>;
}

export interface DataTableViewProps {
  id: string;
  userId: string;
  /** names the scrolling region (and the table) for screen readers */
  label: string;
  /** the column chooser's button text, e.g. 显示列 / Columns */
  chooserLabel: string;
  columns: DataTableColumn[];
  rows: DataTableRow[];
  /** the hidden column ids the server read from the saved choice; undefined for the columns' defaults */
  savedHidden?: string[];
}

const features = tableFeatures({ columnVisibilityFeature });
const YEAR = 60 * 60 * 24 * 365;

function visibilityOf(columns: DataTableColumn[], savedHidden: string[] | undefined): ColumnVisibilityState {
  const hidden = new Set(savedHidden ?? columns.filter((column) => column.hidden).map((column) => column.id));
  // The first column names the row: it is never hidden, whatever a stale choice says.
  return Object.fromEntries(columns.map((column, index) => [column.id, index === 0 || !hidden.has(column.id)]));
}

/** The client half of DataTable (components/ui/data-table.tsx): column choice and markup. */
export function DataTableView({ id, userId, label, chooserLabel, columns, rows, savedHidden }: DataTableViewProps) {
  const captionId = useId();
  const [columnVisibility, setColumnVisibility] = useState(() => visibilityOf(columns, savedHidden));
  const byId = useMemo(() => new Map(columns.map((column) => [column.id, column])), [columns]);
  // The cell renderers must keep their identity across a refresh: each refresh brings new `columns`
  // props, and a new renderer is a new component type to React, which would remount every cell — and
  // lose the state of what a cell holds (a dialog's answer, a typed value). So they depend only on
  // the set of columns, and the headers (whose words change with the language) are drawn from
  // `byId` directly.
  const columnIds = columns.map((column) => column.id).join("\u0000");
  const definitions = useMemo(
    () =>
      columnIds.split("\u0000").map((columnId, index): ColumnDef<typeof features, DataTableRow> => ({
        id: columnId,
        cell: ({ row }) => row.original.cells[columnId] ?? null,
        enableHiding: index > 0,
      })),
    [columnIds],
  );
  const table = useTable({
    features,
    columns: definitions,
    data: rows,
    getRowId: (row) => row.id,
    state: { columnVisibility },
    onColumnVisibilityChange: (updater) =>
      setColumnVisibility((current) => {
        const next = typeof updater === "function" ? updater(current) : updater;
        const hidden = Object.keys(next).filter((key) => next[key] === false);
        document.cookie = `${columnChoiceCookie(id)}=${writeColumnChoice(userId, hidden)}; path=/crm; max-age=${YEAR}; samesite=lax`;
        return next;
      }),
  });
  const cellClass = (columnId: string) => (byId.get(columnId)?.numeric ? styles.numeric : undefined);

  return (
    <div className={styles.frame} data-table-id={id}>
      <div className={styles.tools}>
        <DropdownMenu.Root>
          <DropdownMenu.Trigger className={`button secondary ${styles.chooser}`}>{chooserLabel}</DropdownMenu.Trigger>
          <DropdownMenu.Portal>
            <DropdownMenu.Content className={styles.menu} align="end" sideOffset={4}>
              {table
                .getAllLeafColumns()
                .filter((column) => column.getCanHide())
                .map((column) => (
                  <DropdownMenu.CheckboxItem
                    key={column.id}
                    className={styles.menuItem}
                    checked={column.getIsVisible()}
                    onCheckedChange={(checked) => column.toggleVisibility(checked)}
                    // Keep the menu open, so several columns can be switched in one go.
                    onSelect={(event) => event.preventDefault()}
                  >
                    <span aria-hidden="true" className={styles.mark}>
                      {column.getIsVisible() ? "✓" : ""}
                    </span>
                    {byId.get(column.id)?.label}
                  </DropdownMenu.CheckboxItem>
                ))}
            </DropdownMenu.Content>
          </DropdownMenu.Portal>
        </DropdownMenu.Root>
      </div>
      {/* Wide tables scroll here, never the page; focusable so a keyboard can scroll it too. */}
      <div className={styles.scroll} role="region" aria-labelledby={captionId} tabIndex={0}>
        <table className={styles.table}>
          <caption id={captionId} className="visually-hidden">
            {label}
          </caption>
          <thead>
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) => (
                  <th
                    key={header.id}
                    scope="col"
                    aria-sort={byId.get(header.column.id)?.sort}
                    className={cellClass(header.column.id)}
                  >
                    {byId.get(header.column.id)?.header ?? byId.get(header.column.id)?.label}
                  </th>
                ))}
              </tr>
            ))}
          </thead>
          <tbody>
            {table.getRowModel().rows.map((row) => (
              <tr key={row.id} data-row-id={row.id}>
                {row.getVisibleCells().map((cell, index) =>
                  index === 0 ? (
                    <th key={cell.id} scope="row">
                      <table.FlexRender cell={cell} />
                    </th>
                  ) : (
                    <td key={cell.id} className={cellClass(cell.column.id)}>
                      <table.FlexRender cell={cell} />
                    </td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
