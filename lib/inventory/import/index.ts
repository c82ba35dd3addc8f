import "server-only";

/*
 * The units kind of the importer (lib/leads/import runs every kind's jobs): its column recognition,
 * the remembered mapping, and its part of the analysis, writing and undo steps.
 */
export { recogniseUnitColumns, rememberedUnitMapping, rememberUnitMapping, UNIT_MAPPING_SETTING_KEY } from "./columns";
export { headerKey, importColumns } from "./mapping";
export type { ImportColumnsKind } from "./mapping";
export { analyseUnitRows, applyUnitRows, undoUnitRows, unitKeyOf } from "./steps";
export type { UnitAnalysisJob, UnitOutcome, UnitPendingRow } from "./steps";
