import { z } from "zod";
import { CONNECTION_LIMITS as C } from "../../core/bots/limits";
import { invalidArgument } from "./errors";

/*
 * A bot webhook connection's fields with the chatbot webhook protocol's sizes:
 * one schema for the REST body (and its OpenAPI description) and for the
 * inbox's Settings → Bots, so both refuse the same input, naming the field.
 */

const sized = (min: number, max: number) => z.string().min(min).max(max);

const headers = z
  .record(sized(1, C.headerNameMax).regex(/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/, "must be an HTTP header name"), sized(0, C.headerValueMax))
  .refine((value) => Object.keys(value).length >= C.headersMin && Object.keys(value).length <= C.headersMax, {
    message: `must hold ${C.headersMin} to ${C.headersMax} headers`,
  });

export const connectionFieldsShape = {
  name: sized(1, C.nameMax),
  url: sized(1, C.urlMax),
  token: sized(1, C.tokenMax).optional(),
  headers: headers.optional(),
  auth: z.strictObject({ username: sized(1, C.authFieldMax), password: sized(1, C.authFieldMax) }).optional(),
};

export const storyIdSchema = z.string().min(1).max(64).describe("The story the connection belongs to (our id).");

const connectionFields = z.strictObject(connectionFieldsShape);
export type ConnectionFields = z.infer<typeof connectionFields>;

/** The fields as the REST body would take them, or INVALID_ARGUMENT naming the first wrong one (`auth.password`). */
export function checkConnectionFields(input: unknown): ConnectionFields {
  const parsed = connectionFields.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = issue === undefined || issue.path.length === 0 ? "body" : issue.path.join(".");
  throw invalidArgument(field, `${field} ${issue?.message ?? "is invalid"}`);
}
