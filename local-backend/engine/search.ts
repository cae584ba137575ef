// Full-text search as a Convex search index answers it: terms are the words of the query
// (lower-cased, split on anything not a letter or digit), every term but the last must match a
// word exactly and the last may match as a prefix, and results come back by relevance (BM25)
// rather than in insertion order. convex-test keeps its own loose matching (any term as a
// prefix of any word), which finds a superset of ours; we keep its candidates (it also applies
// the index's equality filters) and then match and rank them here.
import type { DatabaseFake } from "./internals";

const K1 = 1.2;
const B = 0.75;

type Doc = Record<string, unknown>;
type SearchSource = { type: "Search"; indexName: string; filters: Array<{ type: string; fieldPath: string; value: unknown }> };
interface Resolved {
  sortedDocs: Doc[];
  [key: string]: unknown;
}

export function tokenize(text: string): string[] {
  return text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((word) => word.length > 0);
}

function fieldOf(doc: Doc, path: string): unknown {
  let value: unknown = doc;
  for (const part of path.split(".")) value = value !== null && typeof value === "object" ? (value as Doc)[part] : undefined;
  return value;
}

/** How often `term` occurs in `words`; the prefix term counts every word it starts. */
function frequency(words: string[], term: string, prefix: boolean): number {
  let count = 0;
  for (const word of words) if (prefix ? word.startsWith(term) : word === term) count += 1;
  return count;
}

/** BM25 scores of `docs` for `query` on `field`, statistics taken over `corpus`. */
export function rankBySearch(docs: Doc[], corpus: Doc[], field: string, query: string): Doc[] {
  const terms = tokenize(query);
  if (terms.length === 0) return [];
  const wordsOf = (doc: Doc) => {
    const value = fieldOf(doc, field);
    return typeof value === "string" ? tokenize(value) : [];
  };
  const corpusWords = corpus.map(wordsOf);
  const total = Math.max(corpusWords.length, 1);
  const averageLength = corpusWords.reduce((sum, words) => sum + words.length, 0) / total || 1;
  const idf = terms.map((term, index) => {
    const prefix = index === terms.length - 1;
    const containing = corpusWords.filter((words) => frequency(words, term, prefix) > 0).length;
    return Math.log(1 + (total - containing + 0.5) / (containing + 0.5));
  });
  const scored = docs.map((doc, position) => {
    const words = wordsOf(doc);
    let score = 0;
    terms.forEach((term, index) => {
      const tf = frequency(words, term, index === terms.length - 1);
      if (tf > 0) score += (idf[index] ?? 0) * ((tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * words.length) / averageLength)));
    });
    return { doc, score, position };
  });
  return scored
    .filter((entry) => entry.score > 0)
    .sort((a, b) => b.score - a.score || a.position - b.position)
    .map((entry) => entry.doc);
}

export function rankSearches(db: DatabaseFake): void {
  const fake = db as DatabaseFake & { _resolveQuerySource(query: { source: { type: string } }): Resolved };
  const resolve = fake._resolveQuerySource.bind(fake);
  fake._resolveQuerySource = (query) => {
    const resolved = resolve(query);
    if (query.source.type !== "Search") return resolved;
    const source = query.source as SearchSource;
    const search = source.filters.find((filter) => filter.type === "Search");
    if (search === undefined || typeof search.value !== "string") return resolved;
    const [table = ""] = source.indexName.split(".");
    const corpus: Doc[] = [];
    db._iterateDocs(table, (doc) => corpus.push(doc));
    return { ...resolved, sortedDocs: rankBySearch(resolved.sortedDocs, corpus, search.fieldPath, search.value) };
  };
}
