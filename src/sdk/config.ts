import type { Attributes, UserIdentity, WidgetConfig } from "./types";
import { describeIssue, z } from "./zod";

/** Config after parsing: defaults applied. */
export type ResolvedConfig = Omit<WidgetConfig, "trackPageViews"> & { trackPageViews: boolean };

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

const attributeValue = z.union([z.string(), z.number(), z.boolean(), z.null()]);
const attributesSchema = z.record(z.string(), attributeValue);
const optionalText = z.exactOptional(z.string());

const userSchema = z.object({
  userId: optionalText,
  email: optionalText,
  name: optionalText,
  userHash: optionalText,
  userJwt: optionalText,
  customAttributes: z.exactOptional(attributesSchema),
});

const configSchema = z.object({
  convexUrl: z.url({ protocol: /^https?$/ }),
  workspaceId: z.string().check(z.minLength(1)),
  trackPageViews: z._default(z.boolean(), true),
  user: z.exactOptional(userSchema),
  onboardingVerificationToken: optionalText,
  clientIdentifier: optionalText,
});

function parseWith<T>(schema: z.ZodMiniType<T>, input: unknown, subject: string): Parsed<T> {
  // reportInput: the message tells "missing" apart from "wrong type".
  const result = schema.safeParse(input, { reportInput: true });
  return result.success
    ? { ok: true, value: result.data }
    : { ok: false, message: describeIssue(result.error, subject) };
}

export function parseConfig(input: unknown): Parsed<ResolvedConfig> {
  return parseWith(configSchema, input, "config");
}

export function parseUser(input: unknown): Parsed<UserIdentity> {
  return parseWith(userSchema, input, "user");
}

export function parseAttributes(input: unknown): Parsed<Attributes> {
  return parseWith(attributesSchema, input, "properties");
}
