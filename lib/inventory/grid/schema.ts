import { z } from "zod";
import type { ListingKind } from "../../db/generated/enums";
import { decimal } from "../../forms/fields";
import { UNIT_STATUSES } from "../types";

/*
 * The 租控表's view as it lives in the URL (/crm/inventory?park=…&kind=…&minArea=…&status=…&status=…):
 * the park (its slug, or its id), the buildings' kind, a unit's area range in m² and any of the unit
 * statuses. The filter form is a GET form of the same names; a bad value is dropped on its own and named
 * back, so a mistyped link still shows the grid.
 */

/** A building's kind, the listing kinds' words (the catalogue's filter names them alike). */
export const BUILDING_KINDS = ["FACTORY", "OFFICE", "LAND"] as const satisfies readonly ListingKind[];
export type BuildingKind = (typeof BUILDING_KINDS)[number];

/** A unit's area bound in m²: the largest a numeric(14,2) holds is far beyond any park. */
const areaBound = decimal({ max: 100_000_000, decimals: 2 });

export const inventoryFilterSchema = z.strictObject({
  kind: z.enum(BUILDING_KINDS, "invalid").optional(),
  minArea: areaBound.optional(),
  maxArea: areaBound.optional(),
  status: z.array(z.enum(UNIT_STATUSES, "invalid")).max(UNIT_STATUSES.length, "invalid").optional(),
});
export type InventoryFilter = z.output<typeof inventoryFilterSchema>;

/** A park as the URL names it: its slug, or its id. */
const parkRef = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_-]{1,60}$/);

export type InventoryParam = "park" | keyof InventoryFilter;

/** Reads the page's URL; each invalid parameter is left out and named in `invalid`. */
export function parseInventoryParams(params: Record<string, string | string[] | undefined>): {
  park: string | undefined;
  filter: InventoryFilter;
  invalid: InventoryParam[];
} {
  const invalid: InventoryParam[] = [];
  const values = (name: string) =>
    [params[name] ?? []]
      .flat()
      .map((value) => value.trim())
      .filter(Boolean);
  const one = <T>(name: InventoryParam, schema: z.ZodType<T>): T | undefined => {
    const [value] = values(name);
    if (value === undefined) return undefined;
    const parsed = schema.safeParse(value);
    if (!parsed.success) invalid.push(name);
    return parsed.success ? parsed.data : undefined;
  };
  const shape = inventoryFilterSchema.shape;
  const park = one("park", parkRef);
  const filter: InventoryFilter = {
    kind: one("kind", shape.kind.unwrap()),
    minArea: one("minArea", shape.minArea.unwrap()),
    maxArea: one("maxArea", shape.maxArea.unwrap()),
  };
  const statuses = values("status");
  if (statuses.length > 0) {
    const parsed = shape.status.unwrap().safeParse([...new Set(statuses)]);
    if (parsed.success) filter.status = parsed.data;
    else invalid.push("status");
  }
  if (filter.minArea !== undefined && filter.maxArea !== undefined && Number(filter.minArea) > Number(filter.maxArea)) {
    invalid.push("maxArea");
    filter.maxArea = undefined;
  }
  for (const key of Object.keys(filter) as (keyof InventoryFilter)[]) if (filter[key] === undefined) delete filter[key];
  return { park, filter, invalid };
}

/** Whether the view narrows the units shown (the kind only narrows the buildings). */
export function narrowsUnits(filter: InventoryFilter): boolean {
  return filter.minArea !== undefined || filter.maxArea !== undefined || (filter.status?.length ?? 0) > 0;
}

/** The grid's URL for a park and filter, with only the parameters that say something. */
export function inventoryHref(park: string | undefined, filter: InventoryFilter): string {
  const params = new URLSearchParams();
  if (park) params.set("park", park);
  if (filter.kind) params.set("kind", filter.kind);
  if (filter.minArea !== undefined) params.set("minArea", filter.minArea);
  if (filter.maxArea !== undefined) params.set("maxArea", filter.maxArea);
  for (const status of filter.status ?? []) params.append("status", status);
  const query = params.toString();
  return query ? `/crm/inventory?${query}` : "/crm/inventory";
}
