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

/** `oprv_` + 32 random bytes: a short-lived link that previews one item on the site. */
export const PREVIEW_TOKEN_PREFIX = "oprv_";

export function generatePreviewToken(): string {
  return PREVIEW_TOKEN_PREFIX + toBase64Url(randomBytes(32));
}

/** How long a preview link works. */
export const PREVIEW_TTL_MINUTES = 60;

/** The website with the preview token in the fragment, as the widget reads it. */
export function previewUrl(pageUrl: string, token: string): string {
  const url = new URL(pageUrl);
  url.hash = `opencom-preview=${encodeURIComponent(token)}`;
  return url.toString();
}
