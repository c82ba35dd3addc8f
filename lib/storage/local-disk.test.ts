import { mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { localDiskStorage } from "./local-disk";
import { InvalidStorageKey, isStorageKey, newStorageKey, type Storage } from "./storage";

describe("local disk storage", () => {
  let parent: string;
  let root: string;
  let storage: Storage;
  beforeAll(async () => {
    parent = await mkdtemp(path.join(tmpdir(), "parklead-storage-"));
    root = path.join(parent, "uploads");
    storage = localDiskStorage(root);
  });
  afterAll(async () => {
    await rm(parent, { recursive: true, force: true });
  });

  it("stores bytes with their content type, reads them back and deletes them", async () => {
    const key = newStorageKey("listings/abc123", "png");
    const bytes = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);
    await storage.put(key, bytes, "image/png");
    expect(await storage.get(key)).toEqual({ bytes, contentType: "image/png" });
    expect(storage.urlFor(key)).toBe(`/media/${key}`);
    await storage.delete(key);
    expect(await storage.get(key)).toBeNull();
    // A second delete of the same key is a no-op, so a retried clean-up does not fail.
    await expect(storage.delete(key)).resolves.toBeUndefined();
    // No temporary files left behind.
    expect(await readdir(path.join(root, "listings/abc123"))).toEqual([]);
  });

  it("reads an unknown key as missing", async () => {
    expect(await storage.get("listings/nothing/here.jpg")).toBeNull();
  });

  it("makes a different key for every upload", () => {
    const keys = new Set(Array.from({ length: 50 }, () => newStorageKey("listings/x", "jpg")));
    expect(keys.size).toBe(50);
    for (const key of keys) expect(key).toMatch(/^listings\/x\/[0-9a-f]{32}\.jpg$/);
  });

  it("refuses keys that would escape the folder or address a sidecar, on every method", async () => {
    // A file outside the storage folder that a traversal would reach.
    await writeFile(path.join(parent, "secret.txt"), "do not serve");
    const bad = [
      "../secret.txt",
      "listings/../../secret.txt",
      "/etc/passwd",
      "..",
      "listings/%2e%2e/secret.txt",
      "listings\\..\\secret.txt",
      "listings/a.jpg.meta",
      ".hidden",
      "listings//a.jpg",
      "LISTINGS/A.JPG",
      "",
    ];
    for (const key of bad) {
      expect(isStorageKey(key), key).toBe(false);
      await expect(storage.get(key), key).rejects.toBeInstanceOf(InvalidStorageKey);
      await expect(storage.put(key, new Uint8Array([1]), "image/png"), key).rejects.toBeInstanceOf(InvalidStorageKey);
      await expect(storage.delete(key), key).rejects.toBeInstanceOf(InvalidStorageKey);
      expect(() => storage.urlFor(key), key).toThrow(InvalidStorageKey);
    }
    expect(() => newStorageKey("../up", "jpg")).toThrow(InvalidStorageKey);
  });
});
