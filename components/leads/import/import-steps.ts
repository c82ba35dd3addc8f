import {
  cancelImportAction,
  cancelUnitImportAction,
  confirmImportMappingAction,
  confirmUnitImportMappingAction,
  decideImportRowsAction,
  decideUnitImportRowsAction,
  dropImportFileAction,
  dropUnitImportFileAction,
  startImportAction,
  startUnitImportAction,
  undoImportAction,
  undoUnitImportAction,
  uploadImportAction,
  uploadUnitImportAction,
} from "@/lib/leads/import/actions";
import type { ImportKind } from "@/lib/leads/import/schema";

/** The actions and pages of each kind of import: the import components serve leads and a park's units alike. */
export const IMPORT_STEPS = {
  LEADS: {
    pages: "/crm/leads/import",
    upload: uploadImportAction,
    confirmMapping: confirmImportMappingAction,
    decide: decideImportRowsAction,
    start: startImportAction,
    cancel: cancelImportAction,
    dropFile: dropImportFileAction,
    undo: undoImportAction,
  },
  UNITS: {
    pages: "/crm/inventory/import",
    upload: uploadUnitImportAction,
    confirmMapping: confirmUnitImportMappingAction,
    decide: decideUnitImportRowsAction,
    start: startUnitImportAction,
    cancel: cancelUnitImportAction,
    dropFile: dropUnitImportFileAction,
    undo: undoUnitImportAction,
  },
} satisfies Record<ImportKind, unknown>;
