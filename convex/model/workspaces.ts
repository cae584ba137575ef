import type { Doc } from "../_generated/dataModel";
import type { DatabaseReader } from "../_generated/server";

/** Finds a workspace by document id or public id ("demo"); null when neither matches. */
export async function findWorkspace(db: DatabaseReader, reference: string): Promise<Doc<"workspaces"> | null> {
  const documentId = db.normalizeId("workspaces", reference);
  if (documentId !== null) {
    const byDocumentId = await db.get("workspaces", documentId);
    if (byDocumentId !== null) return byDocumentId;
  }
  return await db
    .query("workspaces")
    .withIndex("by_public_id", (q) => q.eq("publicId", reference))
    .unique();
}
