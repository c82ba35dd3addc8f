import "server-only";
import type { AuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getDb } from "../db/client";
import { noteIfDatabaseUnavailable } from "../db/outage";
import { clientIp } from "../http/client-ip";
import { logEvent } from "../log";
import { authenticate } from "./authenticate";
import { signInSchema, type Role } from "./schema";
import { serverSecret } from "./secret";
import { endSessions } from "./sign-out";

export const SESSION_HOURS = 12;

/**
 * Why a sign-in failed, as next-auth hands it back to the form: "invalid", "inactive", "throttled:<seconds>" or
 * "unavailable" (the database).
 */
export type SignInError = string;

let options: Promise<AuthOptions> | undefined;

/** next-auth's configuration, built once per process. */
export function authOptions(): Promise<AuthOptions> {
  options ??= (async () => ({
    secret: serverSecret(),
    session: { strategy: "jwt", maxAge: SESSION_HOURS * 3600 },
    pages: { signIn: "/login" },
    providers: [
      CredentialsProvider({
        credentials: { email: { type: "email" }, password: { type: "password" } },
        async authorize(credentials, request) {
          const parsed = signInSchema.safeParse(credentials);
          if (!parsed.success) throw new Error("invalid");
          const headers = new Headers(request.headers as Record<string, string>);
          // next-auth hands the thrown message to the form; a raw driver error would read as a crash.
          const result = await getDb()
            .then((db) => authenticate(db, parsed.data.email, parsed.data.password, clientIp(headers)))
            .catch((error) => {
              throw noteIfDatabaseUnavailable(error, "auth.sign_in") ? new Error("unavailable") : error;
            });
          if (!result.ok)
            throw new Error(result.reason === "throttled" ? `throttled:${result.retryAfterSeconds}` : result.reason);
          return {
            id: result.user.id,
            email: result.user.email,
            name: result.user.name,
            role: result.user.role,
            sessionVersion: result.user.sessionVersion,
          };
        },
      }),
    ],
    events: {
      async signOut({ token }) {
        if (await endSessions(await getDb(), token)) logEvent("auth.signed_out", { user: token.sub });
      },
    },
    callbacks: {
      jwt({ token, user }) {
        if (user) {
          const signedIn = user as typeof user & { role: Role; sessionVersion: number };
          token.sub = signedIn.id;
          token.role = signedIn.role;
          token.sessionVersion = signedIn.sessionVersion;
        }
        return token;
      },
      session({ session, token }) {
        return { ...session, userId: token.sub, sessionVersion: token.sessionVersion };
      },
    },
  }))();
  options.catch(() => {
    options = undefined;
  });
  return options;
}
