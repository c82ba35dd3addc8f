import { describe, expect, it } from "vitest";
import { bodyRefusal, readJsonBody } from "./json-body";

/** A request whose body arrives in chunks with no Content-Length, like Transfer-Encoding: chunked. */
function chunked(chunks: number, size: number, type = "application/json"): Request {
  let sent = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent++ < chunks) controller.enqueue(new Uint8Array(size).fill(0x20));
      else controller.close();
    },
  });
  return new Request("http://localhost/api/inquiries", {
    method: "POST",
    body,
    headers: { "content-type": type },
    duplex: "half",
  } as RequestInit);
}

describe("readJsonBody and its refusals", () => {
  it("answers a body over the cap with 413 and closes the connection, the rest unread", async () => {
    const read = await readJsonBody(chunked(1_000, 4_096));
    expect(read).toMatchObject({ ok: false, status: 413, unread: true });
    const answer = bodyRefusal(read as Extract<typeof read, { ok: false }>);
    expect(answer.status).toBe(413);
    expect(answer.headers.get("connection")).toBe("close");
    expect(await answer.json()).toEqual({ errors: { body: "Body over 16384 bytes" } });
  });

  it("closes the connection on a wrong content type, whose body is never read", async () => {
    const read = await readJsonBody(chunked(3, 10, "text/plain"));
    expect(read).toMatchObject({ ok: false, status: 415, unread: true });
    expect(bodyRefusal(read as Extract<typeof read, { ok: false }>).headers.get("connection")).toBe("close");
  });

  it("keeps the connection after a body read to its end, even when it is not JSON", async () => {
    const read = await readJsonBody(chunked(2, 10));
    expect(read).toMatchObject({ ok: false, status: 400, unread: false });
    expect(bodyRefusal(read as Extract<typeof read, { ok: false }>).headers.get("connection")).toBeNull();
  });
});
