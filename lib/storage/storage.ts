import { randomBytes } from "node:crypto";

/** What a store hands back for a key. */
export interface StoredObject {
  bytes: Uint8Array;
  contentType: string;
}

/**
 * Where uploaded files live. Local disk is the default (lib/storage/local-disk.ts); an
 * S3-compatible store plugs in by implementing these four methods (see lib/storage/index.ts).
 * Keys are always made by `newStorageKey`, never taken from a request as a path.
 */
export interface Storage {
  put(key: string, bytes: Uint8Array, contentType: string): Promise<void>;
  /** null when nothing is stored under the key. */
  get(key: string): Promise<StoredObject | null>;
  /** Deleting a missing key is not an error: a retried clean-up must not fail. */
  delete(key: string): Promise<void>;
  /** The address browsers fetch the file from. */
  urlFor(key: string): string;
}

/*
 * Lower-case letters, digits and dashes in each folder; the last segment may carry one extension.
 * No dots elsewhere, so "..", hidden files and the local store's ".meta" sidecars are never keys.
 */
const KEY = /^(?:[a-z0-9][a-z0-9-]{0,63}\/){0,4}[a-z0-9][a-z0-9-]{0,63}(?:\.[a-z0-9]{1,8})?$/;

export function isStorageKey(key: string): boolean {
  return key.length <= 300 && KEY.test(key);
}

export class InvalidStorageKey extends Error {
  constructor(key: string) {
    super(`Invalid storage key: ${JSON.stringify(key.slice(0, 80))}`);
    this.name = "InvalidStorageKey";
  }
}

export function assertStorageKey(key: string): void {
  if (!isStorageKey(key)) throw new InvalidStorageKey(key);
}

/** A fresh, unguessable key under `folder` ("listings/<id>"), so one upload never overwrites another. */
export function newStorageKey(folder: string, extension: string): string {
  const key = `${folder}/${randomBytes(16).toString("hex")}.${extension}`;
  assertStorageKey(key);
  return key;
}

/** The path the media route serves stored files under; the route maps it back to the key. */
export const MEDIA_PATH = "/media";
