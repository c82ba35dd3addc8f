import { z } from "zod";

/** The admin's confirmation, ticked in the dialog that says what will go. */
export const removeDemoSchema = z.strictObject({ confirm: z.literal(true, "required") });
export type RemoveDemo = z.infer<typeof removeDemoSchema>;
