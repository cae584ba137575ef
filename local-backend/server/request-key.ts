// The key under which a client mutation is run at most once. Convex's client resends a
// mutation it never saw answered, after a reconnect, with the same session id and request
// id; that retry must get the first outcome. A different call that happens to reuse the pair
// (another client, or someone who learned a session id) must not: the key also holds a digest
// of what was called, with which arguments, and by whom (the token's issuer and subject, which
// a refreshed token keeps), so only a true retry matches.
import { createHash } from "node:crypto";
import type { JSONValue } from "convex/values";
import type { UserIdentity } from "../engine/auth";

export interface MutationCall {
  udfPath: string;
  args: JSONValue;
  componentPath: string;
  identity: UserIdentity | null;
  admin: boolean;
}

export function mutationRequestKey(sessionId: string, requestId: number, call: MutationCall): string {
  const digest = createHash("sha256")
    .update(JSON.stringify([call.udfPath, call.componentPath, call.admin, call.identity?.tokenIdentifier ?? null, call.args]))
    .digest("base64url")
    .slice(0, 22);
  return `${sessionId}:${requestId}:${digest}`;
}
