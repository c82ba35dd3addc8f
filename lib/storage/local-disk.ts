import { randomBytes } from "node:crypto";
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { assertStorageKey, InvalidStorageKey, MEDIA_PATH, type Storage } from "./storage";

interface Meta {
  contentType: string;
}

/**
 * Files under one folder on this machine's disk, each beside a small "<file>.meta" holding its
 * content type. Writes go to a temporary name first, so a reader never sees half a file.
 * Several app instances need that folder shared (a network volume) or an S3-compatible store.
 */
export function localDiskStorage(root: string): Storage {
  const base = path.resolve(root);

  /** The file of a key; refuses anything that would land outside the folder, whatever the key. */
  function fileOf(key: string): string {
    assertStorageKey(key);
    const file = path.resolve(base, key);
    if (!file.startsWith(base + path.sep)) throw new InvalidStorageKey(key);
    return file;
  }

  async function writeAtomically(file: string, data: Uint8Array | string) {
    const temporary = `${file}.${randomBytes(6).toString("hex")}.tmp`;
    try {
      await writeFile(temporary, data, { flag: "wx" });
      await rename(temporary, file);
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
  }

  return {
    async put(key, bytes, contentType) {
      const file = fileOf(key);
      await mkdir(path.dirname(file), { recursive: true });
      await writeAtomically(file, bytes);
      // The meta file last: until it exists the key reads as missing.
      await writeAtomically(`${file}.meta`, JSON.stringify({ contentType } satisfies Meta));
    },

    async get(key) {
      const file = fileOf(key);
      try {
        const meta = JSON.parse(await readFile(`${file}.meta`, "utf8")) as Meta;
        const bytes = new Uint8Array(await readFile(file));
        return { bytes, contentType: meta.contentType };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
        throw error;
      }
    },

    async delete(key) {
      const file = fileOf(key);
      await rm(`${file}.meta`, { force: true });
      await rm(file, { force: true });
    },

    urlFor(key) {
      assertStorageKey(key);
      return `${MEDIA_PATH}/${key}`;
    },
  };
}
