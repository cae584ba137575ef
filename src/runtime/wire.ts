import * as v from "valibot";

/*
 * Shapes of what the backend returns to the runtime, parsed rather than trusted. Unknown
 * extra fields are dropped. (Message and conversation lists are parsed by the panel, in
 * messenger/wire.ts, so their schemas ship with the panel's chunk.)
 */

const bootResult = v.object({
  sessionToken: v.string(),
  expiresAt: v.number(),
  visitorId: v.string(),
  settings: v.unknown(),
});
export type BootResult = v.InferOutput<typeof bootResult>;

const refreshResult = v.object({ sessionToken: v.string(), expiresAt: v.number() });
export type RefreshResult = v.InferOutput<typeof refreshResult>;

const sendResult = v.object({ conversationId: v.string(), messageId: v.string() });
export type SendResult = v.InferOutput<typeof sendResult>;

export class WireError extends Error {}

export function parse<S extends v.GenericSchema>(schema: S, value: unknown, what: string): v.InferOutput<S> {
  const result = v.safeParse(schema, value);
  if (!result.success) throw new WireError(`unexpected ${what} from the backend`);
  return result.output;
}

export const wire = {
  boot: (value: unknown) => parse(bootResult, value, "boot result"),
  refresh: (value: unknown) => parse(refreshResult, value, "refresh result"),
  send: (value: unknown) => parse(sendResult, value, "send result"),
};
