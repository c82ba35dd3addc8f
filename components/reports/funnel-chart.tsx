import type { CSSProperties } from "react";
import type { ChartDatum } from "./bar-chart";
import styles from "./funnel-chart.module.css";

const SHADES = ["#0b5cad", "#1971c2", "#1c7ed6", "#339af0", "#4dabf7", "#74c0fc", "#a5d8ff"];

/** A stage some lead reached keeps a sliver, so it is never drawn as nothing. */
function band(value: number, widest: number, index: number): CSSProperties {
  const width = value > 0 ? `max(${(value / widest) * 100}%, 3px)` : 0;
  return { width, background: SHADES[index % SHADES.length] };
}

/**
 * The leads that reached each stage, widest first: one row per stage with its name, a band centred
 * in the row as wide as its share of the first stage, and its figure. Names and figures have columns
 * of their own, so no label ever sits on a band or on a neighbour's label, however small the stage.
 * Plain HTML, drawn on the server; the table beneath holds the rates, so the picture is one image.
 */
export function ReportFunnelChart({ data, label }: { data: (ChartDatum & { figure: string })[]; label: string }) {
  const widest = Math.max(0, ...data.map((datum) => datum.value));
  return (
    <figure className={styles.funnel} role="img" aria-label={label}>
      <ol className={styles.stages}>
        {data.map((datum, index) => (
          <li key={datum.label} className={styles.stage}>
            <span className={styles.name}>{datum.label}</span>
            <span className={styles.track}>
              <span className={styles.band} style={band(datum.value, widest, index)} />
            </span>
            <span className={styles.figure}>{datum.figure}</span>
          </li>
        ))}
      </ol>
    </figure>
  );
}
