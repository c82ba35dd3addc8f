import type { FieldRow } from "./schema-view";
import { ScrollRegion } from "./scroll-region";
import styles from "./api-reference.module.css";

export interface FieldTableWords {
  field: string;
  type: string;
  required: string;
  description: string;
  yes: string;
  no: string;
}

/** A schema's fields as a table: name, type (a component's name links to it), required, description. */
export function FieldTable({ rows, caption, words }: { rows: FieldRow[]; caption: string; words: FieldTableWords }) {
  return (
    <ScrollRegion label={caption}>
      <table className={styles.table}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{words.field}</th>
            <th scope="col">{words.type}</th>
            <th scope="col">{words.required}</th>
            <th scope="col">{words.description}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.name}>
              <th scope="row">
                <code>{row.name}</code>
              </th>
              <td>
                {row.ref ? (
                  <a href={`#schema-${row.ref}`}>
                    <code>{row.type}</code>
                  </a>
                ) : (
                  <code>{row.type}</code>
                )}
              </td>
              <td>{row.required ? words.yes : words.no}</td>
              <td>{row.description}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
