/**
 * Origin allow-list matching for widget boot.
 *
 * Pattern forms (scheme always explicit):
 *   https://app.example.com       exact origin (default port implied)
 *   https://*.example.com         any subdomain, at any depth; not the apex itself
 *   http://localhost:*            any port, including none
 *   https://*.example.com:8443    wildcards combine
 *   *                             any origin, the opaque "null" one included
 */

type ParsedOrigin = { scheme: string; host: string; port: string };
type ParsedPattern = {
  scheme: string;
  /** Host without the `*.` marker; matched as a suffix when `anySubdomain`. */
  host: string;
  anySubdomain: boolean;
  /** "*" means any port. */
  port: string;
};

const DEFAULT_PORTS: Record<string, string> = { http: "80", https: "443" };

const PATTERN_SHAPE = /^(https?):\/\/(\*\.)?([a-z0-9-]+(?:\.[a-z0-9-]+)*|\[[0-9a-f:.]+\])(?::(\d{1,5}|\*))?\/?$/;

/**
 * A browser Origin (`scheme://host[:port]`), or null for anything else: the
 * opaque "null", other schemes, and URLs with credentials, a path, a query or
 * a fragment (an Origin header never has them; refusing keeps the check exact).
 */
export function parseOrigin(origin: string): ParsedOrigin | null {
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return null;
  }
  if (url.username || url.password || url.search || url.hash || (url.pathname !== "/" && url.pathname !== "")) {
    return null;
  }
  if (!/^[a-z][a-z0-9+.-]*:\/\/[^/?#]+\/?$/i.test(origin)) return null;
  const scheme = url.protocol.replace(/:$/, "");
  const defaultPort = DEFAULT_PORTS[scheme];
  if (defaultPort === undefined) return null;
  return { scheme, host: url.hostname.toLowerCase(), port: url.port || defaultPort };
}

export function parseOriginPattern(pattern: string): ParsedPattern | null {
  const match = PATTERN_SHAPE.exec(pattern.trim().toLowerCase());
  if (!match) return null;
  const [, scheme = "", wildcard, host = "", port] = match;
  return {
    scheme,
    host,
    anySubdomain: wildcard !== undefined,
    port: port ?? DEFAULT_PORTS[scheme] ?? "",
  };
}

function hostMatches(pattern: ParsedPattern, host: string): boolean {
  if (!pattern.anySubdomain) return host === pattern.host;
  return host.endsWith("." + pattern.host);
}

export function originMatchesPattern(origin: string, pattern: string): boolean {
  if (pattern.trim() === "*") return true;
  const parsedOrigin = parseOrigin(origin);
  const parsedPattern = parseOriginPattern(pattern);
  if (!parsedOrigin || !parsedPattern) return false;
  return (
    parsedOrigin.scheme === parsedPattern.scheme &&
    hostMatches(parsedPattern, parsedOrigin.host) &&
    (parsedPattern.port === "*" || parsedPattern.port === parsedOrigin.port)
  );
}

/** Whether a string may be stored in allowedOrigins (it parses as one of the forms above). */
export function isValidOriginPattern(pattern: string): boolean {
  return pattern.trim() === "*" || parseOriginPattern(pattern) !== null;
}

export function isOriginAllowed(origin: string, allowedOrigins: readonly string[]): boolean {
  return allowedOrigins.some((pattern) => originMatchesPattern(origin, pattern));
}

/** The demo workspace's allow-list: local development servers, any scheme and port. */
export const LOCAL_DEVELOPMENT_ORIGINS = [
  "http://localhost:*",
  "http://127.0.0.1:*",
  "https://localhost:*",
  "https://127.0.0.1:*",
];
