/** What the inquiry form's server action answers; message keys are rendered by the form. */
export interface InquiryFormState {
  status: "idle" | "error";
  /** Field path ("need.area") to a validation message key. */
  fieldErrors?: Record<string, string>;
  /** A key under inquiry.* for problems that are not one field's. */
  formError?: "tooFast" | "rejected" | "rateLimited" | "unavailable" | "keyReused";
  retryAfterMinutes?: number;
  /** What was typed, so a page rendered without JavaScript keeps it after an error. */
  values?: Record<string, string>;
}

export const initialInquiryFormState: InquiryFormState = { status: "idle" };

/** Hidden fields the server renders into the form; not part of the inquiry itself. */
export const formMetaFields = {
  submissionKey: "submissionKey",
  renderedAt: "renderedAt",
  honeypot: "website",
  sourcePage: "sourcePage",
  /** "1" once the form's script ran: a person's browser, not a bare HTML post (see spam-trap.ts). */
  scripted: "scripted",
} as const;

/** FormData (flat, "need.area") to the nested shape of the inquiry schema. */
export function inquiryFromFormData(formData: FormData): Record<string, unknown> {
  const meta = new Set<string>(Object.values(formMetaFields));
  const inquiry: Record<string, unknown> = {};
  for (const [name, value] of formData.entries()) {
    if (meta.has(name) || name.startsWith("$ACTION") || typeof value !== "string") continue;
    if (name === "consent") {
      inquiry.consent = value === "on" || value === "true";
      continue;
    }
    const [head, tail] = name.split(".", 2);
    if (tail) {
      const group = (inquiry[head] ??= {}) as Record<string, unknown>;
      group[tail] = value;
    } else {
      inquiry[name] = value;
    }
  }
  return inquiry;
}
