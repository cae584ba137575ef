/**
 * Origins of custom apps: where an app may be served from and which message
 * origins the inbox accepts from it.
 *
 * An allowed origin is either exact (`https://app.example.com`, `http://127.0.0.1:5181`)
 * or a wildcard over true subdomains (`https://*.example.com`): the host must end in
 * `.example.com` with at least one label before it, so `example.com` itself,
 * `evil-example.com` and `example.com.evil.net` never match. Plain http is for
 * loopback only (`localhost`, `*.localhost`, `127.0.0.0/8`, `[::1]`): names under
 * `.localhost` always resolve to loopback (RFC 6761), which is how tests get real
 * subdomains without DNS.
 *
 * Parsed by hand rather than with `URL`: this module runs on both sides with no DOM.
 */

export type Scheme = "http" | "https";
export type Origin = { scheme: Scheme; host: string; port: number };
export type OriginPattern = { scheme: Scheme; host: string; anySubdomain: boolean; port: number };

const DEFAULT_PORT: Record<Scheme, number> = { http: 80, https: 443 };
const LABEL = "[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?";
const HOST = `(?:${LABEL}(?:\\.${LABEL})*|\\[::1\\])`;
const ORIGIN_SHAPE = new RegExp(`^(https?)://(${HOST})(?::(\\d{1,5}))?$`);
const PATTERN_SHAPE = new RegExp(`^(https?)://(\\*\\.)?(${HOST})(?::(\\d{1,5}))?$`);
const URL_SHAPE = new RegExp(`^(https?)://(${HOST})(?::(\\d{1,5}))?(?:[/?#]|$)`, "i");
/** Longest origin or pattern we store; a real one is far shorter. */
export const ORIGIN_MAX_LENGTH = 255;

function port(scheme: Scheme, digits: string | undefined): number | null {
  if (digits === undefined) return DEFAULT_PORT[scheme];
  const value = Number(digits);
  return value >= 1 && value <= 65535 ? value : null;
}

/** `scheme://host[:port]` exactly as a browser's `MessageEvent.origin` has it; null otherwise (`"null"` included). */
export function parseOrigin(origin: string): Origin | null {
  if (origin.length > ORIGIN_MAX_LENGTH) return null;
  const match = ORIGIN_SHAPE.exec(origin.toLowerCase());
  if (match === null) return null;
  const scheme = match[1] as Scheme;
  const parsedPort = port(scheme, match[3]);
  return parsedPort === null ? null : { scheme, host: match[2] ?? "", port: parsedPort };
}

export function isLoopbackHost(host: string): boolean {
  if (host === "localhost" || host.endsWith(".localhost") || host === "[::1]") return true;
  const octets = host.split(".");
  return octets.length === 4 && octets[0] === "127" && octets.every((octet) => /^\d{1,3}$/.test(octet) && Number(octet) <= 255);
}

export type PatternCheck = { ok: true; pattern: OriginPattern } | { ok: false; reason: string };

/** Parses an allowed origin and says in one sentence what is wrong with a bad one. */
export function checkOriginPattern(text: string): PatternCheck {
  if (text.length > ORIGIN_MAX_LENGTH) return { ok: false, reason: `must be at most ${ORIGIN_MAX_LENGTH} characters` };
  const match = PATTERN_SHAPE.exec(text.toLowerCase());
  if (match === null) {
    return { ok: false, reason: "must be an origin like https://app.example.com or https://*.example.com (no path, no trailing slash)" };
  }
  const scheme = match[1] as Scheme;
  const host = match[3] ?? "";
  const anySubdomain = match[2] !== undefined;
  const parsedPort = port(scheme, match[4]);
  if (parsedPort === null) return { ok: false, reason: "has a port outside 1–65535" };
  // `*.com` would admit a whole top-level domain; `*.localhost` is loopback and fine.
  if (anySubdomain && !host.includes(".") && host !== "localhost") {
    return { ok: false, reason: "must name a domain under the wildcard, like https://*.example.com" };
  }
  if (scheme === "http" && !isLoopbackHost(host)) return { ok: false, reason: "may use plain http only for loopback hosts; use https" };
  return { ok: true, pattern: { scheme, host, anySubdomain, port: parsedPort } };
}

export function originMatchesPattern(origin: Origin, pattern: OriginPattern): boolean {
  if (origin.scheme !== pattern.scheme || origin.port !== pattern.port) return false;
  if (!pattern.anySubdomain) return origin.host === pattern.host;
  return origin.host.length > pattern.host.length + 1 && origin.host.endsWith(`.${pattern.host}`);
}

/** Whether a message origin is in an app's list. Patterns that do not parse match nothing. */
export function isOriginAllowed(origin: string, allowedOrigins: readonly string[]): boolean {
  const parsed = parseOrigin(origin);
  if (parsed === null) return false;
  return allowedOrigins.some((text) => {
    const check = checkOriginPattern(text);
    return check.ok && originMatchesPattern(parsed, check.pattern);
  });
}

export function formatOrigin(origin: Origin): string {
  const portPart = origin.port === DEFAULT_PORT[origin.scheme] ? "" : `:${origin.port}`;
  return `${origin.scheme}://${origin.host}${portPart}`;
}

export type AppUrlCheck = { ok: true; origin: string } | { ok: false; reason: string };

/**
 * An app's URL: http(s) with a plain host (no credentials), plain http only on loopback.
 * Gives the URL's origin, which the app's allowed origins must cover.
 */
export function checkAppUrl(url: string, maxLength = 2048): AppUrlCheck {
  if (url.length > maxLength) return { ok: false, reason: `must be at most ${maxLength} characters` };
  if (/\s/.test(url)) return { ok: false, reason: "must not contain spaces" };
  const match = URL_SHAPE.exec(url);
  if (match === null) return { ok: false, reason: "must be an http(s) URL like https://app.example.com/panel, without user name or password" };
  const scheme = (match[1] ?? "").toLowerCase() as Scheme;
  const host = (match[2] ?? "").toLowerCase();
  const parsedPort = port(scheme, match[3]);
  if (parsedPort === null) return { ok: false, reason: "has a port outside 1–65535" };
  if (scheme === "http" && !isLoopbackHost(host)) return { ok: false, reason: "may use plain http only for loopback hosts; use https" };
  return { ok: true, origin: formatOrigin({ scheme, host, port: parsedPort }) };
}
