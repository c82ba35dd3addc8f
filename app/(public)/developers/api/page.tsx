import type { Metadata } from "next";
import { OperationSection } from "@/components/api-reference/operation-section";
import { FieldTable } from "@/components/api-reference/field-table";
import { ScrollRegion } from "@/components/api-reference/scroll-region";
import { fieldsOf, type Schema } from "@/components/api-reference/schema-view";
import styles from "@/components/api-reference/api-reference.module.css";
import { API_ERROR_CODES } from "@/lib/api/errors";
import { apiReferenceView } from "@/lib/api/reference";
import { getTranslations } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("apiReference");
  return { title: t("title"), description: t("metaDescription") };
}

const STATUS_OF_CODE = {
  invalid_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  rate_limited: 429,
  unavailable: 503,
} as const;

const GUIDE = ["conventions", "auth", "errors", "pagination", "idempotency", "rateLimits", "webhooks"] as const;

/** The API's reference, generated from the OpenAPI document: public, and whole without JavaScript. */
export default async function ApiReferencePage() {
  const [t, view] = await Promise.all([getTranslations("apiReference"), apiReferenceView()]);
  const words = {
    field: t("field"),
    type: t("type"),
    required: t("required"),
    description: t("description"),
    yes: t("yes"),
    no: t("no"),
    scopeLine: t("scopeLine"),
    parameters: t("parameters"),
    where: t("where"),
    requestBody: t("requestBody"),
    responses: t("responses"),
    status: t("status"),
    curlExample: t("curlExample"),
  };
  const resolve = (schema: Schema): Schema =>
    schema.$ref ? (view.schemas[schema.$ref.split("/").at(-1)!] as Schema) : schema;

  return (
    <article className="panel">
      <div className="prose">
        <h1>{t("title")}</h1>
        <p>{t("intro")}</p>
        <p>
          <a href="/api/openapi.json">{t("openapiLink")}</a>
        </p>
      </div>
      <nav aria-labelledby="api-contents">
        <h2 id="api-contents">{t("contents")}</h2>
        <ul className={styles.contents}>
          {GUIDE.map((part) => (
            <li key={part}>
              <a href={`#${part}`}>{t(`${part}Heading`)}</a>
            </li>
          ))}
          {view.resources.map((resource) => (
            <li key={resource.name}>
              <a href={`#resource-${resource.name}`}>{t(`resources.${resource.name}`)}</a>
            </li>
          ))}
          <li>
            <a href="#schemas">{t("schemasHeading")}</a>
          </li>
        </ul>
      </nav>

      <section className="prose" aria-labelledby="conventions">
        <h2 id="conventions">{t("conventionsHeading")}</h2>
        <p>{t("conventions")}</p>
      </section>
      <section className="prose" aria-labelledby="auth">
        <h2 id="auth">{t("authHeading")}</h2>
        <p>{t("auth")}</p>
      </section>
      <section aria-labelledby="errors">
        <h2 id="errors">{t("errorsHeading")}</h2>
        <p className="prose">{t("errorShape")}</p>
        <ScrollRegion label={t("errorsHeading")}>
          <table className={styles.table}>
            <caption>{t("errorsHeading")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("status")}</th>
                <th scope="col">code</th>
                <th scope="col">{t("description")}</th>
              </tr>
            </thead>
            <tbody>
              {API_ERROR_CODES.map((code) => (
                <tr key={code}>
                  <th scope="row">{STATUS_OF_CODE[code]}</th>
                  <td>
                    <code>{code}</code>
                  </td>
                  <td>{t(`errors.${code}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      </section>
      {(["pagination", "idempotency", "rateLimits", "webhooks"] as const).map((part) => (
        <section key={part} className="prose" aria-labelledby={part}>
          <h2 id={part}>{t(`${part}Heading`)}</h2>
          <p>{t(part)}</p>
        </section>
      ))}

      {view.resources.map((resource) => (
        <section key={resource.name} aria-labelledby={`resource-${resource.name}`}>
          <h2 id={`resource-${resource.name}`}>{t(`resources.${resource.name}`)}</h2>
          {resource.operations.map((operation) => (
            <OperationSection
              key={operation.operationId}
              operation={{
                ...operation,
                summary: t(`operations.${operation.operationId}.summary` as never),
                description: t(`operations.${operation.operationId}.description` as never),
              }}
              resolve={resolve}
              words={words}
            />
          ))}
        </section>
      ))}

      <section aria-labelledby="schemas">
        <h2 id="schemas">{t("schemasHeading")}</h2>
        {Object.entries(view.schemas).map(([name, schema]) => (
          <section key={name} aria-labelledby={`schema-${name}`} className={styles.operation}>
            <h3 id={`schema-${name}`}>
              <code>{name}</code>
            </h3>
            {typeof schema.description === "string" && <p>{schema.description}</p>}
            <FieldTable rows={fieldsOf(schema as Schema)} caption={name} words={words} />
          </section>
        ))}
      </section>
    </article>
  );
}
