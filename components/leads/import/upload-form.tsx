"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useActionState, useEffect, useState, type ChangeEvent, type FormEvent } from "react";
import { useFormatter, useTranslations } from "use-intl";
import { FormMessage } from "@/components/ui/form-message";
import { fieldIds, inputAria } from "@/components/ui/field";
import { useRefusalText } from "@/components/ui/refusal";
import type { ImportKind } from "@/lib/leads/import/schema";
import { checkImportFile, IMPORT_FILE_ACCEPT } from "./file-check";
import { IMPORT_STEPS } from "./import-steps";
import { useImportMessage } from "./use-import-message";

/**
 * The upload: a plain form posting the file to the upload action, so it works before JavaScript
 * has loaded (the answer then shows a link to the new import). With JavaScript the chosen file's
 * name and size are shown, a wrong type or size is said before anything is sent, and a successful
 * upload opens the import's page. A units import also names its park (`parks`: the choice).
 */
export function UploadForm({
  kind = "LEADS",
  parks = [],
}: {
  kind?: ImportKind;
  parks?: { id: string; name: string }[];
}) {
  const t = useTranslations("leadImport");
  const units = useTranslations("unitImport.upload");
  const steps = IMPORT_STEPS[kind];
  const format = useFormatter();
  const say = useImportMessage();
  const refusal = useRefusalText();
  const router = useRouter();
  const [state, action, pending] = useActionState(steps.upload, null);
  const [chosen, setChosen] = useState<{ name: string; size: number; problem: string | null }>();

  useEffect(() => {
    if (state?.ok) router.push(`${steps.pages}/${state.jobId}`);
  }, [state, router, steps.pages]);

  const choose = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.currentTarget.files?.[0];
    setChosen(file && { name: file.name, size: file.size, problem: checkImportFile(file) });
  };
  const send = (event: FormEvent<HTMLFormElement>) => {
    if (chosen?.problem) event.preventDefault();
  };

  const parkError = state && !state.ok && "fieldErrors" in state ? state.fieldErrors.parkId : undefined;
  let error: string | undefined;
  if (chosen?.problem) error = t(`page.upload.${chosen.problem}`);
  else if (state && !state.ok && "error" in state) error = refusal(state, t("page.forbidden"));
  else if (state && !state.ok && !parkError) {
    error = say(state.fieldErrors.file ?? Object.values(state.fieldErrors)[0] ?? "invalid");
  }
  const ids = fieldIds("import-file");
  const parkIds = fieldIds("import-park");
  return (
    <form action={action} onSubmit={send} className="panel" data-testid="import-upload">
      {kind === "UNITS" && (
        <div className="field">
          <label htmlFor={parkIds.input}>{units("park")}</label>
          <select
            name="parkId"
            required
            defaultValue={parks.length === 1 ? parks[0].id : ""}
            {...inputAria("import-park", parkError && say(parkError))}
          >
            <option value="" disabled>
              {units("parkPlaceholder")}
            </option>
            {parks.map((park) => (
              <option key={park.id} value={park.id}>
                {park.name}
              </option>
            ))}
          </select>
          {parkError && (
            <p className="field-error" id={parkIds.error} role="alert">
              {say(parkError)}
            </p>
          )}
        </div>
      )}
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
          <Link href={`${steps.pages}/${state.jobId}`}>{t("mapping.title")}</Link>
        </FormMessage>
      )}
    </form>
  );
}

function fileSize(bytes: number, number: ReturnType<typeof useFormatter>["number"]): string {
  if (bytes < 1024 * 1024) return number(bytes / 1024, { style: "unit", unit: "kilobyte", maximumFractionDigits: 0 });
  return number(bytes / 1024 / 1024, { style: "unit", unit: "megabyte", maximumFractionDigits: 1 });
}
