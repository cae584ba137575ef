import type { Doc, Id } from "../_generated/dataModel";
import type { DatabaseWriter } from "../_generated/server";
import { MAX_ATTACHMENTS_PER_MESSAGE } from "../../core/messages/attachments";
import { invalidArgument } from "../lib/errors";

/**
 * Turns the workspace's API files named by `fileIds` into uploads of the conversation's
 * visitor, ready to go on an agent's message (markSent then ties them to it), so the
 * messenger and the download URL treat them as any attachment. Each must be the
 * workspace's, unexpired and not sent before; INVALID_ARGUMENT names the entry
 * (`attachments.1`) and nothing is changed.
 */
export async function claimApiFiles(
  db: DatabaseWriter,
  conversation: Pick<Doc<"conversations">, "workspaceId" | "visitorId">,
  fileIds: readonly string[],
  now: number,
): Promise<Doc<"uploads">[]> {
  if (fileIds.length > MAX_ATTACHMENTS_PER_MESSAGE) throw invalidArgument("attachments", `At most ${MAX_ATTACHMENTS_PER_MESSAGE} files per message.`);
  const files: Doc<"apiFiles">[] = [];
  for (const [index, raw] of fileIds.entries()) {
    const id = db.normalizeId("apiFiles", raw);
    const file = id === null ? null : await db.get("apiFiles", id);
    if (file === null || file.workspaceId !== conversation.workspaceId || file.expiresAt <= now) {
      throw invalidArgument(`attachments.${index}`, "Unknown, expired or already sent file.");
    }
    if (files.some((earlier) => earlier._id === file._id)) throw invalidArgument(`attachments.${index}`, "The same file is attached twice.");
    files.push(file);
  }
  const uploads: Doc<"uploads">[] = [];
  for (const file of files) {
    const uploadId: Id<"uploads"> = await db.insert("uploads", {
      workspaceId: file.workspaceId,
      visitorId: conversation.visitorId,
      attachment: { storageId: file.storageId, name: file.name, contentType: file.contentType, size: file.size },
      accessKey: file.accessKey,
      createdAt: now,
    });
    await db.delete("apiFiles", file._id);
    const upload = await db.get("uploads", uploadId);
    if (upload === null) throw new Error("Upload vanished right after insert");
    uploads.push(upload);
  }
  return uploads;
}
