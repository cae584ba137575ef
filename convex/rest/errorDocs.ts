import { z } from "zod";
import { STATUS_BY_CODE, type RestErrorCode } from "./responses";

/** The error answers as the OpenAPI document describes them: one body schema, one response per status. */

const CODES = Object.keys(STATUS_BY_CODE) as [RestErrorCode, ...RestErrorCode[]];

export const errorBody = z
  .object({
    error: z.object({
      code: z.enum(CODES),
      message: z.string(),
      fields: z
        .record(z.string(), z.string())
        .optional()
        .describe("Validation errors only: field path (`steps.0.title`, or `(body)` for the body as a whole) → message."),
    }),
  })
  .meta({ id: "Error" });

const stringHeader = (description: string) => ({ description, schema: { type: "string" } });

const ERROR_RESPONSES: Record<number, { name: string; description: string; headers?: Record<string, unknown> }> = {
  400: { name: "InvalidArgument", description: "An invalid query parameter or body field (`fields` names each), or a body that is not JSON" },
  401: {
    name: "Unauthenticated",
    description: "Missing, malformed, unknown or revoked credential",
    headers: { "WWW-Authenticate": stringHeader("The scheme to use, e.g. `Bearer realm=\"opencom\"`.") },
  },
  403: { name: "Forbidden", description: "A valid credential without the scope this route needs" },
  404: { name: "NotFound", description: "No such resource in this workspace (unknown, malformed or another workspace's id)" },
  409: { name: "Conflict", description: "The request conflicts with the resource's state" },
  412: { name: "PreconditionFailed", description: "`If-Match` names a version that is no longer current" },
  428: { name: "PreconditionRequired", description: "`If-Match` is required here" },
  429: {
    name: "RateLimited",
    description: "Too many requests with this credential",
    headers: { "Retry-After": stringHeader("Seconds to wait before retrying.") },
  },
};

export function errorResponseFor(status: number): { $ref: string } {
  const known = ERROR_RESPONSES[status];
  if (known === undefined) throw new Error(`No documented error response for status ${status}.`);
  return { $ref: `#/components/responses/${known.name}` };
}

/** components.responses; `convert` turns the body schema into a component reference. */
export function errorResponseComponents(convert: (schema: z.ZodType) => Record<string, unknown>): Record<string, unknown> {
  const schema = convert(errorBody);
  return Object.fromEntries(
    Object.values(ERROR_RESPONSES).map(({ name, description, headers }) => [
      name,
      { description, ...(headers !== undefined ? { headers } : {}), content: { "application/json": { schema } } },
    ]),
  );
}
