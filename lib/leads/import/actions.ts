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

/*
 * A park's buildings and units (ImportJob kind UNITS): the same steps for managers and admins, on
 * the inventory's import pages.
 */
const UNIT_IMPORTS = "/crm/inventory/import";
const unitJobPages = (result: { jobId: string }) => [UNIT_IMPORTS, `${UNIT_IMPORTS}/${result.jobId}`];

const uploadUnits = defineAction({
  run: (input: FormData, { db, viewer }) =>
    uploadImport(
      db,
      viewer,
      { file: input.get("file") ?? undefined, parkId: input.get("parkId") ?? undefined },
      "UNITS",
    ),
  revalidate: [UNIT_IMPORTS],
});

/** The units upload form's action (useActionState): the file under "file", the park under "parkId". */
export async function uploadUnitImportAction(_previous: unknown, form: FormData) {
  return uploadUnits(form);
}

export const confirmUnitImportMappingAction = defineAction({
  run: (input: unknown, { db, viewer }) => confirmImportMapping(db, viewer, input, "UNITS"),
  revalidate: unitJobPages,
});

export const decideUnitImportRowsAction = defineAction({
  run: (input: unknown, { db, viewer }) => decideImportRows(db, viewer, input, "UNITS"),
  revalidate: unitJobPages,
});

export const startUnitImportAction = defineAction({
  run: (input: unknown, { db, viewer }) => startImport(db, viewer, input, "UNITS"),
  revalidate: unitJobPages,
});

export const cancelUnitImportAction = defineAction({
  run: (input: unknown, { db, viewer }) => cancelImport(db, viewer, input, "UNITS"),
  revalidate: unitJobPages,
});

export const dropUnitImportFileAction = defineAction({
  run: (input: unknown, { db, viewer }) => dropImportFile(db, viewer, input, "UNITS"),
  revalidate: unitJobPages,
});

export const undoUnitImportAction = defineAction({
  run: (input: unknown, { db, viewer }) => undoImport(db, viewer, input, new Date(), "UNITS"),
  revalidate: (result) => [...unitJobPages(result), { layout: "/crm/inventory" }],
});
