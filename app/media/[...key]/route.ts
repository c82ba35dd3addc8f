import { getStorage } from "@/lib/storage";
import { isStorageKey } from "@/lib/storage/storage";

/**
 * Serves listing photos with the content type they were stored with. Keys are
 * random and never reused, so browsers and CDNs may keep a file forever; nosniff stops a browser
 * from guessing another type than the stored one.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ key: string[] }> }) {
  const key = (await params).key.join("/");
  // Listing photos only: a project's evidence is served by its own scoped route, never here.
  const stored = isStorageKey(key) && key.startsWith("listings/") ? await getStorage().get(key) : null;
  if (!stored) {
    return new Response("Not found", {
      status: 404,
      headers: {
        "Content-Type": "text/plain; charset=utf-8",
        "Cache-Control": "no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  }
  return new Response(Buffer.from(stored.bytes), {
    headers: {
      "Content-Type": stored.contentType,
      "Content-Length": String(stored.bytes.byteLength),
      "Cache-Control": "public, max-age=31536000, immutable",
      "X-Content-Type-Options": "nosniff",
      // Opened directly, an upload is only ever an image: nothing in it may run or load.
      "Content-Security-Policy": "default-src 'none'; sandbox",
    },
  });
}
