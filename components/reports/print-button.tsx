"use client";

/** Opens the browser's print dialog (where "Save as PDF" lives); hidden on paper by the page's print CSS. */
export function PrintButton({ label, className }: { label: string; className?: string }) {
  return (
    <button type="button" className={`button ${className ?? ""}`} onClick={() => window.print()}>
      {label}
    </button>
  );
}
