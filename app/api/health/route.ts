import { NextResponse } from "next/server";
import { checkDatabase } from "@/lib/db/health";
import { databaseUnavailableResponse } from "@/lib/http/database-unavailable";

export const dynamic = "force-dynamic";

export async function GET() {
  if (!(await checkDatabase())) return databaseUnavailableResponse({ status: "unavailable" });
  return NextResponse.json({ status: "ok" }, { headers: { "Cache-Control": "no-store" } });
}
