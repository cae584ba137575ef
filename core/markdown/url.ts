/**
 * Link safety for rendered markdown. Only absolute http(s), mailto and tel
 * URLs survive; everything else (javascript:, data:, vbscript:, relative and
 * protocol-relative links, encoded or obfuscated schemes) is refused.
 */

/** What the renderer puts on every link: a new tab, no opener, no referrer, no endorsement. */
export const LINK_REL = "noopener noreferrer nofollow";
export const LINK_TARGET = "_blank";

// The WHATWG URL parser: in every browser and in Convex's runtime (core/ is typed without the DOM).
type ParsedUrl = { href: string; protocol: string };
declare const URL: new (url: string) => ParsedUrl;

const ALLOWED_PROTOCOL = /^(https?|mailto|tel):$/;

// Controls, spaces and invisible/bidi formatting characters. Browsers drop tabs and
// newlines inside URLs ("java\tscript:" runs as javascript:), and invisible characters
// hide what a link really is, so a URL holding any of them is refused, not cleaned.
const HIDDEN = /[\0-\x20\x7f-\xa0\xad\u061c\u115f\u1160\u17b4\u17b5\u180e\u2000-\u200f\u2028-\u202f\u205f-\u206f\u3000\u3164\ufeff\ufff9-\ufffb]/;

/**
 * The URL to put in `href`, normalised by the WHATWG URL parser (the one the
 * browser will use), or null when it must not become a link.
 */
export function safeUrl(raw: string): string | null {
  if (typeof raw !== "string") return null;
  // Leading/trailing C0 controls and spaces are stripped by browsers too.
  const url = raw.replace(/^[\0-\x20]+|[\0-\x20]+$/g, "");
  // Absolute URLs only, with a plain ASCII scheme: no relative or //host links,
  // no percent- or entity-encoded schemes (they simply fail this test).
  if (HIDDEN.test(url) || !/^[a-z][a-z\d+.-]*:/i.test(url)) return null;
  let parsed: ParsedUrl;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (!ALLOWED_PROTOCOL.test(parsed.protocol)) return null;
  if (parsed.protocol.startsWith("http") && !/^https?:\/\/[^/\\]/i.test(url)) return null;
  return parsed.href;
}
