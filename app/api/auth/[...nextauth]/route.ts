import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/options";

type Context = { params: Promise<{ nextauth: string[] }> };

// The options are awaited per request because the signing secret may live in the database.
async function handler(request: Request, context: Context) {
  return NextAuth(await authOptions())(request, context);
}

export { handler as GET, handler as POST };
