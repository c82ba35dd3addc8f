"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { useTranslations } from "use-intl";
import { useRefusedStatus, type FormStatus as Status } from "@/components/forms/use-action-form";
import { FormStatus } from "@/components/listings-admin/form-fields";
import { Dialog } from "@/components/ui/dialog";
import { deleteUnitAction, setUnitAvailabilityAction } from "@/lib/inventory/register/actions";
import type { UnitInput } from "@/lib/inventory/register/schema";
import { FloorUnitsForm, UnitForm, type UnitFormContext } from "./unit-form";

/** One unit as the table shows it: its words already in the reader's language, its form values as text. */
export interface UnitRow {
  id: string;
  version: number;
  number: string;
  floorText: string;
  areaText: string;
  listPriceText: string;
  floorPriceText: string | null;
  status: "VACANT" | "HELD" | "SIGNED" | "OCCUPIED" | "UNAVAILABLE";
  statusText: string;
  sinceText: string;
  listing: { id: string; title: string } | null;
  removable: boolean;
  values: UnitInput;
}

type Open = { kind: "add" } | { kind: "floor" } | { kind: "edit"; row: UnitRow } | null;

/**
 * The building's units. Managers and admins add them (one or a floor at a time), edit, remove one
 * never used, and set 不可租售 or back; everyone else reads. Each change refreshes the page.
 */
export function UnitsTable({
  rows,
  context,
  manages,
}: {
  rows: UnitRow[];
  context: UnitFormContext;
  manages: boolean;
}) {
  const t = useTranslations("inventory.register.units");
  const router = useRouter();
  const refused = useRefusedStatus();
  const [open, setOpen] = useState<Open>(null);
  const [message, setMessage] = useState<Status>();
  const [pending, startTransition] = useTransition();

  const done = (text: string) => {
    setOpen(null);
    setMessage({ ok: true, text });
  };
  const run = (work: () => ReturnType<typeof deleteUnitAction>, text: string) =>
    startTransition(async () => {
      setMessage(undefined);
      const answer = await work();
      if (answer.ok) {
        setMessage({ ok: true, text });
        router.refresh();
      } else if ("fieldErrors" in answer && Object.values(answer.fieldErrors).includes("stale")) {
        setMessage({ ok: false, text: t("stale") });
      } else {
        setMessage(refused(answer, t("forbidden")));
      }
    });
  const blank: UnitInput = {
    buildingId: context.buildingId,
    floor: "",
    number: "",
    area: "",
    areaUnit: context.land ? "MU" : "SQM",
    listPrice: "",
    floorPrice: "",
    priceUnit: "",
  };

  return (
    <section className="panel" aria-labelledby="units-title" data-testid="building-units">
      <h2 id="units-title">{t("title")}</h2>
      {manages && (
        <div className="toolbar">
          <button type="button" className="button" onClick={() => setOpen({ kind: "add" })}>
            {t("add")}
          </button>
          <button type="button" className="button secondary" onClick={() => setOpen({ kind: "floor" })}>
            {t("addFloor")}
          </button>
        </div>
      )}
      <FormStatus status={message} />
      {rows.length === 0 ? (
        <p className="meta">{t("empty")}</p>
      ) : (
        <div className="table-wrap" role="region" aria-labelledby="units-title" tabIndex={0}>
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t("floor")}</th>
                <th scope="col">{t("number")}</th>
                <th scope="col">{t("area")}</th>
                <th scope="col">{t("listPrice")}</th>
                {context.seesFloorPrice && <th scope="col">{t("floorPrice")}</th>}
                <th scope="col">{t("status")}</th>
                <th scope="col">{t("listing")}</th>
                {manages && <th scope="col">{t("actions")}</th>}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id} data-unit={row.number}>
                  <td>{row.floorText}</td>
                  <th scope="row">{row.number}</th>
                  <td>{row.areaText}</td>
                  <td>{row.listPriceText}</td>
                  {context.seesFloorPrice && <td>{row.floorPriceText}</td>}
                  <td>
                    <span className={`tag unit-${row.status}`}>{row.statusText}</span>{" "}
                    <span className="meta">{row.sinceText}</span>
                  </td>
                  <td>
                    {row.listing ? <Link href={`/crm/listings/${row.listing.id}`}>{row.listing.title}</Link> : "—"}
                  </td>
                  {manages && (
                    <td>
                      <div className="row-actions" role="group" aria-label={t("unitActions", { number: row.number })}>
                        <button type="button" className="link-button" onClick={() => setOpen({ kind: "edit", row })}>
                          {t("edit")}
                        </button>
                        {(row.status === "VACANT" || row.status === "UNAVAILABLE") && (
                          <button
                            type="button"
                            className="link-button"
                            disabled={pending}
                            onClick={() =>
                              run(
                                () =>
                                  setUnitAvailabilityAction({ id: row.id, available: row.status === "UNAVAILABLE" }),
                                t("done"),
                              )
                            }
                          >
                            {row.status === "VACANT" ? t("markUnavailable") : t("markVacant")}
                          </button>
                        )}
                        {row.removable && (
                          <button
                            type="button"
                            className="link-button"
                            disabled={pending}
                            onClick={() => {
                              if (window.confirm(t("removeConfirm", { number: row.number })))
                                run(() => deleteUnitAction({ id: row.id, version: row.version }), t("removed"));
                            }}
                          >
                            {t("remove")}
                          </button>
                        )}
                      </div>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {manages && (
        <Dialog
          open={open !== null}
          onOpenChange={(next) => !next && setOpen(null)}
          title={
            open?.kind === "edit"
              ? t("editTitle", { number: open.row.number })
              : open?.kind === "floor"
                ? t("addFloorTitle")
                : t("addTitle")
          }
          size="lg"
        >
          {open?.kind === "floor" && <FloorUnitsForm context={context} onDone={done} />}
          {open?.kind === "add" && <UnitForm context={context} defaults={blank} onDone={done} />}
          {open?.kind === "edit" && (
            <UnitForm
              context={context}
              defaults={open.row.values}
              target={{ id: open.row.id, version: open.row.version }}
              onDone={done}
            />
          )}
        </Dialog>
      )}
    </section>
  );
}
