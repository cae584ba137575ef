import { isOriginAllowed } from "./origins";

/**
 * Which images a help-center article may show. An image from any host would tell
 * that host every reader's address (and when they read what), so images load only
 * from the deployment's own attachment URLs (uploaded with POST /api/v1/articles/images)
 * or from the workspace's own sites (its allowedOrigins, `*` excepted): the pages the
 * widget runs on already see the visitor. Pure.
 */

/** `![alt](url "title")` anywhere in a body: [whole match, alt, url]. */
const IMAGE = /!\[([^\]]*)\]\(\s*<?([^\s()<>]+)>?(?:\s+"[^"]*")?\s*\)/g;

export type ImageRules = { siteUrl: string; filePath: string; allowedOrigins: readonly string[] };

export function imageUrls(body: string): string[] {
  return [...body.matchAll(IMAGE)].map((match) => match[2] ?? "");
}

/** The access key when `url` is one of this deployment's attachment URLs, else null. */
export function storedImageKey(url: string, rules: ImageRules): string | null {
  const prefix = `${rules.siteUrl}${rules.filePath}`;
  if (!url.startsWith(prefix)) return null;
  const key = url.slice(prefix.length);
  return /^[A-Za-z0-9_-]{43}$/.test(key) ? key : null;
}

/**
 * Whether `url` would load from a host the workspace does not own. Only http(s)
 * URLs load at all (the widget shows any other image as text), so only they count.
 */
export function isForeignImage(url: string, rules: ImageRules): boolean {
  if (storedImageKey(url, rules) !== null) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== "https:" && parsed.protocol !== "http:") return false;
  const ownSites = rules.allowedOrigins.filter((pattern) => pattern.trim() !== "*");
  return !isOriginAllowed(parsed.origin, ownSites);
}

/** The body with every image that may not load replaced by its alt text. */
export function withoutForeignImages(body: string, rules: ImageRules): string {
  return body.replace(IMAGE, (whole, alt: string, url: string) => (isForeignImage(url, rules) ? alt : whole));
}
