"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { useTranslations } from "use-intl";
import { useValidationMessage } from "@/lib/i18n/use-validation-message";
import { mergeLeadsAction } from "@/lib/leads/merge/actions";
import styles from "./care.module.css";
import { Dialog, DialogClose } from "@/components/ui/dialog";
import { FormMessage } from "@/components/ui/form-message";
import { useRefusalText } from "@/components/ui/refusal";

/** One possible duplicate, already worded by the server; `preview` is null for viewers who may not merge. */
export interface DuplicateItem {
  id: string;
  version: number;
  company: string;
  contactName: string;
  phone: string;
  reasons: string[];
  stage: string;
  owner: string;
  received: string;
  history: string;
  archived: boolean;
  preview: string[] | null;
}

type Status = { ok: boolean; text: string };

export function DuplicateList({
  survivor,
  items,
}: {
  survivor: { id: string; version: number };
  items: DuplicateItem[];
}) {
  const t = useTranslations("leadCare");
  // Kept here, not in the item, so the outcome stays on screen after the merged lead leaves the list.
  const [status, setStatus] = useState<Status>();
  return (
    <>
      <FormMessage tone={status?.ok ? "ok" : "error"} answer={status} testId="merge-status">
        {status?.text}
      </FormMessage>
      <ul className={styles.list}>
        {items.map((item) => (
          <li key={item.id} className={styles.item} data-testid="duplicate" data-lead-id={item.id}>
            <div className={styles.itemHead}>
              <Link href={`/crm/leads/${item.id}`}>{item.company}</Link>
              <ul className="tags" aria-label={t("duplicates.heading")}>
                {item.reasons.map((reason) => (
                  <li key={reason} className={`tag ${styles.reason}`}>
                    {reason}
                  </li>
                ))}
                {item.archived && <li className="tag">{t("duplicates.archived")}</li>}
              </ul>
            </div>
            <p className="meta">
              {item.contactName} · {item.phone} · {item.stage} · {item.owner} · {item.received}
            </p>
            <p className="meta">{item.history}</p>
            {item.preview && <MergeDialog survivor={survivor} item={item} preview={item.preview} onDone={setStatus} />}
          </li>
        ))}
      </ul>
    </>
  );
}

function MergeDialog({
  survivor,
  item,
  preview,
  onDone,
}: {
  survivor: { id: string; version: number };
  item: DuplicateItem;
  preview: string[];
  onDone: (status: Status) => void;
}) {
  const t = useTranslations("leadCare");
  const validation = useValidationMessage();
  const refusal = useRefusalText();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string>();
  const [pending, startTransition] = useTransition();

  const merge = () =>
    startTransition(async () => {
      setError(undefined);
      const answer = await mergeLeadsAction({
        survivorId: survivor.id,
        mergedId: item.id,
        survivorVersion: survivor.version,
        mergedVersion: item.version,
      });
      if (answer.ok) {
        setOpen(false);
        onDone({ ok: true, text: t("merge.done", { company: item.company, ...answer.moved }) });
        router.refresh();
      } else if ("error" in answer) {
        setError(refusal(answer, t("care.forbidden")));
      } else {
        const key = Object.values(answer.fieldErrors)[0] ?? "invalid";
        setError(validation(key));
      }
    });

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => !pending && setOpen(next)}
      title={t("merge.title", { company: item.company })}
      trigger={
        <button type="button" className="button secondary">
          {t("merge.open")}
        </button>
      }
    >
      <ul className={styles.preview}>
        {preview.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      <FormMessage tone="error" answer={error}>
        {error}
      </FormMessage>
      <div className={styles.dialogActions}>
        <button type="button" className="button" disabled={pending} onClick={merge}>
          {pending ? t("merge.merging") : t("merge.confirm")}
        </button>
        <DialogClose asChild>
          <button type="button" className="button secondary" disabled={pending}>
            {t("merge.cancel")}
          </button>
        </DialogClose>
      </div>
    </Dialog>
  );
}
