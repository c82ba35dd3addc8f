"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { useTranslations } from "use-intl";
import { useValidationMessage } from "@/lib/i18n/use-validation-message";
import { setListingPublishedAction } from "@/lib/listings/admin/actions";
import type { ListingStatus } from "@/lib/listings/admin/schema";
import { FormStatus } from "./form-fields";
import styles from "./listings-admin.module.css";
import { useRefusalText } from "@/components/ui/refusal";

type Answer = { ok: true; updatedAt: string } | { ok: false; fieldErrors?: Record<string, string>; error?: string };

/**
 * Publish/unpublish, carrying the editor's concurrency token so a change made elsewhere since the
 * page loaded is reported instead of being covered up; and the status, which follows the units.
 */
export function ListingControls({
  listing,
  token,
  onSaved,
}: {
  listing: { id: string; status: ListingStatus; published: boolean };
  token: string;
  onSaved: (token: string) => void;
}) {
  const t = useTranslations("listingsAdmin");
  const validation = useValidationMessage();
  const refusal = useRefusalText();
  const tc = useTranslations("listingsAdmin.controls");
  const statusName = useTranslations("status");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<{ ok: boolean; text: string }>();

  const run = (work: () => Promise<Answer>) =>
    startTransition(async () => {
      setMessage(undefined);
      const answer = await work();
      if (answer.ok) {
        onSaved(answer.updatedAt);
        setMessage({ ok: true, text: tc("done") });
        router.refresh();
      } else if (answer.error) {
        setMessage({ ok: false, text: refusal(answer, t("form.forbidden")) });
      } else {
        const key = Object.values(answer.fieldErrors ?? {})[0] ?? "invalid";
        setMessage({ ok: false, text: key === "stale" ? t("form.stale") : validation(key) });
      }
    });

  return (
    <section className="panel" aria-labelledby="listing-controls" data-testid="listing-controls">
      <h2 id="listing-controls">{tc("title")}</h2>
      <div className={styles.controls}>
        <p className={listing.published ? styles.live : styles.hidden}>
          {listing.published ? tc("publishedNow") : tc("unpublishedNow")}
        </p>
        <button
          type="button"
          className={listing.published ? "button secondary" : "button accent"}
          disabled={pending}
          onClick={() =>
            run(() => setListingPublishedAction({ id: listing.id, published: !listing.published, updatedAt: token }))
          }
        >
          {listing.published ? tc("unpublish") : tc("publish")}
        </button>
      </div>
      <div className={styles.controls}>
        <p>{tc("current", { status: statusName(listing.status) })}</p>
      </div>
      <FormStatus status={message} />
    </section>
  );
}
