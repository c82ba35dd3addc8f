import { z } from "zod";

/** The sign-in form; messages are i18n keys under validation.* */
export const signInSchema = z.object({
  email: z.string().trim().toLowerCase().min(1, "required").max(254, "tooLong:254").email("email"),
  password: z.string().min(1, "required").max(200, "tooLong:200"),
});

export type SignIn = z.infer<typeof signInSchema>;

export const ROLES = ["STAFF", "MANAGER", "ADMIN"] as const;
export type Role = (typeof ROLES)[number];
