"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useActionState, useEffect, useState, type ChangeEvent, type FormEvent } from "react";
import { useFormatter, useTranslations } from "use-intl";
import { FormMessage } from "@/components/ui/form-message";
import { fieldIds, inputAria } from "@/components/ui/field";
import { useRefusalText } from "@/components/ui/refusal";
import { uploadImportAction } from "@/lib/leads/import/actions";
import { checkImportFile, IMPORT_FILE_ACCEPT } from "./file-check";
import { useImportMessage } from "./use-import-message";

/**
 * The upload: a plain form posting the file to the upload action, so it works before JavaScript
 * has loaded (the answer then shows a link to the new import). With JavaScript the chosen file's
 * name and size are shown, a wrong type or size is said before anything is sent, and a successful
 * upload opens the import's page.
 */
export function UploadForm() {
  const t = useTranslations("leadImport");
  const format = useFormatter();
  const say = useImportMessage();
  const refusal = useRefusalText();
  const router = useRouter();
  const [state, action, pending] = useActionState(uploadImportAction, null);
  const [chosen, setChosen] = useState<{ name: string; size: number; problem: string | null }>();

  useEffect(() => {
    if (state?.ok) router.push(`/crm/leads/import/${state.jobId}`);
  }, [state, router]);

  const choose = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.currentTarget.files?.[0];
    setChosen(file && { name: file.name, size: file.size, problem: checkImportFile(file) });
  };
  const send = (event: FormEvent<HTMLFormElement>) => {
    if (chosen?.problem) event.preventDefault();
  };

  let error: string | undefined;
  if (chosen?.problem) error = t(`page.upload.${chosen.problem}`);
  else if (state && !state.ok && "error" in state) error = refusal(state, t("page.forbidden"));
  else if (state && !state.ok) {
    error = say(state.fieldErrors.file ?? Object.values(state.fieldErrors)[0] ?? "invalid");
  }
  const ids = fieldIds("import-file");
  return (
    <form action={action} onSubmit={send} className="panel" data-testid="import-upload">
      <div className="field">
        <label htmlFor={ids.input}>{t("page.upload.file")}</label>
        <input
          type="file"
          name="file"
          accept={IMPORT_FILE_ACCEPT}
          required
          onChange={choose}
          {...inputAria("import-file", error, Boolean(chosen))}
        />
        {chosen && (
          <span className="hint" id={ids.hint}>
            {t("page.upload.chosen", { name: chosen.name, size: fileSize(chosen.size, format.number) })}
          </span>
        )}
        {error && (
          <p className="field-error" id={ids.error} role="alert">
            {error}
          </p>
        )}
      </div>
      <button type="submit" className="button" disabled={pending || Boolean(chosen?.problem)}>
        {pending ? t("page.upload.sending") : t("page.upload.submit")}
      </button>
      {state?.ok && (
        <FormMessage tone="ok" answer={state}>
          <Link href={`/crm/leads/import/${state.jobId}`}>{t("mapping.title")}</Link>
        </FormMessage>
      )}
    </form>
  );
}

function fileSize(bytes: number, number: ReturnType<typeof useFormatter>["number"]): string {
  if (bytes < 1024 * 1024) return number(bytes / 1024, { style: "unit", unit: "kilobyte", maximumFractionDigits: 0 });
  return number(bytes / 1024 / 1024, { style: "unit", unit: "megabyte", maximumFractionDigits: 1 });
}
