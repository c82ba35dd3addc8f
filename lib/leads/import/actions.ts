"use server";
import { defineAction } from "../../actions/define-action";
import { leadPagesOf } from "../refresh";
import {
  cancelImport,
  confirmImportMapping,
  decideImportRows,
  dropImportFile,
  startImport,
  uploadImport,
} from "./mutations";
import { undoImport } from "./undo";

/*
 * The import pages' actions; who may do what, and what is accepted, is decided in mutations.ts and
 * undo.ts.
 */

const IMPORTS = "/crm/leads/import";
const jobPages = (result: { jobId: string }) => [IMPORTS, `${IMPORTS}/${result.jobId}`];

const upload = defineAction({
  run: (input: FormData, { db, viewer }) => uploadImport(db, viewer, { file: input.get("file") ?? undefined }),
  revalidate: [IMPORTS],
});

/** The upload form's action (useActionState): the file under "file". */
export async function uploadImportAction(_previous: unknown, form: FormData) {
  return upload(form);
}

export const confirmImportMappingAction = defineAction({
  run: (input: unknown, { db, viewer }) => confirmImportMapping(db, viewer, input),
  revalidate: jobPages,
});

export const decideImportRowsAction = defineAction({
  run: (input: unknown, { db, viewer }) => decideImportRows(db, viewer, input),
  revalidate: jobPages,
});

export const startImportAction = defineAction({
  run: (input: unknown, { db, viewer }) => startImport(db, viewer, input),
  revalidate: jobPages,
});

export const cancelImportAction = defineAction({
  run: (input: unknown, { db, viewer }) => cancelImport(db, viewer, input),
  revalidate: jobPages,
});

export const dropImportFileAction = defineAction({
  run: (input: unknown, { db, viewer }) => dropImportFile(db, viewer, input),
  revalidate: jobPages,
});

export const undoImportAction = defineAction({
  run: (input: unknown, { db, viewer }) => undoImport(db, viewer, input),
  revalidate: (result, input) => [...jobPages(result), ...leadPagesOf([])(result, input)],
});
