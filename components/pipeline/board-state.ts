import type { BoardCard, BoardColumn } from "@/lib/pipeline/queries";

/**
 * The board with one card moved to another column (newest first, as the server orders them),
 * counts adjusted. A capped count ("1000+") is left alone: one card more or less does not change it.
 */
export function relocate(columns: BoardColumn[], cardId: string, toStageKey: string): BoardColumn[] {
  const card = columns.flatMap((column) => column.cards).find((candidate) => candidate.id === cardId);
  if (!card || card.stageKey === toStageKey) return columns;
  const moved: BoardCard = { ...card, stageKey: toStageKey };
  return columns.map((column) => {
    if (column.key === card.stageKey) {
      return {
        ...column,
        cards: column.cards.filter((other) => other.id !== cardId),
        count: column.countCapped ? column.count : Math.max(0, column.count - 1),
      };
    }
    if (column.key === toStageKey) {
      const cards = [...column.cards, moved].sort(
        (a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : -1),
      );
      return { ...column, cards, count: column.countCapped ? column.count : column.count + 1 };
    }
    return column;
  });
}

export function findCard(columns: BoardColumn[], cardId: string): BoardCard | undefined {
  return columns.flatMap((column) => column.cards).find((card) => card.id === cardId);
}

/** Puts keyboard focus back on a card's drag handle once it has re-rendered in its (new) column. */
export function focusCard(cardId: string): void {
  requestAnimationFrame(() =>
    document.querySelector<HTMLElement>(`[data-drag-handle="${CSS.escape(cardId)}"]`)?.focus(),
  );
}
