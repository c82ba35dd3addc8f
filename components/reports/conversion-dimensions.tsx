"use client";

import { useState, type ReactNode } from "react";
import { ConversionBarChart, type ConversionBar } from "./conversion-bar-chart";
import styles from "./conversion-section.module.css";

export interface ConversionPanel {
  key: string;
  name: string;
  bars: ConversionBar[];
  chartLabel: string;
  /** says the chart shows only the top rows, when it does */
  note: string | null;
  /** the dimension's table, rendered on the server */
  table: ReactNode;
}

/**
 * The dimension switch: every table comes from the server at once, so switching is instant and
 * needs no request. Before hydration the first dimension (source) shows.
 */
export function ConversionDimensions({
  panels,
  legend,
  names,
}: {
  panels: ConversionPanel[];
  legend: string;
  names: { leads: string; signed: string };
}) {
  const [chosen, choose] = useState(panels[0]?.key);
  return (
    <>
      <fieldset className={styles.switch}>
        <legend>{legend}</legend>
        <div className="choice-group">
          {panels.map((panel) => (
            <label key={panel.key} className="choice">
              <input
                type="radio"
                name="conversion-dimension"
                value={panel.key}
                checked={chosen === panel.key}
                onChange={() => choose(panel.key)}
              />
              {panel.name}
            </label>
          ))}
        </div>
      </fieldset>
      {panels.map((panel) => (
        <div
          key={panel.key}
          className={styles.panel}
          hidden={chosen !== panel.key}
          data-conversion-dimension={panel.key}
        >
          <ConversionBarChart bars={panel.bars} names={names} label={panel.chartLabel} />
          {panel.note && <p className={styles.note}>{panel.note}</p>}
          {panel.table}
        </div>
      ))}
    </>
  );
}
