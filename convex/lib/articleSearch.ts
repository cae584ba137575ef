/**
 * Help-center search, the pure part: query terms, ranking of search-index hits
 * (title matches first, then body matches in the index's relevance order) and
 * the snippet shown under each result.
 */

export const SEARCH_QUERY_MAX = 200;
export const SEARCH_RESULT_LIMIT = 10;
const MAX_TERMS = 10;

/** Lower-cased words of the query (at most 10), punctuation dropped. */
export function searchTerms(query: string): string[] {
  return query
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((term) => term.length > 0)
    .slice(0, MAX_TERMS);
}

function words(text: string): string[] {
  return text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

/** How many query terms start a word of `text` (the index's prefix matching, for ranking). */
export function matchedTermCount(text: string, terms: readonly string[]): number {
  const textWords = words(text);
  return terms.filter((term) => textWords.some((word) => word.startsWith(term))).length;
}

type Hit = { _id: string; title: string };

/**
 * Merges the two indexes' hits: articles whose title matches come first (more
 * matched terms first), then the rest in body-index order; each article once.
 */
export function rankArticles<T extends Hit>(
  terms: readonly string[],
  titleHits: readonly T[],
  bodyHits: readonly T[],
  limit = SEARCH_RESULT_LIMIT,
): T[] {
  const seen = new Set<string>();
  const unique = [...titleHits, ...bodyHits].filter((hit) => !seen.has(hit._id) && seen.add(hit._id));
  const scored = unique.map((hit, position) => ({ hit, position, title: matchedTermCount(hit.title, terms) }));
  scored.sort((a, b) => b.title - a.title || a.position - b.position);
  return scored.slice(0, limit).map(({ hit }) => hit);
}

/** Markdown punctuation and image/link syntax reduced to readable text. */
export function plainText(markdown: string): string {
  return markdown
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/[*_`#>~]+/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

/** About `length` characters of the body around the first matched term, with ellipses where cut. */
export function snippet(body: string, terms: readonly string[], length = 140): string {
  const text = plainText(body);
  if (text.length <= length) return text;
  const lower = text.toLowerCase();
  const found = terms.map((term) => lower.indexOf(term)).filter((index) => index >= 0);
  const first = found.length > 0 ? Math.min(...found) : 0;
  const start = Math.max(0, Math.min(first - Math.floor(length / 3), text.length - length));
  const end = Math.min(text.length, start + length);
  return `${start > 0 ? "…" : ""}${text.slice(start, end).trim()}${end < text.length ? "…" : ""}`;
}
