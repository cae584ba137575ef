// One write-ahead log record per line: the CRC-32 of the JSON text (8 hex digits), a space,
// the JSON. Reading tells a torn tail (a kill in the middle of an append: nothing after it is
// intact, and nothing in it was ever acknowledged) from a corrupt record in the middle (intact
// records follow it: the file was damaged, and dropping the rest would lose acknowledged
// commits).
import { crc32 } from "node:zlib";

const NEWLINE = 0x0a;
const CHECKSUM_DIGITS = 8;

export function encodeRecord(record: unknown): string {
  const json = JSON.stringify(record);
  return `${checksumOf(json)} ${json}\n`;
}

export interface ScannedLog<T> {
  records: T[];
  /** Where the torn tail starts (the file should be cut there), when there is one. */
  tornTail: { line: number; offset: number; bytes: number } | null;
}

export class CorruptLogError extends Error {
  constructor(file: string, line: number, offset: number, intactAfter: number) {
    super(
      `The write-ahead log ${file} is damaged at line ${line} (byte ${offset}): the record fails its checksum, ` +
        `and ${intactAfter} intact record${intactAfter === 1 ? "" : "s"} follow it. Nothing was changed in the data dir. ` +
        `Restore the data dir from a backup, or delete that line yourself if losing that one commit is acceptable, then start again.`,
    );
    this.name = "CorruptLogError";
  }
}

/**
 * Splits a log into records. A line that fails its checksum with only failing lines (or an
 * unterminated line) after it is a torn tail; one followed by an intact record is corruption.
 * Lines without a checksum (`{…}`) are records written before checksums existed.
 */
export function scanLog<T>(bytes: Buffer, file: string): ScannedLog<T> {
  const records: T[] = [];
  let firstBad: { line: number; offset: number } | null = null;
  let intactAfterBad = 0;
  let offset = 0;
  for (let line = 1; offset < bytes.length; line += 1) {
    const end = bytes.indexOf(NEWLINE, offset);
    const terminated = end !== -1;
    const text = bytes.subarray(offset, terminated ? end : bytes.length).toString("utf8");
    const record = terminated ? decodeRecord<T>(text) : undefined;
    if (record === undefined) firstBad ??= { line, offset };
    else if (record !== null) {
      if (firstBad === null) records.push(record);
      else intactAfterBad += 1;
    }
    offset = terminated ? end + 1 : bytes.length;
  }
  if (firstBad !== null && intactAfterBad > 0) throw new CorruptLogError(file, firstBad.line, firstBad.offset, intactAfterBad);
  return { records, tornTail: firstBad === null ? null : { ...firstBad, bytes: bytes.length - firstBad.offset } };
}

/** The record, null for a blank line, undefined for a line that is not an intact record. */
function decodeRecord<T>(text: string): T | null | undefined {
  if (text.trim() === "") return null;
  if (text.startsWith("{")) return parse<T>(text);
  const json = text.slice(CHECKSUM_DIGITS + 1);
  if (text[CHECKSUM_DIGITS] !== " " || text.slice(0, CHECKSUM_DIGITS) !== checksumOf(json)) return undefined;
  return parse<T>(json);
}

function parse<T>(json: string): T | undefined {
  try {
    const value = JSON.parse(json) as unknown;
    return typeof value === "object" && value !== null ? (value as T) : undefined;
  } catch {
    return undefined;
  }
}

function checksumOf(json: string): string {
  return crc32(json).toString(16).padStart(CHECKSUM_DIGITS, "0");
}
