/**
 * URL patterns with one wildcard: `*` matches any run of characters (also none,
 * also across `/`). Everything else, `?` included, is literal, so a pattern can
 * name a query string: `https://app.example.com/search?q=*`.
 *
 * The pattern must match the whole URL. Matching is greedy with single-star
 * backtracking (the classic glob algorithm), so it runs in O(pattern × url)
 * at worst and never builds a regular expression from author input.
 */
export function matchesUrlPattern(pattern: string, url: string): boolean {
  let p = 0;
  let u = 0;
  let starAt = -1; // index in pattern of the last `*` seen
  let resumeAt = 0; // index in url where that `*` currently stops
  while (u < url.length) {
    if (p < pattern.length && pattern[p] === "*") {
      starAt = p++;
      resumeAt = u;
    } else if (p < pattern.length && pattern[p] === url[u]) {
      p++;
      u++;
    } else if (starAt !== -1) {
      // Let the last star swallow one more character and retry from there.
      p = starAt + 1;
      u = ++resumeAt;
    } else {
      return false;
    }
  }
  while (p < pattern.length && pattern[p] === "*") p++;
  return p === pattern.length;
}
