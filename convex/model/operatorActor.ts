import type { DatabaseReader } from "../_generated/server";
import type { AuditActor } from "../lib/auditEntries";
import type { MemberAccess } from "./members";

/** The audit log's actor for a signed-in operator: their user id, labelled with their email. */
export async function operatorActor(db: DatabaseReader, access: Pick<MemberAccess, "userId">): Promise<AuditActor> {
  const user = await db.get("users", access.userId);
  return { type: "operator", id: access.userId, ...(user?.email !== undefined ? { label: user.email } : {}) };
}
