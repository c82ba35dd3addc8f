"use client";
import { useRouter } from "next/navigation";
import { useRef, useState, useTransition } from "react";
import { useFormatter, useTranslations } from "use-intl";
import type { Role } from "@/lib/auth/schema";
import { useValidationMessage } from "@/lib/i18n/use-validation-message";
import { archiveLeadAction, restoreLeadAction } from "@/lib/leads/archive/actions";
import { EraseDialog } from "./erase-dialog";
import styles from "./care.module.css";
import { DropdownMenu, DropdownMenuItem } from "@/components/ui/dropdown-menu";
import { FormMessage } from "@/components/ui/form-message";
import { useRefusalText } from "@/components/ui/refusal";

export interface CareLead {
  id: string;
  company: string;
  archivedAt: Date | null;
  erasedAt: Date | null;
  version: number;
}

/**
 * Archive or restore for everyone who may work the lead; for admins, the PIPL erase behind a "more
 * actions" menu, so the permanent action is never one stray tap beside the everyday one. The server
 * checks both again.
 */
export function LeadCareActions({ lead, role }: { lead: CareLead; role: Role }) {
  const t = useTranslations("leadCare");
  const workspace = useTranslations("workspace");
  const validation = useValidationMessage();
  const refusal = useRefusalText();
  const format = useFormatter();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [status, setStatus] = useState<{ ok: boolean; text: string }>();
  const [erasing, setErasing] = useState(false);
  const more = useRef<HTMLButtonElement>(null);
  const erasable = role === "ADMIN" && !lead.erasedAt;
  const archived = lead.archivedAt !== null;
  const day = (date: Date) => format.dateTime(new Date(date), { dateStyle: "medium" });

  const toggleArchive = () =>
    startTransition(async () => {
      const input = { leadId: lead.id, version: lead.version };
      const answer = archived ? await restoreLeadAction(input) : await archiveLeadAction(input);
      if (answer.ok) {
        setStatus({ ok: true, text: t(archived ? "care.restoredDone" : "care.archivedDone") });
        router.refresh();
      } else if ("error" in answer) {
        setStatus({ ok: false, text: refusal(answer, t("care.forbidden")) });
      } else {
        const key = Object.values(answer.fieldErrors)[0] ?? "invalid";
        setStatus({ ok: false, text: validation(key) });
      }
    });

  return (
    <section aria-labelledby={`care-${lead.id}`} data-testid="lead-care-actions">
      <h2 id={`care-${lead.id}`} className="visually-hidden">
        {t("care.heading")}
      </h2>
      {lead.erasedAt && <p className="notice">{t("care.erasedOn", { date: day(lead.erasedAt) })}</p>}
      {lead.archivedAt && <p className="meta">{t("care.archivedOn", { date: day(lead.archivedAt) })}</p>}
      <div className={styles.actions}>
        <button type="button" className="button secondary" disabled={pending} onClick={toggleArchive}>
          {archived ? t("care.restore") : t("care.archive")}
        </button>
        {erasable && (
          <DropdownMenu label={workspace("moreActions")} triggerRef={more}>
            <DropdownMenuItem tone="danger" onSelect={() => setErasing(true)}>
              {t("erase.open")}
            </DropdownMenuItem>
          </DropdownMenu>
        )}
      </div>
      {erasable && (
        <EraseDialog lead={lead} open={erasing} onOpenChange={setErasing} returnFocus={more} onDone={setStatus} />
      )}
      <FormMessage tone={status?.ok ? "ok" : "error"} answer={status}>
        {status?.text}
      </FormMessage>
    </section>
  );
}
