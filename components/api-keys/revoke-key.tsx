"use client";
import { useState, useTransition } from "react";
import { useTranslations } from "use-intl";
import { useRefusedStatus, type FormStatus } from "@/components/forms/use-action-form";
import { Dialog } from "@/components/ui/dialog";
import { FormMessage } from "@/components/ui/form-message";
import { revokeApiKeyAction } from "@/lib/api/keys/actions";

/**
 * Revokes a key after a confirmation that says it is immediate and final. Stays mounted once the key
 * is revoked (`revoked`), without its button, so the message saying so outlives the page's refresh.
 */
export function RevokeKey({ keyId, name, revoked }: { keyId: string; name: string; revoked: boolean }) {
  const t = useTranslations("apiKeys.revoke");
  const forbidden = useTranslations("apiKeys")("forbidden");
  const refused = useRefusedStatus();
  const [open, setOpen] = useState(false);
  const [pending, startTransition] = useTransition();
  const [status, setStatus] = useState<FormStatus>();

  const revoke = () =>
    startTransition(async () => {
      const answer = await revokeApiKeyAction({ keyId });
      setOpen(false);
      setStatus(answer.ok ? { ok: true, text: t("done", { name }) } : refused(answer, forbidden));
    });

  return (
    <>
      {!revoked && (
        <Dialog
          open={open}
          onOpenChange={(next) => !pending && setOpen(next)}
          title={t("title", { name })}
          description={t("body")}
          trigger={
            <button type="button" className="button danger" aria-label={t("buttonOf", { name })}>
              {t("button")}
            </button>
          }
        >
          <div className="row-actions">
            <button type="button" className="button danger" disabled={pending} onClick={revoke}>
              {t("confirm")}
            </button>
            <button type="button" className="button secondary" disabled={pending} onClick={() => setOpen(false)}>
              {t("keep")}
            </button>
          </div>
        </Dialog>
      )}
      <FormMessage tone={status?.ok ? "ok" : "error"} answer={status} as="span">
        {status?.text}
      </FormMessage>
    </>
  );
}
