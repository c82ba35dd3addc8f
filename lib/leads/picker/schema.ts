import { z } from "zod";
import { queryText } from "../../forms/fields";

/** The lead picker's search box (holding units for a lead from the 租控表): blank lists the viewer's own leads. */
export const pickLeadSchema = z.strictObject({ q: queryText(100).optional() });
export type PickLeadInput = z.input<typeof pickLeadSchema>;

export const PICKED_LEADS = 10;
