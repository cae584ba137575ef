// Convex's sync protocol as the client of convex 1.48 speaks it (see
// node_modules/convex/src/browser/sync/protocol.ts). Inbound frames are parsed, never trusted.
import { z } from "zod";

const jsonArgs = z.array(z.unknown()).length(1, "args must be a one-element array");
const nonNegativeInt = z.number().int().nonnegative();

const Connect = z.object({
  type: z.literal("Connect"),
  sessionId: z.string().min(1),
  connectionCount: nonNegativeInt,
  lastCloseReason: z.string().nullable(),
  maxObservedTimestamp: z.string().optional(),
  clientTs: z.number().optional(),
});
const AddQuery = z.object({
  type: z.literal("Add"),
  queryId: nonNegativeInt,
  udfPath: z.string().min(1),
  args: jsonArgs,
  journal: z.string().nullable().optional(),
  componentPath: z.string().optional(),
});
const RemoveQuery = z.object({ type: z.literal("Remove"), queryId: nonNegativeInt });
const ModifyQuerySet = z.object({
  type: z.literal("ModifyQuerySet"),
  baseVersion: nonNegativeInt,
  newVersion: nonNegativeInt,
  modifications: z.array(z.discriminatedUnion("type", [AddQuery, RemoveQuery])),
});
const FunctionRequest = {
  requestId: nonNegativeInt,
  udfPath: z.string().min(1),
  args: jsonArgs,
  componentPath: z.string().optional(),
};
const Mutation = z.object({ type: z.literal("Mutation"), ...FunctionRequest });
const Action = z.object({ type: z.literal("Action"), ...FunctionRequest });
const Authenticate = z.object({
  type: z.literal("Authenticate"),
  tokenType: z.enum(["Admin", "User", "None"]),
  value: z.string().optional(),
  baseVersion: nonNegativeInt,
  impersonating: z.unknown().optional(),
});
const Event = z.object({ type: z.literal("Event"), eventType: z.string(), event: z.unknown() });

export const ClientMessage = z.discriminatedUnion("type", [Connect, ModifyQuerySet, Mutation, Action, Authenticate, Event]);
export type ClientMessage = z.infer<typeof ClientMessage>;
export type AddQuery = z.infer<typeof AddQuery>;

/** Parses one frame; the error names what is wrong so a client author can fix it. */
export function parseClientMessage(raw: string): { ok: true; message: ClientMessage } | { ok: false; error: string } {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return { ok: false, error: "Malformed message: not JSON" };
  }
  const parsed = ClientMessage.safeParse(json);
  if (parsed.success) return { ok: true, message: parsed.data };
  const issue = parsed.error.issues[0];
  return { ok: false, error: `Malformed ${describeType(json)} message: ${issue?.path.join(".") || "(root)"}: ${issue?.message ?? "invalid"}` };
}

function describeType(json: unknown): string {
  const type = typeof json === "object" && json !== null ? (json as { type?: unknown }).type : undefined;
  return typeof type === "string" ? type : "client";
}

/** u64 timestamps travel as base64 of their 8 little-endian bytes. */
export function encodeTs(ts: bigint): string {
  const bytes = Buffer.alloc(8);
  bytes.writeBigUInt64LE(BigInt.asUintN(64, ts));
  return bytes.toString("base64");
}

export function decodeTs(encoded: string): bigint {
  const bytes = Buffer.from(encoded, "base64");
  if (bytes.length !== 8) throw new Error("Invalid timestamp");
  return bytes.readBigUInt64LE();
}

export interface StateVersion {
  querySet: number;
  identity: number;
  ts: bigint;
}

export function encodeVersion(version: StateVersion) {
  return { querySet: version.querySet, identity: version.identity, ts: encodeTs(version.ts) };
}
