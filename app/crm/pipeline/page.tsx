import type { Metadata } from "next";
import { BoardFilters } from "@/components/pipeline/board-filters";
import { PipelineBoard } from "@/components/pipeline/pipeline-board";
import { requireUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { getMessages, getTranslations } from "@/lib/i18n/server";
import { inboxFilterOptions } from "@/lib/leads/filter/options";
import { boardFilterOf, inboxQueryOf } from "@/lib/pipeline/board-filter";
import { activeLostReasons, loadBoard } from "@/lib/pipeline/queries";
import { I18nProvider } from "@/components/i18n-provider";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getMessages()).pipeline.title };
}

export default async function PipelinePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const [viewer, messages, t, db, params] = await Promise.all([
    requireUser(),
    getMessages(),
    getTranslations(),
    getDb(),
    searchParams,
  ]);
  const { filter, invalid } = boardFilterOf(params);
  const [board, options, lostReasons] = await Promise.all([
    loadBoard(db, viewer, filter),
    inboxFilterOptions(db, viewer),
    activeLostReasons(db, viewer),
  ]);
  return (
    <I18nProvider namespaces={["inquiry", "inventory", "kind", "pipeline", "units", "validation"]}>
      <>
        <h1>{messages.pipeline.title}</h1>
        {invalid.length > 0 && (
          <p className="notice">
            {t("pipeline.filters.invalid", {
              fields: invalid
                .map((field) => (messages.pipeline.filters as Record<string, string>)[field] ?? field)
                .join("、"),
            })}
          </p>
        )}
        <BoardFilters filter={filter} options={options} />
        <PipelineBoard columns={board.columns} lostReasons={lostReasons} inboxQuery={inboxQueryOf(filter)} />
      </>
    </I18nProvider>
  );
}
