import type { ReactNode } from "react";
import styles from "./api-reference.module.css";

/** A wide table's frame: on a phone it scrolls sideways, so a keyboard must reach it (a named, focusable region). */
export function ScrollRegion({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className={styles.scroll} tabIndex={0} role="region" aria-label={label}>
      {children}
    </div>
  );
}
