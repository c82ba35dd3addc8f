import { z } from "zod";
import { existingId, text } from "../forms/fields";
import { ROLES } from "../auth/schema";

export const MIN_PASSWORD_LENGTH = 10;

const password = z.string().min(MIN_PASSWORD_LENGTH, `tooShort:${MIN_PASSWORD_LENGTH}`).max(200, "tooLong:200");

/** Creating a workspace user (the admin's "invite"): the password is handed over once, out of band. */
export const newUserSchema = z.object({
  email: z.string().trim().toLowerCase().min(1, "required").max(254, "tooLong:254").email("email"),
  name: text({ max: 60 }),
  role: z.enum(ROLES, "required"),
  password,
});
export type NewUser = z.infer<typeof newUserSchema>;

export const userRoleSchema = z.object({ userId: existingId, role: z.enum(ROLES, "required") });
export const userActiveSchema = z.object({ userId: existingId, active: z.boolean() });
export const userIdSchema = z.object({ userId: existingId });
/** Away (leave, travel): round-robin assignment skips the user until they are back. */
export const userAwaySchema = z.object({ userId: existingId, away: z.boolean({ error: "invalid" }) });
