"use client";
import type { MouseEvent, ReactNode } from "react";

const FIELDS = "input:not([type=hidden]):not([tabindex='-1']), select, textarea";

function firstField(section: HTMLElement): HTMLElement | null {
  const first = section.querySelector<HTMLElement>(FIELDS);
  // A radio group's stop is its chosen option (the listing's page chooses buy or rent already).
  if (first instanceof HTMLInputElement && first.type === "radio")
    return section.querySelector<HTMLElement>(`input[name="${CSS.escape(first.name)}"]:checked`) ?? first;
  return first;
}

/**
 * A link to the inquiry form that also puts the cursor in its first field. Without scripts it is a
 * plain anchor and still scrolls there. With them it scrolls itself: following the anchor would move
 * focus to the section it names.
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
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    const section = document.getElementById(target);
    const field = section && firstField(section);
    if (!section || !field) return;
    event.preventDefault();
    // Already at the top of the screen (the desktop's column stays in view): only the focus moves.
    const top = section.getBoundingClientRect().top;
    if (top < 0 || top > window.innerHeight / 3) section.scrollIntoView({ block: "start" });
    field.focus();
  };
  return (
    <a href={`#${target}`} className={className} onClick={onClick}>
      {children}
    </a>
  );
}
