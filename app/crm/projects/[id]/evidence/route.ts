import { AccessDenied } from "@/lib/auth/access";
import { getViewer } from "@/lib/auth/session";
import { refreshPaths } from "@/lib/actions/define-action";
import { getDb } from "@/lib/db/client";
import { withDatabaseErrors } from "@/lib/http/route";
import { formText, fromAnotherSite, uploadAnswer } from "@/lib/http/upload";
import { addEvidence } from "@/lib/projects/evidence/mutations";
import { MAX_EVIDENCE_BYTES, MAX_EVIDENCE_MB } from "@/lib/projects/evidence/schema";
import { getStorage } from "@/lib/storage";

/** Room for the multipart envelope and the note around a file at the size limit. */
const MAX_BODY_BYTES = MAX_EVIDENCE_BYTES + 64 * 1024;

/**
 * POST multipart/form-data (file, note, milestoneKind): one piece of evidence for the project. A route
 * handler because server actions stop at 1 MB; lib/projects/evidence decides who may add what.
 */
async function uploadEvidence(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (fromAnotherSite(request)) return uploadAnswer(403, { ok: false, error: "forbidden" });
  const viewer = await getViewer();
  if (!viewer) return uploadAnswer(401, { ok: false, error: "forbidden" });
  if (Number(request.headers.get("content-length") ?? 0) > MAX_BODY_BYTES) {
    return uploadAnswer(413, { ok: false, fieldErrors: { file: `evidenceSize:${MAX_EVIDENCE_MB}` } });
  }
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return uploadAnswer(400, { ok: false, fieldErrors: { note: "evidenceEmpty" } });
  }
  const file = form.get("file");
  const input = {
    projectId: id,
    milestoneKind: formText(form.get("milestoneKind")),
    note: formText(form.get("note")),
    file: file instanceof Blob ? file : undefined,
  };
  try {
    const result = await addEvidence(await getDb(), viewer, input, getStorage());
    if (!result.ok) return uploadAnswer(result.fieldErrors.projectId === "notFound" ? 404 : 422, result);
    refreshPaths([`/crm/projects/${id}`]);
    return uploadAnswer(201, result);
  } catch (error) {
    if (error instanceof AccessDenied) return uploadAnswer(403, { ok: false, error: "forbidden" });
    throw error;
  }
}

export const POST = withDatabaseErrors("projects.evidence.upload", uploadEvidence);
