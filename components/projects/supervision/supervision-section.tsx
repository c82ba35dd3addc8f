import Link from "next/link";
import { I18nProvider } from "@/components/i18n-provider";
import { shanghaiDay } from "@/lib/calendar/shanghai-time";
import { getTranslations } from "@/lib/i18n/server";
import type { ProjectSupervision } from "@/lib/projects/supervision/queries";
import { OpenSupervisionForm } from "./open-supervision-form";
import { SupervisionItem } from "./supervision-item";
import styles from "./supervision.module.css";

/**
 * 督办 on the project page: the project's items, unfinished first, each with its thread and the steps the viewer
 * may take, and for managers the form that opens a new one. The page reads them (supervisionsOfProject) in the
 * viewer's scope; read-only once the project is terminated.
 */
export async function SupervisionSection({
  projectId,
  data,
  terminated,
}: {
  projectId: string;
  data: ProjectSupervision;
  terminated: boolean;
}) {
  const t = await getTranslations("supervision");
  return (
    <section className="panel" aria-labelledby="supervision-title" data-testid="project-supervision">
      <h2 id="supervision-title">{t("title")}</h2>
      <p className="meta">
        {t("section.intro")} <Link href="/crm/projects/supervision">{t("section.ledger")}</Link>
      </p>
      {terminated && <p className="notice">{t("section.readOnly")}</p>}
      <I18nProvider namespaces={["supervision", "validation"]}>
        {data.items.length === 0 ? (
          <p className="meta">{t("section.none")}</p>
        ) : (
          <ol className={styles.items}>
            {data.items.map((item) => (
              <SupervisionItem key={item.id} item={item} />
            ))}
          </ol>
        )}
        {!terminated && data.assignees.length > 0 && (
          <OpenSupervisionForm
            projectId={projectId}
            ownerId={data.ownerId}
            assignees={data.assignees}
            today={shanghaiDay(new Date())}
          />
        )}
      </I18nProvider>
    </section>
  );
}
