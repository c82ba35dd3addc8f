"use client";
import type { ReactNode } from "react";

const FIELDS = "input:not([type=hidden]):not([tabindex='-1']), select, textarea";

/**
 * A link to the inquiry form that also puts the cursor in its first field. Without scripts it is a
 * plain anchor and still scrolls there.
 */
export function LeaveNeedLink({
  target,
  className,
  children,
}: {
  target: string;
  className?: string;
  children: ReactNode;
}) {
  const focusFirstField = () => {
    const form = document.getElementById(target);
    const first = form?.querySelector<HTMLElement>(FIELDS);
    // A radio group's stop is its chosen option (the listing's page chooses buy or rent already).
    const chosen =
      first instanceof HTMLInputElement && first.type === "radio"
        ? form?.querySelector<HTMLElement>(`input[name="${CSS.escape(first.name)}"]:checked`)
        : null;
    (chosen ?? first)?.focus({ preventScroll: true });
  };
  return (
    <a href={`#${target}`} className={className} onClick={focusFirstField}>
      {children}
    </a>
  );
}
