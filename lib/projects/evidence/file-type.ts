/*
 * What an evidence file is, read from its bytes (the name and the browser's claimed type are the sender's to
 * choose): a photo (JPEG, PNG, WebP, as the listings' photos), a PDF, or a Word or Excel file (.docx, .xlsx:
 * ZIP packages whose parts are named in the clear in their headers). Anything else is refused.
 */
export const EVIDENCE_FILE_TYPES = {
  "image/jpeg": { extension: "jpg", kind: "PHOTO" },
  "image/png": { extension: "png", kind: "PHOTO" },
  "image/webp": { extension: "webp", kind: "PHOTO" },
  "application/pdf": { extension: "pdf", kind: "DOCUMENT" },
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": { extension: "docx", kind: "DOCUMENT" },
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": { extension: "xlsx", kind: "DOCUMENT" },
} as const;

export type EvidenceFileType = keyof typeof EVIDENCE_FILE_TYPES;

const startsWith = (bytes: Uint8Array, signature: readonly number[], offset = 0) =>
  bytes.length >= offset + signature.length && signature.every((byte, index) => bytes[offset + index] === byte);

const JPEG = [0xff, 0xd8, 0xff];
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const RIFF = [0x52, 0x49, 0x46, 0x46];
const WEBP = [0x57, 0x45, 0x42, 0x50];
const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d];
const ZIP = [0x50, 0x4b, 0x03, 0x04];

/** Whether the ZIP package names a part starting with `name` (an OOXML package always holds these). */
function namesPart(bytes: Uint8Array, name: string): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(name, 0, "latin1");
}

export function detectEvidenceType(bytes: Uint8Array): EvidenceFileType | null {
  if (startsWith(bytes, JPEG)) return "image/jpeg";
  if (startsWith(bytes, PNG)) return "image/png";
  if (startsWith(bytes, RIFF) && startsWith(bytes, WEBP, 8)) return "image/webp";
  if (startsWith(bytes, PDF)) return "application/pdf";
  if (startsWith(bytes, ZIP) && namesPart(bytes, "[Content_Types].xml")) {
    if (namesPart(bytes, "word/document")) {
      return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    }
    if (namesPart(bytes, "xl/workbook")) return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  }
  return null;
}
