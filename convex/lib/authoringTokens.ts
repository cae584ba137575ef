import { randomBytes, toBase64Url } from "./crypto";

/** `oat_` + 32 random bytes: a short-lived credential of the selector picker. */
export const AUTHORING_TOKEN_PREFIX = "oat_";

/** Real randomness only exists in actions: call this from an HTTP action or action. */
export function generateAuthoringToken(): string {
  return AUTHORING_TOKEN_PREFIX + toBase64Url(randomBytes(32));
}

export const DEFAULT_AUTHORING_TTL_MINUTES = 30;

/** Where the author should go: the page, with the token in the fragment (never sent to the site's server). */
export function authoringUrl(pageUrl: string, token: string): string {
  const url = new URL(pageUrl);
  url.hash = `opencom-authoring=${encodeURIComponent(token)}`;
  return url.toString();
}
