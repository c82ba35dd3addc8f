/*
 * A nudge to this instance's import runner after a confirm or a start, so the job begins now
 * rather than at the next poll. The runner polls too: a job another instance started is found all
 * the same.
 */
// On globalThis: Next evaluates a module once per route bundle; the action and the runner may sit in different ones.
const holder = globalThis as typeof globalThis & { parkleadImportWake?: Set<() => void> };
const listeners = (holder.parkleadImportWake ??= new Set());

export function wakeImportRunner(): void {
  for (const listener of listeners) listener();
}

export function onImportWake(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
