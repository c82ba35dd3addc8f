import { rm } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Viewer } from "@/lib/auth/session";
import type { OpenedDatabase } from "@/lib/db/open";
import * as downloadRoute from "@/app/crm/projects/[id]/evidence/[evidenceId]/route";
import * as uploadRoute from "@/app/crm/projects/[id]/evidence/route";
import * as mediaRoute from "@/app/media/[...key]/route";
import { addEvidence, removeEvidence } from "@/lib/projects/evidence/mutations";
import { evidenceOf } from "@/lib/projects/evidence/queries";
import { contentDisposition, MAX_EVIDENCE_BYTES } from "@/lib/projects/evidence/schema";
import { getStorage } from "@/lib/storage";
import { describeOnPostgres, openTestPglite, openTestPostgres, type TestDatabase } from "../support/databases";
import { PNG } from "../support/door-fixtures";
import { makeHoldPark, type HoldPark } from "../support/inventory-fixtures";
import { makeProject } from "../support/project-fixtures";

/*
 * Evidence (lib/projects/evidence and its two routes): a note, a photo or a PDF/Word/Excel file checked on its
 * bytes and its size, kept in the store under the project, listed and downloaded only within the viewer's
 * projects (as an attachment under its own name, RFC 5987; a photo inline on request; never sniffed), removed by
 * its uploader or a manager, nothing on a terminated project; the public media route never serves it.
 */
const session = vi.hoisted(() => {
  process.env.STORAGE_DIR = `${process.env.TMPDIR ?? "/tmp"}/parklead-evidence-${process.pid}`;
  return { viewer: null as Viewer | null, opened: undefined as OpenedDatabase | undefined };
});
vi.mock("@/lib/auth/session", async (original) => ({
  ...(await original<typeof import("@/lib/auth/session")>()),
  getViewer: async () => session.viewer,
}));
vi.mock("@/lib/db/client", () => ({
  getOpenedDatabase: async () => session.opened,
  getDb: async () => session.opened!.db,
}));
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));

const PDF = new TextEncoder().encode("%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");
/** The opening of a .docx: a ZIP package naming its content types and the Word document part. */
const DOCX = new Uint8Array([
  0x50,
  0x4b,
  0x03,
  0x04,
  ...new TextEncoder().encode("....[Content_Types].xml....word/document.xml...."),
]);
const SCRIPT = new TextEncoder().encode("<script>alert(1)</script>");

function evidenceSuite(open: () => Promise<TestDatabase>) {
  let opened: OpenedDatabase;
  let cleanup: () => Promise<void>;
  let park: HoldPark;

  beforeAll(async () => {
    ({ opened, cleanup } = await open());
    session.opened = opened;
    park = await makeHoldPark(opened.db, 0);
  });
  afterAll(async () => {
    session.opened = undefined;
    await cleanup();
  });

  const file = (bytes: Uint8Array, name: string, type = "application/octet-stream") =>
    new File([new Uint8Array(bytes)], name, { type });
  const upload = (projectId: string, fields: Record<string, string | File>) => {
    const body = new FormData();
    for (const [name, value] of Object.entries(fields)) body.set(name, value);
    return uploadRoute.POST(
      new Request(`http://localhost/crm/projects/${projectId}/evidence`, { method: "POST", body }),
      {
        params: Promise.resolve({ id: projectId }),
      },
    );
  };
  const download = (projectId: string, evidenceId: string, query = "") =>
    downloadRoute.GET(new Request(`http://localhost/crm/projects/${projectId}/evidence/${evidenceId}${query}`), {
      params: Promise.resolve({ id: projectId, evidenceId }),
    });

  it("takes a note, a photo and documents by what their bytes are, and refuses anything else", async () => {
    const db = opened.db;
    const projectId = await makeProject(db, { ownerId: park.staff.id });
    session.viewer = park.staff;
    const note = await upload(projectId, { note: "已与施工单位确认进场时间", milestoneKind: "CONSTRUCTION_START" });
    expect(note.status).toBe(201);
    // A PNG sent as "photo.jpg" with a made-up type is stored as the PNG it is.
    expect((await upload(projectId, { file: file(PNG, "photo.jpg", "image/jpeg") })).status).toBe(201);
    expect((await upload(projectId, { file: file(PDF, "施工许可证.pdf") })).status).toBe(201);
    expect((await upload(projectId, { file: file(DOCX, "进度说明") })).status).toBe(201);
    const refused = await upload(projectId, { file: file(SCRIPT, "photo.png", "image/png") });
    expect([refused.status, await refused.json()]).toEqual([422, { ok: false, fieldErrors: { file: "evidenceType" } }]);
    const empty = await upload(projectId, { note: "  " });
    expect(await empty.json()).toEqual({ ok: false, fieldErrors: { note: "evidenceEmpty" } });
    const unknownMilestone = await upload(projectId, { note: "说明", milestoneKind: "OPENING" });
    expect(await unknownMilestone.json()).toEqual({ ok: false, fieldErrors: { milestoneKind: "choice" } });

    const listed = await evidenceOf(db, park.staff, projectId);
    expect(listed.map((item) => [item.kind, item.milestoneKind, item.fileName, item.removable])).toEqual([
      ["DOCUMENT", null, "进度说明.docx", true],
      ["DOCUMENT", null, "施工许可证.pdf", true],
      ["PHOTO", null, "photo.jpg.png", true],
      ["NOTE", "CONSTRUCTION_START", null, true],
    ]);
    const stored = await db.projectEvidence.findMany({ where: { projectId, storageKey: { not: null } } });
    expect(stored.every((row) => row.storageKey!.startsWith(`projects/${projectId}/`))).toBe(true);
    expect(stored.map((row) => row.contentType).sort()).toEqual([
      "application/pdf",
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      "image/png",
    ]);
    const audit = await db.auditEntry.findMany({ where: { entityId: projectId, action: "project.evidence_add" } });
    expect(audit).toHaveLength(4);
  });

  it("refuses a file over the limit and stores nothing of it", async () => {
    const db = opened.db;
    const projectId = await makeProject(db, { ownerId: park.staff.id });
    const big = new Uint8Array(MAX_EVIDENCE_BYTES + 1);
    big.set(PDF);
    expect(await addEvidence(db, park.staff, { projectId, file: file(big, "big.pdf") }, getStorage())).toEqual({
      ok: false,
      fieldErrors: { file: "evidenceSize:5" },
    });
    expect(await db.projectEvidence.count({ where: { projectId } })).toBe(0);
  });

  it("hands a file only to those who may see the project, as an attachment under its own name", async () => {
    const db = opened.db;
    const projectId = await makeProject(db, { ownerId: park.staff.id });
    const added = await addEvidence(db, park.staff, { projectId, file: file(PDF, "施工 许可(1).pdf") }, getStorage());
    const photo = await addEvidence(db, park.staff, { projectId, file: file(PNG, "现场.png") }, getStorage());
    if (!added.ok || !photo.ok) throw new Error("not added");

    session.viewer = park.staff;
    const response = await download(projectId, added.id);
    expect(response.status).toBe(200);
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(PDF);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("content-disposition")).toBe(
      `attachment; filename="__ __(1).pdf"; filename*=UTF-8''%E6%96%BD%E5%B7%A5%20%E8%AE%B8%E5%8F%AF%281%29.pdf`,
    );
    // A photo may be shown in the page; a document never inline.
    expect((await download(projectId, photo.id, "?inline=1")).headers.get("content-disposition")).toMatch(/^inline;/);
    expect((await download(projectId, added.id, "?inline=1")).headers.get("content-disposition")).toMatch(
      /^attachment;/,
    );

    session.viewer = park.otherStaff;
    expect((await download(projectId, added.id)).status).toBe(404);
    expect(await evidenceOf(db, park.otherStaff, projectId)).toEqual([]);
    session.viewer = park.manager;
    expect((await download(projectId, added.id)).status).toBe(200);
    // Another project's address does not reach it either.
    const elsewhere = await makeProject(db, { ownerId: park.staff.id });
    expect((await download(elsewhere, added.id)).status).toBe(404);
    session.viewer = null;
    expect((await download(projectId, added.id)).status).toBe(401);

    // The public media route serves listing photos only.
    const { storageKey } = await db.projectEvidence.findUniqueOrThrow({ where: { id: added.id } });
    const media = await mediaRoute.GET(new Request(`http://localhost/media/${storageKey}`), {
      params: Promise.resolve({ key: storageKey!.split("/") }),
    });
    expect(media.status).toBe(404);
  });

  it("lets the uploader or a manager remove evidence, and nobody change a terminated project's", async () => {
    const db = opened.db;
    const projectId = await makeProject(db, { ownerId: park.staff.id });
    const byManager = await addEvidence(db, park.manager, { projectId, file: file(PDF, "批复.pdf") }, getStorage());
    const byOwner = await addEvidence(db, park.staff, { projectId, note: "已开工" }, getStorage());
    if (!byManager.ok || !byOwner.ok) throw new Error("not added");
    const { storageKey } = await db.projectEvidence.findUniqueOrThrow({ where: { id: byManager.id } });

    expect(await removeEvidence(db, park.staff, { projectId, evidenceId: byManager.id }, getStorage())).toEqual({
      ok: false,
      fieldErrors: { evidenceId: "evidenceNotYours" },
    });
    expect(await removeEvidence(db, park.otherStaff, { projectId, evidenceId: byOwner.id }, getStorage())).toEqual({
      ok: false,
      fieldErrors: { projectId: "notFound" },
    });
    expect(await removeEvidence(db, park.staff, { projectId, evidenceId: byOwner.id }, getStorage())).toEqual({
      ok: true,
      id: byOwner.id,
    });
    expect(await removeEvidence(db, park.manager, { projectId, evidenceId: byManager.id }, getStorage())).toEqual({
      ok: true,
      id: byManager.id,
    });
    expect(await getStorage().get(storageKey!)).toBeNull();
    expect(await db.auditEntry.count({ where: { entityId: projectId, action: "project.evidence_remove" } })).toBe(2);

    await db.project.update({ where: { id: projectId }, data: { status: "TERMINATED", terminatedAt: new Date() } });
    expect(await addEvidence(db, park.staff, { projectId, file: file(PDF, "x.pdf") }, getStorage())).toEqual({
      ok: false,
      fieldErrors: { projectId: "terminated" },
    });
    expect(await addEvidence(db, park.staff, { projectId, note: "补充" }, getStorage())).toEqual({
      ok: false,
      fieldErrors: { projectId: "terminated" },
    });
  });
}

describe("the Content-Disposition of an evidence file", () => {
  it("gives an ASCII name and the UTF-8 one with ' ( ) * escaped", () => {
    expect(contentDisposition("attachment", `报告 "终版"*'.xlsx`)).toBe(
      `attachment; filename="__ ____*'.xlsx"; filename*=UTF-8''%E6%8A%A5%E5%91%8A%20%22%E7%BB%88%E7%89%88%22%2A%27.xlsx`,
    );
  });
});

afterAll(async () => {
  await rm(process.env.STORAGE_DIR!, { recursive: true, force: true });
});

describe("project evidence (PGlite)", () => evidenceSuite(openTestPglite));
describeOnPostgres("project evidence (PostgreSQL)", () => evidenceSuite(() => openTestPostgres()));
