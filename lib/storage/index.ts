import "server-only";
import path from "node:path";
import { env } from "../env";
import { localDiskStorage } from "./local-disk";
import type { Storage } from "./storage";

let cached: Storage | undefined;

/**
 * The store for uploaded files, chosen from the environment. Only local disk exists today:
 * STORAGE_DIR, else `${PARKLEAD_DATA_DIR}/uploads`.
 *
 * An S3-compatible store (AWS S3, Aliyun OSS, Tencent COS, MinIO) plugs in here: write
 * lib/storage/s3.ts implementing `Storage` — put → PutObject with ContentType, get → GetObject
 * (null on NoSuchKey), delete → DeleteObject, urlFor → `/media/<key>` (served by
 * app/media/[...key]/route.ts) or the bucket's CDN address — add its settings (endpoint, bucket,
 * region, keys) to lib/env.ts and return it below when they are set. Nothing else changes: callers
 * only see `Storage`, and photo rows keep the key and the URL the store gave.
 */
export function getStorage(): Storage {
  if (!cached) {
    const config = env();
    cached = localDiskStorage(config.STORAGE_DIR ?? path.join(config.PARKLEAD_DATA_DIR, "uploads"));
  }
  return cached;
}
