import * as v from "valibot";
import { describeIssue } from "./describe-issue";
import type { Attributes, UserIdentity, WidgetConfig } from "./types";

/** Config after parsing: defaults applied. */
export type ResolvedConfig = Omit<WidgetConfig, "trackPageViews"> & { trackPageViews: boolean };

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

/** valibot's object() and record() accept arrays (typeof [] is "object"); no input here is one. */
const plainObject = v.custom<Record<string, unknown>>(
  (value) => typeof value === "object" && value !== null && !Array.isArray(value),
  "must be an object",
);

const attributeValue = v.union([v.string(), v.number(), v.boolean(), v.null()]);
const attributesSchema = v.pipe(plainObject, v.record(v.string(), attributeValue));
const optionalText = v.exactOptional(v.string());
const nonEmptyText = v.pipe(v.string(), v.minLength(1));

/** Only http: and https: reach a Convex deployment (valibot's url() alone also takes ftp:, data:…). */
function isHttpUrl(value: string): boolean {
  try {
    return /^https?:$/.test(new URL(value).protocol);
  } catch {
    return false;
  }
}

// The id is what links a company across identifies; the server checks every other field and names it.
const companySchema = v.pipe(plainObject, v.looseObject({ id: nonEmptyText }));

const userSchema = v.pipe(
  plainObject,
  v.object({
    userId: optionalText,
    email: optionalText,
    name: optionalText,
    userHash: optionalText,
    userJwt: optionalText,
    customAttributes: v.exactOptional(attributesSchema),
    company: v.exactOptional(companySchema),
  }),
);

const configSchema = v.pipe(
  plainObject,
  v.object({
    convexUrl: v.pipe(v.string(), v.check(isHttpUrl, "must be a valid http(s) URL")),
    workspaceId: nonEmptyText,
    trackPageViews: v.optional(v.boolean(), true),
    user: v.exactOptional(userSchema),
    onboardingVerificationToken: optionalText,
    clientIdentifier: optionalText,
    hideDefaultLauncher: v.optional(v.boolean(), false),
    customLauncherSelector: v.exactOptional(nonEmptyText),
    sound: v.optional(v.boolean(), false),
    locale: v.exactOptional(nonEmptyText),
    configurationId: v.exactOptional(v.pipe(nonEmptyText, v.maxLength(100))),
    // Only hex: the value goes into the launcher's stylesheet.
    primaryColor: v.exactOptional(v.pipe(v.string(), v.regex(/^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i, "must be a hex colour such as #2563eb"))),
    launcherPosition: v.exactOptional(v.picklist(["left", "right"], 'must be "left" or "right"')),
  }),
);

function parseWith<S extends v.GenericSchema>(schema: S, input: unknown, subject: string): Parsed<v.InferOutput<S>> {
  // Only the first problem is reported, so there is no point looking for more.
  const result = v.safeParse(schema, input, { abortEarly: true });
  return result.success
    ? { ok: true, value: result.output }
    : { ok: false, message: describeIssue(result.issues, subject) };
}

export function parseConfig(input: unknown): Parsed<ResolvedConfig> {
  const parsed = parseWith(configSchema, input, "config");
  const problem = parsed.ok && parsed.value.user ? proofProblem(parsed.value.user, "user.") : null;
  return problem === null ? parsed : { ok: false, message: problem };
}

export function parseUser(input: unknown): Parsed<UserIdentity> {
  const parsed = parseWith(userSchema, input, "user");
  const problem = parsed.ok ? proofProblem(parsed.value, "") : null;
  return problem === null ? parsed : { ok: false, message: problem };
}

const HMAC_HEX = /^[0-9a-f]{64}$/i;
const JWT_SHAPE = /^[\w-]+\.[\w-]+\.[\w-]*$/;

/**
 * Proofs that can never verify, caught here with a message naming the field rather than
 * as a refusal from the server (which would hide the widget for this user).
 */
function proofProblem(user: UserIdentity, prefix: string): string | null {
  if (user.userId !== undefined && user.userId.trim() === "") return `${prefix}userId must not be empty`;
  if (user.userHash !== undefined) {
    if (user.userId === undefined) return `${prefix}userHash needs ${prefix}userId: it is the HMAC of the user id`;
    if (!HMAC_HEX.test(user.userHash)) return `${prefix}userHash must be the hex HMAC-SHA256 of the user id (64 hex digits)`;
  }
  if (user.userJwt !== undefined && !JWT_SHAPE.test(user.userJwt)) {
    return `${prefix}userJwt must be a JWT (three base64url parts separated by dots)`;
  }
  return null;
}

export function parseAttributes(input: unknown): Parsed<Attributes> {
  return parseWith(attributesSchema, input, "properties");
}
