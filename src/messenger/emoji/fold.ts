/**
 * Lowercase, accents removed: "Café" and "cafe" find the same emoji. The search words are
 * folded this way when they are generated (scripts/emoji-data.ts), the query as it is typed.
 */
export function foldForSearch(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
}
