import type { Messages } from "../messages";

export const unitImportEn: Messages["unitImport"] = {
  title: "Import buildings and units",
  link: "Import a unit sheet",
  back: "Back to inventory",
  forbidden: "Only managers and admins can import buildings and units",
  help: {
    title: "How to import",
    formats:
      "Excel (.xlsx) and CSV files up to 10 MB; a CSV saved by Excel on Chinese Windows (GBK) and a sheet " +
      "with a title block above its header work as they are.",
    columns:
      "Each row is one unit: building, floor, unit number and area (m² or mu) are required; kind " +
      "(factory/office/land), floor height, floor load, power, structure, storeys, completion year, " +
      "property term, price or rent, floor price and status (vacant/unavailable) are optional. Buildings " +
      "are matched by name within the park; a new one takes its first row's building details.",
    status:
      "Status accepts only “vacant” and “unavailable”: held, signed and occupied come from leads (a hold, " +
      "a signing, a move-in), so rows saying so are refused with the reason; record those on the lead.",
    preview:
      "Nothing is written before you confirm the preview: an existing unit (same building, same number) " +
      "gets its area, prices and details updated; a held, signed or occupied unit keeps its status.",
    undo:
      "For a day after it finishes an import can be undone as a whole: new units nobody has touched since, " +
      "and the buildings it created that are left empty, are deleted; updated units get their values back.",
  },
  upload: {
    title: "Upload a unit sheet",
    park: "Into park",
    parkPlaceholder: "Choose a park",
    noParks: "There is no park yet: create one under Parks first.",
  },
  list: {
    title: "Imports",
    empty: "No unit sheet has been imported yet.",
    label: "Imports of buildings and units",
    park: "Park",
  },
  mapping: {
    fields: {
      building: "Building",
      floor: "Floor",
      number: "Unit number",
      area: "Area",
      areaMu: "Area (mu)",
      areaSqm: "Area (m²)",
      kind: "Kind",
      floorHeight: "Floor height (m)",
      floorLoad: "Floor load (kg/m²)",
      power: "Power (kVA)",
      structure: "Structure",
      storeys: "Storeys",
      completionYear: "Completion year",
      propertyTerm: "Property term (years)",
      listPrice: "Price",
      rent: "Rent",
      priceUnit: "Price unit",
      floorPrice: "Floor price",
      status: "Status",
    },
  },
  preview: {
    building: "Building",
    floor: "Floor",
    number: "Unit",
    area: "Area",
    kind: "Kind",
    price: "Price",
    status: "Status",
    matched: "Existing unit",
    matchedUnit: "{building} {number} ({status})",
    repeat: "The same unit as row {row}",
    mergeNeedsMatch: "No existing unit to update",
  },
  cancelConfirm: "Cancel this import? The uploaded file is deleted and no building or unit is written.",
  cancelledText: "This import was cancelled: no building or unit was written and the uploaded file was deleted.",
  summary: {
    counts: "{created} units created, {merged} updated, {skipped} rows skipped, {failed} failed.",
    grid: "Open the inventory",
    undoBody:
      "New units that have not been held, signed or put on a listing since are deleted, with the buildings " +
      "the import created that are left empty; updated units get back their area, prices and status.",
    undoneAt: "This import was undone on {when}.",
  },
};
