/** The origins textarea: one pattern per line, blank lines dropped (the server trims and checks each). */
export function originLines(text: string): string[] {
  return text.split("\n").map((line) => line.trim()).filter((line) => line !== "");
}

/** A whole number typed in a field, or null. */
export function wholeNumber(text: string): number | null {
  const trimmed = text.trim();
  return /^\d+$/.test(trimmed) ? Number(trimmed) : null;
}
