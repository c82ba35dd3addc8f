"use client";
import { useEffect, useRef, type ReactNode } from "react";

export interface FormMessageProps {
  /** "error": the submit was refused; "ok": it went through. */
  tone: "ok" | "error";
  /**
   * The answer this message belongs to (the action's result object). A new answer — even one with
   * the same text, like a second "too fast" — is brought into view again.
   */
  answer: unknown;
  /** Whether this answer takes focus; default: every refusal that says something. */
  takeFocus?: boolean;
  as?: "p" | "div" | "span";
  testId?: string;
  children?: ReactNode;
}

/**
 * A form's own message region (not one field's). A refusal is scrolled to the middle of the screen
 * and focused: on a phone the region sits far above the submit button, and a refusal nobody sees
 * reads as "nothing happened" — the person leaves. Focus also makes screen readers read it out.
 * Successes are only announced (polite), so a keyboard user keeps their place.
 */
export function FormMessage({ tone, answer, takeFocus, as: Tag = "p", testId, children }: FormMessageProps) {
  const region = useRef<HTMLElement>(null);
  const refusal = tone === "error";
  const focus = takeFocus ?? refusal;

  useEffect(() => {
    const element = region.current;
    if (!element || !focus || answer === undefined || answer === null || !element.textContent?.trim()) return;
    element.scrollIntoView({ block: "center" });
    element.focus({ preventScroll: true });
  }, [answer, focus]);

  return (
    <Tag
      ref={region as never}
      className={refusal ? "form-alert" : "form-ok"}
      role={refusal ? "alert" : "status"}
      aria-live={refusal ? "assertive" : "polite"}
      tabIndex={-1}
      data-testid={testId}
    >
      {children}
    </Tag>
  );
}
