import { pointerWithin, rectIntersection, type CollisionDetection, type KeyboardCoordinateGetter } from "@dnd-kit/core";

/*
 * Keyboard moves on the board go column by column in stage order: the left and right arrows pick
 * the previous or next stage, whatever the columns' sizes or how far the board is scrolled. The
 * chosen column is kept here and wins collision detection while no pointer is involved; the
 * coordinates only move the dragged card's picture towards it.
 */
export function columnKeyboard(stageOrder: () => string[]) {
  let target: string | null = null;

  const coordinateGetter: KeyboardCoordinateGetter = (event, { active, context, currentCoordinates }) => {
    const step = event.code === "ArrowRight" ? 1 : event.code === "ArrowLeft" ? -1 : 0;
    if (event.code === "ArrowUp" || event.code === "ArrowDown") event.preventDefault();
    if (!step) return undefined;
    event.preventDefault();
    const order = stageOrder();
    const from = target ?? (context.active?.data.current?.stageKey as string | undefined) ?? null;
    const next = from === null ? undefined : order[order.indexOf(from) + step];
    if (!next || !active) return undefined;
    target = next;
    const rect = context.droppableRects.get(next);
    const card = context.collisionRect;
    // Nudged by a pixel when the column is not measured yet, so collision detection still runs.
    if (!rect || !card) return { x: currentCoordinates.x + step, y: currentCoordinates.y };
    return { x: rect.left + Math.max(0, (rect.width - card.width) / 2), y: Math.max(rect.top, currentCoordinates.y) };
  };

  const collisionDetection: CollisionDetection = (args) => {
    if (!args.pointerCoordinates && target) return [{ id: target }];
    const within = pointerWithin(args);
    return within.length ? within : rectIntersection(args);
  };

  return {
    coordinateGetter,
    collisionDetection,
    /** Call when a drag starts or ends: a keyboard drag starts over its own column. */
    reset(start: string | null = null) {
      target = start;
    },
  };
}
