import { attachmentProblem, isPlainText, sniffContentType, type AttachmentProblem } from "../../core/messages/attachments";

/**
 * What an uploaded file really is, decided from its bytes alone (the uploader's
 * Content-Type and file name are its word only). Pure: the HTTP upload action
 * calls it on the bytes it received before anything is stored.
 */

/**
 * Markup that makes a file a polyglot: an image or PDF that is also an HTML or SVG
 * document runs script wherever something sniffs it as a page (a download opened
 * locally, an old browser, a proxy that drops nosniff). Markers are at least five
 * bytes long, so compressed image data hits one by chance about once in 10^10 files.
 */
const MARKUP_MARKERS = ["<script", "<html", "<body", "<iframe", "<svg ", "<svg>", "<svg/", "<!doctype", "<object", "<embed", "<meta ", "<form", "<img ", "onerror=", "onload="];

/** Whether the bytes hold HTML or SVG markup anywhere (ASCII case-insensitive). */
export function containsMarkup(bytes: Uint8Array): boolean {
  // latin1 maps every byte to one character, so offsets and lengths stay the same.
  const text = new TextDecoder("latin1").decode(bytes).toLowerCase();
  return MARKUP_MARKERS.some((marker) => text.includes(marker));
}

export type UploadVerdict =
  | { ok: true; contentType: string }
  | { ok: false; problem: AttachmentProblem | { reason: "markup" } };

/**
 * The allowed type the bytes prove (png, jpeg, gif, webp, pdf by signature; text
 * when the bytes are UTF-8 without NUL), or why the file is refused: an unknown
 * type, a size over the type's limit, or markup inside a binary type.
 */
export function classifyUpload(bytes: Uint8Array): UploadVerdict {
  const binary = sniffContentType(bytes.subarray(0, 16));
  const contentType = binary ?? (bytes.length > 0 && isPlainText(bytes) ? "text/plain" : null);
  if (contentType === null) return { ok: false, problem: { reason: bytes.length === 0 ? "empty" : "type" } };
  const problem = attachmentProblem(contentType, bytes.length);
  if (problem !== null) return { ok: false, problem };
  // Text is served as text/plain with nosniff, as a download: markup in it is only text.
  if (binary !== null && containsMarkup(bytes)) return { ok: false, problem: { reason: "markup" } };
  return { ok: true, contentType };
}

export function uploadRefusalMessage(problem: AttachmentProblem | { reason: "markup" }): string {
  switch (problem.reason) {
    case "size":
      return `The file is larger than ${Math.round(problem.maxBytes / (1024 * 1024))} MB.`;
    case "empty":
      return "The file is empty.";
    case "markup":
      return "The file contains HTML or SVG markup; it cannot be attached.";
    default:
      return "Only PNG, JPEG, GIF and WebP images, PDF and plain text files can be attached.";
  }
}
