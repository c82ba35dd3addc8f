"use client";
import {
  DndContext,
  DragOverlay,
  KeyboardSensor,
  MeasuringStrategy,
  PointerSensor,
  useSensor,
  useSensors,
  type Active,
  type Announcements,
  type DragEndEvent,
  type DragStartEvent,
} from "@dnd-kit/core";
import { useRouter } from "next/navigation";
import { useLayoutEffect, useMemo, useRef, useState } from "react";
import { useLocale, useTranslations } from "use-intl";
import { localized } from "@/lib/i18n/localized";
import type { Locale } from "@/lib/i18n/messages";
import { useValidationMessage } from "@/lib/i18n/use-validation-message";
import { moveLeadStageAction } from "@/lib/pipeline/actions";
import type { BoardCard, BoardColumn as Column } from "@/lib/pipeline/queries";
import { BoardColumn } from "./board-column";
import { columnKeyboard } from "./board-keyboard";
import { findCard, focusCard, relocate } from "./board-state";
import { LeadCardBody } from "./lead-card";
import { StageMoveDialog, type LostReasonOption } from "./stage-move-dialog";
import styles from "./board.module.css";
import { useRefusalText } from "@/components/ui/refusal";

type Pending = { card: BoardCard; from: string; to: Column };

/**
 * The pipeline board. A move shows at once and is saved in the background; if the server refuses
 * (someone moved the lead first, or it is not the viewer's), the card goes back with a message.
 * Moves into a lost or signed stage first ask what that stage needs.
 */
export function PipelineBoard({
  columns: loaded,
  lostReasons,
  inboxQuery,
}: {
  columns: Column[];
  lostReasons: LostReasonOption[];
  inboxQuery: string;
}) {
  const t = useTranslations("pipeline");
  const validation = useValidationMessage();
  const refusal = useRefusalText();
  const locale = useLocale() as Locale;
  const router = useRouter();
  const [board, setBoard] = useState({ loaded, columns: loaded });
  // Fresh server data (after a save or a refresh) replaces the optimistic picture.
  if (board.loaded !== loaded) setBoard({ loaded, columns: loaded });
  const columns = board.columns;
  const setColumns = (change: (columns: Column[]) => Column[]) =>
    setBoard((current) => ({ ...current, columns: change(current.columns) }));
  const [pendingIds, setPendingIds] = useState<ReadonlySet<string>>(new Set());
  const [dialog, setDialog] = useState<Pending | null>(null);
  const [status, setStatus] = useState<{ ok: boolean; text: string }>();
  const [dragged, setDragged] = useState<BoardCard | null>(null);

  // The keyboard reads the column order when a key is pressed, after the render that drew it has committed.
  const order = useRef<string[]>([]);
  useLayoutEffect(() => {
    order.current = columns.map((column) => column.key);
  });
  // eslint-disable-next-line react-hooks/refs -- columnKeyboard calls the getter on a key press, never while rendering
  const keyboard = useMemo(() => columnKeyboard(() => order.current), []);
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 6 } }),
    useSensor(KeyboardSensor, { coordinateGetter: keyboard.coordinateGetter, scrollBehavior: "auto" }),
  );

  const stageName = (key: unknown) => {
    const column = columns.find((candidate) => candidate.key === key);
    return column ? localized(locale, column.name, column.nameEn) : String(key);
  };
  const companyOf = (active: Active) => String(active.data.current?.company ?? "");
  const announcedOver = useRef<string | null>(null);
  const announcements: Announcements = {
    onDragStart: ({ active }) => {
      announcedOver.current = String(active.data.current?.stageKey ?? "");
      return t("dnd.start", { company: companyOf(active), stage: stageName(active.data.current?.stageKey) });
    },
    // Said only when the column changes, so the pick-up message is not talked over by "over its own column".
    onDragOver: ({ active, over }) => {
      const id = over ? String(over.id) : null;
      if (id === announcedOver.current) return undefined;
      announcedOver.current = id;
      return id
        ? t("dnd.over", { company: companyOf(active), stage: stageName(id) })
        : t("dnd.overNone", { company: companyOf(active) });
    },
    onDragEnd: ({ active, over }) =>
      over
        ? t("dnd.end", { company: companyOf(active), stage: stageName(over.id) })
        : t("dnd.endNone", { company: companyOf(active) }),
    onDragCancel: ({ active }) =>
      t("dnd.cancel", { company: companyOf(active), stage: stageName(active.data.current?.stageKey) }),
  };

  const settle = (id: string, busy: boolean) =>
    setPendingIds((current) => {
      const next = new Set(current);
      if (busy) next.add(id);
      else next.delete(id);
      return next;
    });

  const rollBack = (move: Pending, reason: string | null) => {
    setColumns((current) => relocate(current, move.card.id, move.from));
    focusCard(move.card.id);
    if (!reason) return;
    setStatus({
      ok: false,
      text: t("move.rolledBack", { company: move.card.company, stage: stageName(move.to.key), reason }),
    });
    // The lead may have moved elsewhere meanwhile: show where it really is now.
    router.refresh();
  };

  const saved = (move: Pending) => {
    setStatus({ ok: true, text: t("move.moved", { company: move.card.company, stage: stageName(move.to.key) }) });
    focusCard(move.card.id);
    router.refresh();
  };

  async function save(move: Pending) {
    settle(move.card.id, true);
    const answer = await moveLeadStageAction({
      leadId: move.card.id,
      fromStageKey: move.from,
      toStageKey: move.to.key,
    }).catch(() => null);
    settle(move.card.id, false);
    if (answer?.ok) return saved(move);
    if (!answer) return rollBack(move, t("move.failed"));
    if ("error" in answer) return rollBack(move, refusal(answer, t("move.forbidden")));
    rollBack(move, validation(Object.values(answer.fieldErrors)[0] ?? "invalid"));
  }

  function requestMove(card: BoardCard, toStageKey: string) {
    const to = columns.find((column) => column.key === toStageKey);
    if (!to || card.stageKey === toStageKey || pendingIds.has(card.id) || dialog) return;
    const move = { card, from: card.stageKey, to };
    setStatus(undefined);
    setColumns((current) => relocate(current, card.id, toStageKey));
    if (to.category === "OPEN") void save(move);
    else setDialog(move);
  }

  const onDragStart = ({ active, activatorEvent }: DragStartEvent) => {
    const card = findCard(columns, String(active.id)) ?? null;
    setDragged(card);
    keyboard.reset(activatorEvent instanceof KeyboardEvent && card ? card.stageKey : null);
  };
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    keyboard.reset();
    setDragged(null);
    const card = findCard(columns, String(active.id));
    if (card && over) requestMove(card, String(over.id));
  };

  return (
    <>
      <p className={status?.ok ? "form-ok" : "form-alert"} role="status" aria-live="polite">
        {status?.text}
      </p>
      <DndContext
        id="pipeline-board"
        sensors={sensors}
        collisionDetection={keyboard.collisionDetection}
        measuring={{ droppable: { strategy: MeasuringStrategy.Always } }}
        accessibility={{ announcements, screenReaderInstructions: { draggable: t("dnd.instructions") } }}
        onDragStart={onDragStart}
        onDragOver={({ over, activatorEvent }) => {
          if (over && activatorEvent instanceof KeyboardEvent)
            document.getElementById(`stage-${over.id}`)?.scrollIntoView({ block: "nearest", inline: "nearest" });
        }}
        onDragEnd={onDragEnd}
        onDragCancel={() => {
          keyboard.reset();
          setDragged(null);
        }}
      >
        <div className={styles.board} data-testid="pipeline-board">
          {columns.map((column) => (
            <BoardColumn
              key={column.key}
              column={column}
              stages={columns}
              inboxQuery={inboxQuery}
              pendingIds={pendingIds}
              onMove={requestMove}
            />
          ))}
        </div>
        <DragOverlay dropAnimation={null}>
          {dragged && (
            <article className={`${styles.card} ${styles.overlay}`}>
              <h3 className={styles.company}>{dragged.company}</h3>
              <LeadCardBody card={dragged} />
            </article>
          )}
        </DragOverlay>
      </DndContext>
      {dialog && (
        <StageMoveDialog
          leadId={dialog.card.id}
          leadLabel={dialog.card.company}
          fromStageKey={dialog.from}
          toStage={dialog.to}
          lostReasons={lostReasons}
          onDone={() => {
            setDialog(null);
            saved(dialog);
          }}
          onCancel={() => {
            setDialog(null);
            rollBack(dialog, null);
          }}
          onRefused={(reason) => {
            setDialog(null);
            rollBack(dialog, reason);
          }}
        />
      )}
    </>
  );
}
