"use server";
import { defineAction } from "../../actions/define-action";
import { createBuilding, deleteBuilding, updateBuilding } from "./mutations";
import { addFloorUnits, createUnit, deleteUnit, setUnitAvailability, updateUnit } from "./unit-mutations";

/** The register shows on its building's page, on the 租控表 and in every listing that offers its units. */
const buildingPages = (result: { buildingId?: string; id?: string }) => [
  `/crm/inventory/buildings/${result.buildingId ?? result.id}`,
  "/crm/inventory",
  { layout: "/crm/listings" },
  { layout: "/listings" },
];

export const createBuildingAction = defineAction({
  run: (input: unknown, { db, viewer }) => createBuilding(db, viewer, input),
  revalidate: (result) => buildingPages(result),
});

export const updateBuildingAction = defineAction({
  run: (input: unknown, { db, viewer }) => updateBuilding(db, viewer, input),
  revalidate: (result) => buildingPages(result),
});

export const deleteBuildingAction = defineAction({
  run: (input: unknown, { db, viewer }) => deleteBuilding(db, viewer, input),
  revalidate: ["/crm/inventory"],
});

export const createUnitAction = defineAction({
  run: (input: unknown, { db, viewer }) => createUnit(db, viewer, input),
  revalidate: (result) => buildingPages(result),
});

export const addFloorUnitsAction = defineAction({
  run: (input: unknown, { db, viewer }) => addFloorUnits(db, viewer, input),
  revalidate: (result) => buildingPages(result),
});

export const updateUnitAction = defineAction({
  run: (input: unknown, { db, viewer }) => updateUnit(db, viewer, input),
  revalidate: (result) => buildingPages(result),
});

export const deleteUnitAction = defineAction({
  run: (input: unknown, { db, viewer }) => deleteUnit(db, viewer, input),
  revalidate: (result) => buildingPages(result),
});

export const setUnitAvailabilityAction = defineAction({
  run: (input: unknown, { db, viewer }) => setUnitAvailability(db, viewer, input),
  revalidate: (result) => buildingPages(result),
});
