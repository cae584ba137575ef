import { z } from "../sdk/zod";

/*
 * Shapes of what the backend returns to the runtime, parsed rather than trusted. Unknown
 * extra fields are dropped. (Message and conversation lists are parsed by the panel, in
 * messenger/wire.ts, so their schemas ship with the panel's chunk.)
 */

const bootResult = z.object({
  sessionToken: z.string(),
  expiresAt: z.number(),
  visitorId: z.string(),
  settings: z.unknown(),
});
export type BootResult = z.infer<typeof bootResult>;

const refreshResult = z.object({ sessionToken: z.string(), expiresAt: z.number() });
export type RefreshResult = z.infer<typeof refreshResult>;

const sendResult = z.object({ conversationId: z.string(), messageId: z.string() });
export type SendResult = z.infer<typeof sendResult>;

export class WireError extends Error {}

export function parse<T>(schema: z.ZodMiniType<T>, value: unknown, what: string): T {
  const result = schema.safeParse(value);
  if (!result.success) throw new WireError(`unexpected ${what} from the backend`);
  return result.data;
}

export const wire = {
  boot: (value: unknown) => parse(bootResult, value, "boot result"),
  refresh: (value: unknown) => parse(refreshResult, value, "refresh result"),
  send: (value: unknown) => parse(sendResult, value, "send result"),
  unread: (value: unknown) => parse(z.number(), value, "unread count"),
};
