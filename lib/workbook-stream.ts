import "server-only";
import { once } from "node:events";
import { PassThrough } from "node:stream";
import { logEvent } from "./log";

/*
 * An .xlsx written by exceljs's streaming writer as a download: the 台账/储备库 workbooks and the
 * inbox export share it. The writer commits each row into `out`; the zip is read only when the
 * reader asks (pull), so a slow download holds the writer back instead of piling the file up in
 * memory, and a failure half-way aborts the download rather than truncating it.
 */

/** Stops when the reader went away; otherwise resolves once the reader has caught up. */
export async function caughtUp(out: PassThrough): Promise<void> {
  if (!out.writableNeedDrain || out.destroyed) return;
  const settled = new AbortController();
  try {
    await Promise.race([
      once(out, "drain", { signal: settled.signal }),
      once(out, "close", { signal: settled.signal }),
    ]);
  } finally {
    settled.abort();
  }
}

/** `write` fills `out`; a failure is logged as `failed` (with `details`) and ends the download with an error. */
export function workbookStream(
  write: (out: PassThrough) => Promise<void>,
  failure: { event: string; details?: Record<string, unknown>; onCancel?: () => Promise<unknown> },
): ReadableStream<Uint8Array> {
  const out = new PassThrough();
  write(out).catch((error: unknown) => {
    logEvent(failure.event, { ...failure.details, error: error instanceof Error ? error.message : String(error) });
    out.destroy(error instanceof Error ? error : new Error(String(error)));
  });
  const chunks = out[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await chunks.next();
      if (next.done) controller.close();
      else controller.enqueue(next.value as Buffer);
    },
    async cancel() {
      await chunks.return?.();
      await failure.onCancel?.();
    },
  });
}
