"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useTranslations } from "use-intl";
import { useRefusedStatus } from "@/components/forms/use-action-form";
import { removeEvidenceAction } from "@/lib/projects/evidence/actions";

/** Deletes one piece of evidence after the browser's confirmation; a refusal is said beside the button. */
export function RemoveEvidence({ projectId, evidenceId }: { projectId: string; evidenceId: string }) {
  const t = useTranslations("projectMilestones");
  const refused = useRefusedStatus();
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string>();
  async function remove() {
    if (!window.confirm(t("evidence.removeConfirm"))) return;
    setBusy(true);
    setProblem(undefined);
    const answer = await removeEvidenceAction({ projectId, evidenceId });
    setBusy(false);
    if (answer.ok) router.refresh();
    else setProblem(refused(answer, t("forbidden"))?.text);
  }
  return (
    <>
      <button type="button" className="button secondary" onClick={remove} disabled={busy}>
        {t("evidence.remove")}
      </button>
      {problem && (
        <span className="field-error" role="alert">
          {problem}
        </span>
      )}
    </>
  );
}
