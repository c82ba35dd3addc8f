import { z } from "zod";
import { ROLES } from "../auth/schema";

export const MIN_PASSWORD_LENGTH = 10;

const password = z.string().min(MIN_PASSWORD_LENGTH, `tooShort:${MIN_PASSWORD_LENGTH}`).max(200, "tooLong:200");

/** Creating a workspace user (the admin's "invite"): the password is handed over once, out of band. */
export const newUserSchema = z.object({
  email: z.string().trim().toLowerCase().min(1, "required").max(254, "tooLong:254").email("email"),
  name: z.string().trim().min(1, "required").max(60, "tooLong:60"),
  role: z.enum(ROLES, "required"),
  password,
});
export type NewUser = z.infer<typeof newUserSchema>;

export const userRoleSchema = z.object({ userId: z.string().min(1).max(40), role: z.enum(ROLES, "required") });
export const userActiveSchema = z.object({ userId: z.string().min(1).max(40), active: z.boolean() });
export const userIdSchema = z.object({ userId: z.string().min(1).max(40) });
/** Away (leave, travel): round-robin assignment skips the user until they are back. */
export const userAwaySchema = z.object({ userId: z.string().min(1).max(40), away: z.boolean({ error: "invalid" }) });
