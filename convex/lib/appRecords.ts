import type { AppRecord } from "../../core/apps/registration";
import { checkAppName, checkScreens, checkUrlAndOrigins } from "../../core/apps/registration";
import type { Doc } from "../_generated/dataModel";
import { invalidArgument } from "./errors";

/** The app as the REST API and the inbox see it. */
export type ApiApp = AppRecord & { createdAt: number; updatedAt: number };

export type AppFields = Omit<AppRecord, "id">;

export function apiApp(doc: Doc<"apps">): ApiApp {
  return {
    id: doc._id,
    name: doc.name,
    url: doc.url,
    allowedOrigins: doc.allowedOrigins,
    screens: doc.screens,
    enabled: doc.enabled,
    protocol: doc.protocol,
    createdAt: doc._creationTime,
    updatedAt: doc.updatedAt,
  };
}

export function appNameKey(name: string): string {
  return name.trim().toLowerCase();
}

/**
 * Checks a whole app (after a PATCH merged into the stored one): the REST layer
 * has checked each field's shape; this checks the rules across fields, and
 * throws INVALID_ARGUMENT naming the first bad one.
 */
export function assertValidApp(fields: AppFields): AppFields {
  const nameProblem = checkAppName(fields.name);
  if (nameProblem !== null) throw invalidArgument("name", `name ${nameProblem}.`);
  const screensProblem = checkScreens(fields.screens);
  if (screensProblem !== null) throw invalidArgument("screens", `screens ${screensProblem}.`);
  const [field, problem] = Object.entries(checkUrlAndOrigins(fields.url, fields.allowedOrigins))[0] ?? [];
  if (field !== undefined && problem !== undefined) throw invalidArgument(field, `${field} ${problem}.`);
  return { ...fields, name: fields.name.trim() };
}
