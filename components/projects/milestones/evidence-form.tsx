"use client";
import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { useTranslations } from "use-intl";
import { Field, inputAria } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { useValidationMessage } from "@/lib/i18n/use-validation-message";
import { MAX_EVIDENCE_BYTES, MAX_EVIDENCE_MB } from "@/lib/projects/evidence/schema";
import type { MilestoneKind } from "@/lib/projects/types";

type Answer = { ok: true; id: string } | { ok: false; fieldErrors?: Record<string, string>; error?: string };

/**
 * Adds a note, a photo or a document, optionally for one milestone. Posted as multipart to the project's
 * evidence route (a file passes server actions' 1 MB); what the file is, the server reads from its bytes.
 */
export function EvidenceForm({
  projectId,
  milestones,
}: {
  projectId: string;
  milestones: { kind: MilestoneKind; label: string }[];
}) {
  const t = useTranslations("projectMilestones.evidence");
  const validation = useValidationMessage();
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [status, setStatus] = useState<{ ok: boolean; text: string }>();
  const [busy, setBusy] = useState(false);

  async function send(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const body = new FormData(event.currentTarget);
    const file = body.get("file");
    if (file instanceof File && file.size === 0) body.delete("file");
    if (file instanceof File && file.size > MAX_EVIDENCE_BYTES) {
      setErrors({ file: `evidenceSize:${MAX_EVIDENCE_MB}` });
      return;
    }
    setBusy(true);
    setErrors({});
    setStatus(undefined);
    try {
      const response = await fetch(`/crm/projects/${encodeURIComponent(projectId)}/evidence`, { method: "POST", body });
      const answer = (await response.json()) as Answer;
      if (answer.ok) {
        formRef.current?.reset();
        setStatus({ ok: true, text: t("added") });
        router.refresh();
      } else if (answer.fieldErrors) {
        const { projectId: project, ...fields } = answer.fieldErrors;
        setErrors(fields);
        if (project) setStatus({ ok: false, text: validation(project) });
      } else {
        setStatus({ ok: false, text: t("failed") });
      }
    } catch {
      setStatus({ ok: false, text: t("failed") });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form ref={formRef} onSubmit={send} noValidate data-testid="evidence-form" encType="multipart/form-data">
      <FormMessage tone={status?.ok ? "ok" : "error"} answer={status} as="div">
        {status?.text}
      </FormMessage>
      <Field name="evidence-milestone" label={t("milestone")} errorKey={errors.milestoneKind}>
        <select name="milestoneKind" {...inputAria("evidence-milestone", errors.milestoneKind)}>
          <option value="">{t("noMilestone")}</option>
          {milestones.map((milestone) => (
            <option key={milestone.kind} value={milestone.kind}>
              {milestone.label}
            </option>
          ))}
        </select>
      </Field>
      <Field name="evidence-note" label={t("note")} errorKey={errors.note}>
        <textarea name="note" rows={2} {...inputAria("evidence-note", errors.note)} />
      </Field>
      <Field
        name="evidence-file"
        label={t("file")}
        hint={t("fileHelp", { mb: MAX_EVIDENCE_MB })}
        errorKey={errors.file}
      >
        <input
          type="file"
          name="file"
          accept="image/jpeg,image/png,image/webp,application/pdf,.docx,.xlsx"
          {...inputAria("evidence-file", errors.file, true)}
        />
      </Field>
      <button className="button" type="submit" disabled={busy}>
        {busy ? t("saving") : t("save")}
      </button>
    </form>
  );
}
