import { describe, expect, it } from "vitest";
import {
  ACCEPTED_TYPES,
  attachmentProblem,
  cleanFileName,
  formatBytes,
  hasTextName,
  isPlainText,
  sniffContentType,
} from "../../../../core/messages/attachments";

const bytes = (...values: number[]) => new Uint8Array(values);
const MB = 1024 * 1024;

describe("attachment rules", () => {
  it("allows png/jpeg/gif/webp up to 5 MB and pdf/txt up to 10 MB", () => {
    expect(attachmentProblem("image/png", 5 * MB)).toBeNull();
    expect(attachmentProblem("image/webp", 5 * MB + 1)).toEqual({ reason: "size", maxBytes: 5 * MB });
    expect(attachmentProblem("application/pdf", 10 * MB)).toBeNull();
    expect(attachmentProblem("text/plain", 10 * MB + 1)).toEqual({ reason: "size", maxBytes: 10 * MB });
    expect(attachmentProblem("image/svg+xml", 10)).toEqual({ reason: "type" });
    expect(attachmentProblem("text/html", 10)).toEqual({ reason: "type" });
    expect(attachmentProblem("image/gif", 0)).toEqual({ reason: "empty" });
    expect(ACCEPTED_TYPES.split(",")).toHaveLength(6);
  });

  it("knows a file's type from its first bytes, not its name", () => {
    expect(sniffContentType(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a))).toBe("image/png");
    expect(sniffContentType(bytes(0xff, 0xd8, 0xff, 0xe0))).toBe("image/jpeg");
    expect(sniffContentType(new TextEncoder().encode("GIF89a"))).toBe("image/gif");
    expect(sniffContentType(new TextEncoder().encode("RIFF\0\0\0\0WEBPVP8 "))).toBe("image/webp");
    expect(sniffContentType(new TextEncoder().encode("RIFF\0\0\0\0WAVEfmt "))).toBeNull();
    expect(sniffContentType(new TextEncoder().encode("%PDF-1.7"))).toBe("application/pdf");
    expect(sniffContentType(new TextEncoder().encode("<svg onload=alert(1)>"))).toBeNull();
    expect(hasTextName("notes.TXT")).toBe(true);
    expect(hasTextName("notes.txt.exe")).toBe(false);
    expect(isPlainText(new TextEncoder().encode("héllo ✓"))).toBe(true);
    expect(isPlainText(bytes(0x68, 0x00, 0x69))).toBe(false);
    expect(isPlainText(bytes(0xc3, 0x28))).toBe(false);
  });

  it("cleans file names of paths, controls and bidi overrides", () => {
    expect(cleanFileName("C:\\\\Users\\\\me\\\\photo.png")).toBe("photo.png");
    expect(cleanFileName("../../etc/passwd")).toBe("passwd");
    expect(cleanFileName("invoice\u202Efdp.exe")).toBe("invoicefdp.exe");
    expect(cleanFileName("  ")).toBe("file");
    expect(cleanFileName("..")).toBe("file");
    expect(cleanFileName("x".repeat(300))).toHaveLength(200);
  });

  it("formats sizes in the visitor's language", () => {
    expect(formatBytes(5 * MB, "en")).toBe("5 MB");
    expect(formatBytes(1536, "en")).toBe("1.5 kB");
    expect(formatBytes(1.5 * MB, "fr")).toMatch(/^1,5\s?Mo$/);
    expect(formatBytes(20, "en")).toBe("20 bytes");
    expect(formatBytes(1, "en")).toBe("1 byte");
    expect(formatBytes(20, "fr")).toMatch(/^20\soctets$/);
  });
});
