/*
 * A nudge to this instance's worker that something is due now (an inquiry was stored, a test was
 * asked for), so it need not wait for its next poll. Only a shortcut: the worker finds everything
 * by polling the database too, so another instance's events are delivered all the same.
 */
const listeners = new Set<() => void>();

export function wakeWorker(): void {
  for (const listener of listeners) listener();
}

export function onWake(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
