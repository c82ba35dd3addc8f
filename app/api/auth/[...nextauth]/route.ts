import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/options";
import { withDatabaseErrors } from "@/lib/http/route";

type Context = { params: Promise<{ nextauth: string[] }> };

// The options are awaited per request because the signing secret may live in the database.
// Sign-in itself reports the database being down through authorize() ("unavailable", which the
// form shows); this wrapper covers the rest — a session read, signing out — with the common 503.
const handler = withDatabaseErrors("auth", async (request: Request, context: Context): Promise<Response> => {
  return NextAuth(await authOptions())(request, context);
});

export { handler as GET, handler as POST };
