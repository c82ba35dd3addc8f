import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { I18nProvider } from "@/components/i18n-provider";
import { ActualsSection } from "@/components/projects/actuals/actuals-section";
import { MilestonesSection } from "@/components/projects/milestones/milestones-section";
import { CommitmentsForm } from "@/components/projects/register/commitments-form";
import { OwnerForm } from "@/components/projects/register/owner-form";
import { ProjectFacts } from "@/components/projects/register/project-facts";
import { TerminateDialog } from "@/components/projects/register/terminate-dialog";
import { SupervisionSection } from "@/components/projects/supervision/supervision-section";
import { requireUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { getMessages } from "@/lib/i18n/server";
import { projectFunding } from "@/lib/projects/funding/queries";
import { milestonesSectionData } from "@/lib/projects/milestones/queries";
import { projectHeader } from "@/lib/projects/register/queries";
import { supervisionsOfProject } from "@/lib/projects/supervision/queries";
import { projectYears } from "@/lib/projects/years/queries";

type Params = Promise<{ id: string }>;

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getMessages()).projects.title };
}

/**
 * /crm/projects/[id]: one project, in the order a 调度会 reads it — header and commitments, milestones and
 * evidence, 到资 and yearly actuals with 亩均, 督办, and 解约 for managers. The page reads every section's part
 * at once, each in the viewer's scope, and hands it to the section; a project outside the scope is "not found".
 */
export default async function ProjectPage({ params }: { params: Params }) {
  const viewer = await requireUser();
  const [{ id }, db, messages] = await Promise.all([params, getDb(), getMessages()]);
  const [project, milestones, funding, years, supervision] = await Promise.all([
    projectHeader(db, viewer, id),
    milestonesSectionData(db, viewer, id),
    projectFunding(db, viewer, id),
    projectYears(db, viewer, id),
    supervisionsOfProject(db, viewer, id),
  ]);
  if (!project) notFound();
  const text = messages.projects;
  const terminated = project.status === "TERMINATED";
  const orBlank = (value: string | null) => value ?? "";
  return (
    <>
      <I18nProvider namespaces={["projects", "inquiry", "validation"]}>
        <>
          <p className="meta">
            <Link href="/crm/projects">{text.page.back}</Link>
          </p>
          <h1>{project.name}</h1>
          <p className="meta">{project.companyName}</p>
          <ProjectFacts project={project} />
          {terminated && <p className="notice">{text.page.readOnly}</p>}
          <CommitmentsForm
            readOnly={!project.may.edit}
            initial={{
              projectId: project.id,
              version: String(project.version),
              name: project.name,
              companyName: project.companyName,
              creditCode: orBlank(project.creditCode),
              industry: orBlank(project.industry),
              totalInvestment: orBlank(project.commitments.totalInvestment),
              fixedAssetInvestment: orBlank(project.commitments.fixedAssetInvestment),
              annualOutput: orBlank(project.commitments.annualOutput),
              annualTax: orBlank(project.commitments.annualTax),
              jobs: project.commitments.jobs === null ? "" : String(project.commitments.jobs),
              landMu: orBlank(project.commitments.landMu),
            }}
          />
          {project.may.manage && (
            <section className="panel" aria-labelledby="owner-title">
              <h2 id="owner-title">{text.owner.title}</h2>
              <OwnerForm
                projectId={project.id}
                version={project.version}
                ownerId={project.owner?.id ?? null}
                owners={project.owners}
              />
            </section>
          )}
        </>
      </I18nProvider>
      {milestones && <MilestonesSection projectId={project.id} data={milestones} terminated={terminated} />}
      {funding && years && <ActualsSection funding={funding} years={years} terminated={terminated} />}
      {supervision && <SupervisionSection projectId={project.id} data={supervision} terminated={terminated} />}
      {project.may.manage && (
        <I18nProvider namespaces={["projects", "inquiry", "validation"]}>
          <section className="panel" aria-labelledby="terminate-title" data-section="terminate">
            <h2 id="terminate-title">{text.terminate.heading}</h2>
            <TerminateDialog projectId={project.id} version={project.version} name={project.name} />
          </section>
        </I18nProvider>
      )}
    </>
  );
}
