import { AccessDenied } from "@/lib/auth/access";
import { getViewer } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { withDatabaseErrors } from "@/lib/http/route";
import { contentDisposition } from "@/lib/projects/evidence/schema";
import { evidenceFile } from "@/lib/projects/evidence/queries";
import { getStorage } from "@/lib/storage";

function plain(status: number, body: string): Response {
  return new Response(body, {
    status,
    headers: {
      "Content-Type": "text/plain; charset=utf-8",
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}

/**
 * GET: a project's evidence file, for whoever may see the project (else 404, as for a file that is not there).
 * Saved as an attachment under its own name; `?inline=1` shows a photo in the page instead. Nothing in a file
 * may run: nosniff, and a sandbox when opened directly.
 */
async function downloadEvidence(request: Request, { params }: { params: Promise<{ id: string; evidenceId: string }> }) {
  const [{ id, evidenceId }, viewer] = await Promise.all([params, getViewer()]);
  if (!viewer) return plain(401, "Sign in first");
  try {
    const file = await evidenceFile(await getDb(), viewer, id, evidenceId, getStorage());
    if (!file) return plain(404, "Not found");
    const inline = file.kind === "PHOTO" && new URL(request.url).searchParams.get("inline") === "1";
    return new Response(Buffer.from(file.bytes), {
      headers: {
        "Content-Type": file.contentType,
        "Content-Length": String(file.bytes.byteLength),
        "Content-Disposition": contentDisposition(inline ? "inline" : "attachment", file.fileName),
        "Cache-Control": "private, no-store",
        "X-Content-Type-Options": "nosniff",
        "Content-Security-Policy": "default-src 'none'; sandbox",
      },
    });
  } catch (error) {
    if (error instanceof AccessDenied) return plain(403, "Forbidden");
    throw error;
  }
}

export const GET = withDatabaseErrors("projects.evidence.download", downloadEvidence, { plain: true });
