"use client";
import Link from "next/link";
import { useActionState, useEffect, useRef, useState, startTransition } from "react";
import { get, useForm, type FieldPath, type Resolver } from "react-hook-form";
import { useTranslations } from "use-intl";
import { Field, fieldIds, inputAria } from "@/components/ui/field";
import { AmountUnderstood } from "./amount-understood";
import { useFreshSubmissionKey } from "./fresh-submission-key";
import styles from "./inquiry-form.module.css";
import { FormMessage } from "@/components/ui/form-message";
import { useHydrated } from "@/components/ui/use-hydrated";
import { useValidationMessage } from "@/lib/i18n/use-validation-message";
import { sendInquiry } from "@/lib/inquiries/actions";
import { formMetaFields, initialInquiryFormState } from "@/lib/inquiries/form-state";
import { areaUnits, needDeals, needKinds, timelines } from "@/lib/inquiries/need-choices";
import type { Inquiry, InquiryInput } from "@/lib/inquiries/schema";

export interface InquiryFormProps {
  listingId?: string;
  defaults?: Partial<Record<string, string>>;
  submissionKey: string;
  /** The signed time the server showed the form (lib/inquiries/spam-trap.ts). */
  renderedAt: string;
  sourcePage: string;
  operatorPhone: string;
  /** The level of the form's section titles, one below the heading the form sits under. */
  sectionHeading?: "h2" | "h3";
}

type Path = FieldPath<InquiryInput>;

/**
 * The public inquiry form. Validates with the shared schema as the person types; the same schema
 * runs again in the server action, which also serves browsers without JavaScript.
 */
export function InquiryForm({
  listingId,
  defaults = {},
  submissionKey,
  renderedAt,
  sourcePage,
  operatorPhone,
  sectionHeading: SectionHeading = "h3",
}: InquiryFormProps) {
  const t = useTranslations("inquiry");
  const validation = useValidationMessage();
  const tv = (key: string) => validation(key);
  const [state, formAction, pending] = useActionState(sendInquiry, initialInquiryFormState);
  const hydrated = useHydrated();
  const [attempts, setAttempts] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  const keyRef = useFreshSubmissionKey();
  const initial = { ...defaults, ...state.values };

  const {
    register,
    handleSubmit,
    setError,
    formState: { errors },
  } = useForm<InquiryInput, unknown, Inquiry>({
    resolver: validateWithSchema,
    // Errors appear on the first submit, then update as the person types. Errors shown on blur
    // move the submit button while it is being pressed, and the press misses.
    mode: "onSubmit",
    reValidateMode: "onChange",
    defaultValues: {
      need: {
        deal: initial["need.deal"] as InquiryInput["need"]["deal"],
        kind: initial["need.kind"] as InquiryInput["need"]["kind"],
        area: initial["need.area"] ?? "",
        areaUnit: (initial["need.areaUnit"] ?? "sqm") as InquiryInput["need"]["areaUnit"],
        timeline: (initial["need.timeline"] ?? "") as InquiryInput["need"]["timeline"],
      },
      use: initial.use ?? "",
      expectedAnnualTax: initial.expectedAnnualTax ?? "",
      company: initial.company ?? "",
      contactName: initial.contactName ?? "",
      phone: initial.phone ?? "",
      consent: false as unknown as true,
      wechat: initial.wechat ?? "",
      email: initial.email ?? "",
      investment: initial.investment ?? "",
      annualOutput: initial.annualOutput ?? "",
      employees: initial.employees ?? "",
      powerKva: initial.powerKva ?? "",
      creditCode: initial.creditCode ?? "",
      message: initial.message ?? "",
    },
  });

  // Errors the server found (the same schema, or the listing having gone) land beside their fields.
  useEffect(() => {
    const entries = Object.entries(state.fieldErrors ?? {});
    entries.forEach(([path, key], index) =>
      setError(path as Path, { type: "server", message: key }, { shouldFocus: index === 0 }),
    );
  }, [state, setError]);

  const errorOf = (path: string): string | undefined => {
    const key = hydrated ? (get(errors, path) as { message?: string } | undefined)?.message : state.fieldErrors?.[path];
    return key ? tv(key) : undefined;
  };
  const errorCount = hydrated ? countErrors(errors) : Object.keys(state.fieldErrors ?? {}).length;
  const formError = state.formError
    ? t(`${state.formError}`, { phone: operatorPhone, minutes: state.retryAfterMinutes ?? 60 })
    : undefined;

  const onSubmit = (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setAttempts((count) => count + 1);
    void handleSubmit(() => {
      const data = new FormData(formRef.current!);
      startTransition(() => formAction(data));
    })(event);
  };

  const required = t("required");
  const text = (
    path: Path,
    options: {
      hint?: string;
      type?: string;
      inputMode?: "decimal" | "numeric" | "tel" | "email" | "text";
      autoComplete?: string;
    } = {},
  ) => (
    <input
      type={options.type ?? "text"}
      inputMode={options.inputMode}
      autoComplete={options.autoComplete ?? "off"}
      defaultValue={initial[path] ?? ""}
      {...inputAria(path, errorOf(path), Boolean(options.hint))}
      {...register(path)}
    />
  );

  return (
    <form
      ref={formRef}
      action={formAction}
      onSubmit={onSubmit}
      onFocus={preloadSchema}
      noValidate
      className={`inquiry-form ${styles.form}`}
      data-testid="inquiry-form"
    >
      <input ref={keyRef} type="hidden" name={formMetaFields.submissionKey} defaultValue={submissionKey} />
      <input type="hidden" name={formMetaFields.renderedAt} value={initial[formMetaFields.renderedAt] ?? renderedAt} />
      {/* Only present once this script ran: tells a person's browser from a bare post of the HTML. */}
      {hydrated && <input type="hidden" name={formMetaFields.scripted} value="1" />}
      <input type="hidden" name={formMetaFields.sourcePage} value={sourcePage} />
      {listingId && <input type="hidden" name="listingId" value={listingId} />}
      <div className="honeypot" aria-hidden="true">
        <label htmlFor="website">Website</label>
        <input
          id="website"
          name={formMetaFields.honeypot}
          type="text"
          tabIndex={-1}
          autoComplete="off"
          defaultValue=""
        />
      </div>

      {/* A refusal of the whole form takes focus; with field errors, react-hook-form focuses the first wrong field. */}
      <FormMessage tone="error" answer={state} takeFocus={Boolean(formError)} as="div" testId="form-alert">
        {formError ?? (attempts > 0 && errorCount > 0 ? t("errorsSummary", { count: errorCount }) : null)}
      </FormMessage>

      <fieldset className="form-section">
        <legend className="visually-hidden">{t("sectionNeed")}</legend>
        <SectionHeading className={styles.sectionTitle}>{t("sectionNeed")}</SectionHeading>
        <div className="form-row two">
          <ChoiceGroup name="need.deal" label={t("deal")} required={required} error={errorOf("need.deal")}>
            {needDeals.map((deal) => (
              <label key={deal} className="choice">
                <input
                  type="radio"
                  value={deal}
                  defaultChecked={initial["need.deal"] === deal}
                  {...register("need.deal")}
                />
                {t(`dealOptions.${deal}`)}
              </label>
            ))}
          </ChoiceGroup>
          <ChoiceGroup name="need.kind" label={t("kind")} required={required} error={errorOf("need.kind")}>
            {needKinds.map((kind) => (
              <label key={kind} className="choice">
                <input
                  type="radio"
                  value={kind}
                  defaultChecked={initial["need.kind"] === kind}
                  {...register("need.kind")}
                />
                {t(`kindOptions.${kind}`)}
              </label>
            ))}
          </ChoiceGroup>
        </div>
        <div className="form-row three">
          <Field name="need.area" label={t("area")} requiredLabel={required} error={errorOf("need.area")}>
            {text("need.area", { inputMode: "decimal" })}
          </Field>
          <Field name="need.areaUnit" label={t("areaUnit")} requiredLabel={required} error={errorOf("need.areaUnit")}>
            <select
              defaultValue={initial["need.areaUnit"] ?? "sqm"}
              {...inputAria("need.areaUnit", errorOf("need.areaUnit"))}
              {...register("need.areaUnit")}
            >
              {areaUnits.map((unit) => (
                <option key={unit} value={unit}>
                  {t(`areaUnitOptions.${unit}`)}
                </option>
              ))}
            </select>
          </Field>
          <Field name="need.timeline" label={t("timeline")} error={errorOf("need.timeline")}>
            <select
              defaultValue={initial["need.timeline"] ?? ""}
              {...inputAria("need.timeline", errorOf("need.timeline"))}
              {...register("need.timeline")}
            >
              <option value="">{t("choose")}</option>
              {timelines.map((timeline) => (
                <option key={timeline} value={timeline}>
                  {t(`timelineOptions.${timeline}`)}
                </option>
              ))}
            </select>
          </Field>
        </div>
        <Field name="use" label={t("use")} hint={t("useHint")} requiredLabel={required} error={errorOf("use")}>
          <textarea
            rows={3}
            defaultValue={initial.use ?? ""}
            {...inputAria("use", errorOf("use"), true)}
            {...register("use")}
          />
        </Field>
        <Field
          name="expectedAnnualTax"
          label={t("expectedAnnualTax")}
          requiredLabel={required}
          error={errorOf("expectedAnnualTax")}
        >
          {text("expectedAnnualTax", { inputMode: "decimal" })}
          <AmountUnderstood name="expectedAnnualTax" />
        </Field>
      </fieldset>

      <fieldset className="form-section">
        <legend className="visually-hidden">{t("sectionCompany")}</legend>
        <SectionHeading className={styles.sectionTitle}>{t("sectionCompany")}</SectionHeading>
        <Field name="company" label={t("company")} requiredLabel={required} error={errorOf("company")}>
          {text("company", { autoComplete: "organization" })}
        </Field>
        <div className="form-row two">
          <Field name="contactName" label={t("contactName")} requiredLabel={required} error={errorOf("contactName")}>
            {text("contactName", { autoComplete: "name" })}
          </Field>
          <Field
            name="phone"
            label={t("phone")}
            hint={t("phoneHint")}
            requiredLabel={required}
            error={errorOf("phone")}
          >
            {text("phone", { type: "tel", inputMode: "tel", autoComplete: "tel", hint: t("phoneHint") })}
          </Field>
        </div>
      </fieldset>

      <details
        className="form-section"
        open={Object.keys(state.fieldErrors ?? {}).some((path) => optionalPaths.includes(path)) || undefined}
      >
        <summary>{t("sectionMore")}</summary>
        <div className="form-row two">
          <Field name="wechat" label={t("wechat")} error={errorOf("wechat")}>
            {text("wechat")}
          </Field>
          <Field name="email" label={t("email")} error={errorOf("email")}>
            {text("email", { type: "email", inputMode: "email", autoComplete: "email" })}
          </Field>
          <Field name="investment" label={t("investment")} error={errorOf("investment")}>
            {text("investment", { inputMode: "decimal" })}
            <AmountUnderstood name="investment" />
          </Field>
          <Field name="annualOutput" label={t("annualOutput")} error={errorOf("annualOutput")}>
            {text("annualOutput", { inputMode: "decimal" })}
            <AmountUnderstood name="annualOutput" />
          </Field>
          <Field name="employees" label={t("employees")} error={errorOf("employees")}>
            {text("employees", { inputMode: "numeric" })}
          </Field>
          <Field name="powerKva" label={t("powerKva")} error={errorOf("powerKva")}>
            {text("powerKva", { inputMode: "numeric" })}
          </Field>
        </div>
        <Field name="creditCode" label={t("creditCode")} error={errorOf("creditCode")}>
          {text("creditCode")}
        </Field>
        <Field name="message" label={t("message")} error={errorOf("message")}>
          <textarea
            rows={3}
            defaultValue={initial.message ?? ""}
            {...inputAria("message", errorOf("message"))}
            {...register("message")}
          />
        </Field>
      </details>

      <div className="form-section">
        <div className="consent">
          <input type="checkbox" {...inputAria("consent", errorOf("consent"))} {...register("consent")} />
          <label htmlFor={fieldIds("consent").input}>
            {t("consent")}{" "}
            <Link href="/privacy" target="_blank">
              {t("privacyLink")}
            </Link>
          </label>
        </div>
        {errorOf("consent") && (
          <p className="field-error" id={fieldIds("consent").error} role="alert">
            {errorOf("consent")}
          </p>
        )}
        {errorOf("listingId") && (
          <p className="field-error" role="alert">
            {errorOf("listingId")}
          </p>
        )}
        <button type="submit" className="button accent" disabled={pending}>
          {pending ? t("submitting") : t("submit")}
        </button>
      </div>
    </form>
  );
}

/*
 * The schema (and zod with it) is loaded when the form is first used, not with the page: the page
 * stays light for a visitor who only reads. Focusing any field starts the load; submitting waits for it.
 */
const loadSchema = () =>
  Promise.all([import("@hookform/resolvers/zod"), import("@/lib/inquiries/schema")]).then(
    ([{ zodResolver }, { inquirySchema }]) => zodResolver(inquirySchema),
  );

// An early load that failed is tried again on submit, which shows the failure.
const preloadSchema = () => void loadSchema().catch(() => undefined);

const validateWithSchema: Resolver<InquiryInput, unknown, Inquiry> = async (values, context, options) =>
  (await loadSchema())(values, context, options);

const optionalPaths = [
  "wechat",
  "email",
  "investment",
  "annualOutput",
  "employees",
  "powerKva",
  "creditCode",
  "message",
];

function ChoiceGroup({
  name,
  label,
  required,
  error,
  children,
}: {
  name: string;
  label: string;
  required: string;
  error?: string;
  children: React.ReactNode;
}) {
  const ids = fieldIds(name);
  return (
    <fieldset
      className="field"
      aria-invalid={error ? true : undefined}
      aria-describedby={error ? ids.error : undefined}
    >
      <legend>
        {label}
        <span className="required">{required}</span>
      </legend>
      <div className="choice-group">{children}</div>
      {error && (
        <p className="field-error" id={ids.error} role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}

function countErrors(errors: object): number {
  return Object.values(errors).reduce<number>((total, value) => {
    if (value && typeof value === "object" && "message" in value && typeof value.message === "string") return total + 1;
    return value && typeof value === "object" ? total + countErrors(value) : total;
  }, 0);
}
