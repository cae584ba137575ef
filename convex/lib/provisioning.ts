import { invalidArgument } from "./errors";
import { isValidOriginPattern } from "./origins";

/*
 * The rules for provisioning a workspace (convex/provision.ts): a name, the sites the
 * widget may run on, and a public id for the script tag. Pure: values in, values out.
 */

export const WORKSPACE_NAME_MAX = 100;
export const PROVISION_ORIGINS_MAX = 50;
const PUBLIC_ID = /^[a-z0-9][a-z0-9_-]{0,62}$/;

export function checkWorkspaceName(value: string): string {
  const name = value.trim();
  if (name === "") throw invalidArgument("name", "name is required: the workspace's name, as operators and visitors see it.");
  if (name.length > WORKSPACE_NAME_MAX) throw invalidArgument("name", `name must be at most ${WORKSPACE_NAME_MAX} characters.`);
  return name;
}

/** The sites the widget may run on: exact origins or `https://*.example.com`, at least one. */
export function checkOrigins(values: readonly string[]): string[] {
  if (values.length === 0) throw invalidArgument("origins", "origins needs at least one site, e.g. https://www.example.com.");
  if (values.length > PROVISION_ORIGINS_MAX) throw invalidArgument("origins", `origins may hold at most ${PROVISION_ORIGINS_MAX} entries.`);
  const origins = values.map((value) => value.trim().replace(/\/+$/, ""));
  const bad = origins.find((origin) => !isValidOriginPattern(origin));
  if (bad !== undefined) {
    throw invalidArgument("origins", `"${bad}" is not an origin: give scheme and host (and port), like https://www.example.com or https://*.example.com.`);
  }
  return [...new Set(origins)];
}

/** The public id the script tag names; checked when given, else made from the name plus `suffix`. */
export function publicIdFor(name: string, given: string | undefined, suffix: string): string {
  if (given !== undefined) {
    if (!PUBLIC_ID.test(given)) throw invalidArgument("publicId", "publicId must be 1-63 lowercase letters, digits, - or _, starting with a letter or digit.");
    return given;
  }
  const slug = name
    .normalize("NFKD")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40);
  return `${slug || "workspace"}-${suffix}`;
}
