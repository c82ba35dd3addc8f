import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { DuplicatesPanel } from "./duplicates-panel";
import { LeadCareActions } from "@/components/leads/care/lead-care-actions";
import { ScoreBreakdownView } from "@/components/leads/score-breakdown";
import { ActivityForm } from "@/components/leads/detail/activity-form";
import { ContactCard } from "@/components/leads/detail/contact-card";
import { InquiryList } from "@/components/leads/detail/inquiry-list";
import { LeadEditForm, type LeadEditValues } from "@/components/leads/detail/lead-edit-form";
import { LeadHeader } from "@/components/leads/detail/lead-header";
import { LeadUnits } from "@/components/leads/detail/lead-units";
import styles from "@/components/leads/detail/lead-detail.module.css";
import { MatchingListings } from "@/components/leads/detail/matching-listings";
import { NeedCard } from "@/components/leads/detail/need-card";
import { OwnerControl } from "@/components/leads/detail/owner-control";
import { StageControl } from "@/components/leads/detail/stage-control";
import { TaskList } from "@/components/leads/detail/task-list";
import { Timeline } from "@/components/leads/detail/timeline";
import { requireUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { getMessages } from "@/lib/i18n/server";
import { unitsOfLead } from "@/lib/inventory/holds/queries";
import { leadDetail, type LeadDetail } from "@/lib/leads/detail/queries";
import { EDITABLE_FIELDS } from "@/lib/leads/edit/schema";
import { activeLostReasons, listStages } from "@/lib/pipeline/queries";
import { I18nProvider } from "@/components/i18n-provider";

type Props = { params: Promise<{ id: string }> };

/** One read per request, shared by the title and the page. */
const detailFor = cache(async (id: string) => {
  const [viewer, db] = await Promise.all([requireUser(), getDb()]);
  return leadDetail(db, viewer, id);
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const [{ id }, messages] = await Promise.all([params, getMessages()]);
  const detail = await detailFor(id);
  return { title: detail ? detail.lead.company : messages.leadPage.notFound.title };
}

/** The edit form's starting values: what the lead holds, as the text the inputs show. */
function editValues({ lead }: LeadDetail): LeadEditValues {
  const values = Object.fromEntries(
    EDITABLE_FIELDS.map((field) => [field, lead[field] === null ? "" : String(lead[field])]),
  );
  return { ...(values as Record<(typeof EDITABLE_FIELDS)[number], string>), leadId: lead.id, version: lead.version };
}

export default async function LeadPage({ params }: Props) {
  const [{ id }, viewer, messages] = await Promise.all([params, requireUser(), getMessages()]);
  const now = new Date();
  const detail = await detailFor(id);
  if (!detail) notFound();
  const { lead, can } = detail;
  const db = await getDb();
  const [[stages, lostReasons], units] = await Promise.all([
    can.work ? Promise.all([listStages(db, viewer), activeLostReasons(db, viewer)]) : [[], []],
    unitsOfLead(db, viewer, lead.id),
  ]);
  const text = messages.leadPage;

  const controls = (
    <>
      {can.work && (
        <StageControl
          leadId={lead.id}
          company={lead.company}
          stageKey={lead.stageKey}
          stages={stages}
          lostReasons={lostReasons}
        />
      )}
      {can.assign && <OwnerControl leadId={lead.id} ownerId={lead.ownerId} assignees={detail.assignees} />}
      {!lead.mergedIntoId && (
        <LeadCareActions
          lead={{
            id: lead.id,
            company: lead.company,
            archivedAt: lead.archivedAt,
            erasedAt: lead.erasedAt,
            version: lead.version,
          }}
          role={viewer.role}
        />
      )}
    </>
  );

  return (
    <I18nProvider
      namespaces={["inquiry", "inventory", "kind", "leadCare", "leadPage", "pipeline", "units", "validation"]}
    >
      <>
        <LeadHeader detail={detail} controls={controls} now={now} admin={viewer.role === "ADMIN"} />
        <div className={styles.layout}>
          <div className={styles.column}>
            <ContactCard detail={detail} />
            <TaskList detail={detail} />
            <section className="panel" aria-labelledby="timeline-heading">
              <h2 id="timeline-heading">{text.timeline.title}</h2>
              {can.work && <ActivityForm leadId={lead.id} />}
              <Timeline detail={detail} />
            </section>
            <InquiryList detail={detail} />
          </div>
          <div className={styles.column}>
            <NeedCard detail={detail} />
            <div className="panel">
              <ScoreBreakdownView breakdown={lead.scoreBreakdown} />
            </div>
            {(units.length > 0 || can.work) && !lead.mergedIntoId && (
              <LeadUnits
                leadId={lead.id}
                company={lead.company}
                units={units}
                canHold={can.work && !lead.archivedAt && !lead.erasedAt}
                needKind={lead.needKind}
              />
            )}
            <MatchingListings detail={detail} />
            {!lead.mergedIntoId && <DuplicatesPanel leadId={lead.id} viewer={viewer} />}
            {can.work && (
              <section className="panel" aria-labelledby="edit-heading">
                <h2 id="edit-heading">{text.edit.title}</h2>
                {/* Claiming unmasks fields without a new version: the key gives the form its real values then. */}
                <LeadEditForm key={lead.maskedFields.join()} initial={editValues(detail)} masked={lead.maskedFields} />
              </section>
            )}
          </div>
        </div>
      </>
    </I18nProvider>
  );
}
