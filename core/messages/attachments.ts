/**
 * What the composer accepts as an attachment, shared by the widget (a quick
 * check before uploading) and the backend (the binding check, on the file's
 * bytes, in convex/files.ts). Pure: no DOM, no Convex.
 */

export const MAX_ATTACHMENTS_PER_MESSAGE = 5;
export const FILE_NAME_MAX = 200;

const MB = 1024 * 1024;

/** Allowed types and their size limits. */
export const ATTACHMENT_LIMITS: Readonly<Record<string, number>> = {
  "image/png": 5 * MB,
  "image/jpeg": 5 * MB,
  "image/gif": 5 * MB,
  "image/webp": 5 * MB,
  "application/pdf": 10 * MB,
  "text/plain": 10 * MB,
};

/** The `accept` attribute of the file picker. */
export const ACCEPTED_TYPES = Object.keys(ATTACHMENT_LIMITS).join(",");

export type AttachmentProblem = { reason: "type" } | { reason: "size"; maxBytes: number } | { reason: "empty" };

/** Why a file of this type and size cannot be attached, or null when it can. */
export function attachmentProblem(contentType: string, size: number): AttachmentProblem | null {
  const max = ATTACHMENT_LIMITS[contentType];
  if (max === undefined) return { reason: "type" };
  if (size <= 0) return { reason: "empty" };
  if (size > max) return { reason: "size", maxBytes: max };
  return null;
}

export const isImageType = (contentType: string) => contentType.startsWith("image/");

const startsWith = (bytes: Uint8Array, signature: readonly number[], offset = 0) =>
  signature.every((byte, index) => bytes[offset + index] === byte);

/**
 * The real type of a binary file from its first bytes (the declared type is
 * the client's word only). Text has no signature: see isTextFile.
 */
export function sniffContentType(head: Uint8Array): string | null {
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "image/png";
  if (startsWith(head, [0xff, 0xd8, 0xff])) return "image/jpeg";
  if (startsWith(head, [0x47, 0x49, 0x46, 0x38])) return "image/gif";
  if (startsWith(head, [0x52, 0x49, 0x46, 0x46]) && startsWith(head, [0x57, 0x45, 0x42, 0x50], 8)) return "image/webp";
  if (startsWith(head, [0x25, 0x50, 0x44, 0x46, 0x2d])) return "application/pdf";
  return null;
}

/** Plain text is accepted only under a `.txt` name, and only when its bytes are text. */
export const hasTextName = (name: string) => /\.txt$/i.test(name);

/** UTF-8 without NUL bytes. */
export function isPlainText(bytes: Uint8Array): boolean {
  if (bytes.includes(0)) return false;
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** A file name safe to show and to offer as a download name: no paths, controls or bidi tricks. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  const cleaned = base
    .replace(/[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g, "")
    .trim()
    .slice(0, FILE_NAME_MAX);
  return cleaned === "" || cleaned === "." || cleaned === ".." ? "file" : cleaned;
}

/** "1.2 MB", "340 kB", "20 bytes" — units localised by Intl ("1,2 Mo", "20 octets" in French). */
export function formatBytes(bytes: number, locale?: string): string {
  const [value, unit] = bytes >= MB ? [bytes / MB, "megabyte"] : bytes >= 1024 ? [bytes / 1024, "kilobyte"] : [bytes, "byte"];
  // The short form of a byte is singular in English ("20 byte"); the long one is a plain word everywhere.
  const unitDisplay = unit === "byte" ? "long" : "short";
  return new Intl.NumberFormat(locale, { style: "unit", unit, unitDisplay, maximumFractionDigits: 1 }).format(value);
}
