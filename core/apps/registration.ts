import type { AppScreen } from "./events";
import { APP_SCREENS } from "./events";
import { checkAppUrl, checkOriginPattern, isOriginAllowed } from "./origins";
import type { AppProtocol } from "./protocol";

/** The rules for registering an app, shared by the REST API and the inbox's settings. */

export const APP_NAME_MAX_LENGTH = 80;
export const APP_URL_MAX_LENGTH = 2048;
export const APP_ORIGINS_MAX = 20;

export type AppRecord = {
  id: string;
  name: string;
  url: string;
  allowedOrigins: string[];
  screens: AppScreen[];
  enabled: boolean;
  protocol: AppProtocol;
};

/** Field name → what is wrong with it; empty when every field is fine. */
export type FieldProblems = Record<string, string>;

export function checkAppName(name: string): string | null {
  const trimmed = name.trim();
  if (trimmed.length === 0) return "must not be empty";
  if (trimmed.length > APP_NAME_MAX_LENGTH) return `must be at most ${APP_NAME_MAX_LENGTH} characters`;
  // The name travels in every action message; control characters there help nobody.
  if (/[\u0000-\u001f\u007f]/.test(trimmed)) return "must not contain control characters";
  return null;
}

export function checkScreens(screens: readonly string[]): string | null {
  if (screens.length === 0) return `must list at least one of ${APP_SCREENS.join(", ")}`;
  if (new Set(screens).size !== screens.length) return "must not repeat a screen";
  return null;
}

/**
 * The URL and its allowed origins together: each origin valid, and the URL's own
 * origin among them (otherwise the app's own messages would all be refused).
 */
export function checkUrlAndOrigins(url: string, allowedOrigins: readonly string[]): FieldProblems {
  const problems: FieldProblems = {};
  if (allowedOrigins.length === 0) problems["allowedOrigins"] = "must list at least one origin";
  if (allowedOrigins.length > APP_ORIGINS_MAX) problems["allowedOrigins"] = `must list at most ${APP_ORIGINS_MAX} origins`;
  allowedOrigins.forEach((origin, index) => {
    const check = checkOriginPattern(origin);
    if (!check.ok) problems[`allowedOrigins.${index}`] = `"${origin}" ${check.reason}`;
  });
  const urlCheck = checkAppUrl(url, APP_URL_MAX_LENGTH);
  if (!urlCheck.ok) problems["url"] = urlCheck.reason;
  else if (Object.keys(problems).length === 0 && !isOriginAllowed(urlCheck.origin, allowedOrigins)) {
    problems["url"] = `its origin ${urlCheck.origin} must be one of allowedOrigins`;
  }
  return problems;
}
