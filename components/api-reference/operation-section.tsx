import { FieldTable, type FieldTableWords } from "./field-table";
import { ScrollRegion } from "./scroll-region";
import { fieldsOf, refName, typeOf, type Schema } from "./schema-view";
import styles from "./api-reference.module.css";

export interface DocumentedOperation {
  operationId: string;
  method: string;
  path: string;
  scope: string;
  summary: string;
  description: string;
  parameters: { name: string; in: string; required: boolean; description?: string; schema: Schema }[];
  body: Schema | null;
  responses: { status: string; description: string; schema: Schema | null }[];
  curl: string;
}

export interface OperationWords extends FieldTableWords {
  scopeLine: string;
  parameters: string;
  where: string;
  requestBody: string;
  responses: string;
  status: string;
  curlExample: string;
}

/** One endpoint: method and path, scope, parameters, body fields, responses and a curl example. */
export function OperationSection({
  operation,
  resolve,
  words,
}: {
  operation: DocumentedOperation;
  resolve: (schema: Schema) => Schema;
  words: OperationWords;
}) {
  const body = operation.body && resolve(operation.body);
  return (
    <section className={styles.operation} aria-labelledby={operation.operationId}>
      <h3 id={operation.operationId}>{operation.summary}</h3>
      <p className={styles.signature}>
        <span className={styles.method}>{operation.method}</span>
        <code>{operation.path}</code>
      </p>
      <p>{operation.description}</p>
      <p>
        {words.scopeLine}: <code>{operation.scope}</code>
      </p>
      {operation.parameters.length > 0 && (
        <ScrollRegion label={`${operation.summary} · ${words.parameters}`}>
          <table className={styles.table}>
            <caption>{words.parameters}</caption>
            <thead>
              <tr>
                <th scope="col">{words.field}</th>
                <th scope="col">{words.where}</th>
                <th scope="col">{words.type}</th>
                <th scope="col">{words.required}</th>
                <th scope="col">{words.description}</th>
              </tr>
            </thead>
            <tbody>
              {operation.parameters.map((parameter) => (
                <tr key={`${parameter.in}-${parameter.name}`}>
                  <th scope="row">
                    <code>{parameter.name}</code>
                  </th>
                  <td>{parameter.in}</td>
                  <td>
                    <code>{typeOf(parameter.schema).type}</code>
                  </td>
                  <td>{parameter.required ? words.yes : words.no}</td>
                  <td>{parameter.description ?? parameter.schema.description ?? ""}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
      {body && operation.body && (
        <FieldTable
          rows={fieldsOf(body)}
          caption={`${words.requestBody}${operation.body.$ref ? ` (${refName(operation.body.$ref)})` : ""}`}
          words={words}
        />
      )}
      <ScrollRegion label={`${operation.summary} · ${words.responses}`}>
        <table className={styles.table}>
          <caption>{words.responses}</caption>
          <thead>
            <tr>
              <th scope="col">{words.status}</th>
              <th scope="col">{words.type}</th>
              <th scope="col">{words.description}</th>
            </tr>
          </thead>
          <tbody>
            {operation.responses.map((response) => {
              const type = response.schema && typeOf(response.schema);
              return (
                <tr key={response.status}>
                  <th scope="row">{response.status}</th>
                  <td>
                    {type?.ref ? (
                      <a href={`#schema-${type.ref}`}>
                        <code>{type.type}</code>
                      </a>
                    ) : (
                      type && <code>{type.type}</code>
                    )}
                  </td>
                  <td>{response.description}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </ScrollRegion>
      <h4>{words.curlExample}</h4>
      <pre className={styles.curl} tabIndex={0}>
        <code>{operation.curl}</code>
      </pre>
    </section>
  );
}
