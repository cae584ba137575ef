import type { Doc, Id } from "../_generated/dataModel";
import type { DatabaseWriter } from "../_generated/server";
import { MAX_ATTACHMENTS_PER_MESSAGE } from "../../core/messages/attachments";
import { invalidArgument } from "../lib/errors";
import type { Attachment } from "../lib/messengerValidators";

/** Who may save and send an upload: its visitor, or the operator who uploaded it for a conversation with that visitor. */
export type UploadOwner = { visitorId: Id<"visitors">; operatorUserId?: Id<"users"> };

/**
 * The owner's checked uploads named by `uploadIds`, ready to go on a message: each
 * must be the owner's own (a visitor's, or an operator's for a conversation with that
 * visitor: neither can send the other's) and not yet sent. INVALID_ARGUMENT names the
 * offending entry (`attachmentIds.1`).
 */
export async function claimableUploads(
  db: DatabaseWriter,
  owner: UploadOwner,
  uploadIds: readonly string[],
): Promise<Doc<"uploads">[]> {
  if (uploadIds.length > MAX_ATTACHMENTS_PER_MESSAGE) {
    throw invalidArgument("attachmentIds", `At most ${MAX_ATTACHMENTS_PER_MESSAGE} files per message.`);
  }
  const uploads: Doc<"uploads">[] = [];
  for (const [index, raw] of uploadIds.entries()) {
    const id = db.normalizeId("uploads", raw);
    const upload = id === null ? null : await db.get(id);
    if (upload === null || upload.visitorId !== owner.visitorId || upload.operatorUserId !== owner.operatorUserId || upload.messageId !== undefined || upload.ticketReplyId !== undefined) {
      throw invalidArgument(`attachmentIds.${index}`, "Unknown or already sent file.");
    }
    if (uploads.some((earlier) => earlier._id === upload._id)) {
      throw invalidArgument(`attachmentIds.${index}`, "The same file is attached twice.");
    }
    uploads.push(upload);
  }
  return uploads;
}

export function attachmentsOf(uploads: readonly Doc<"uploads">[]): Attachment[] {
  return uploads.map(({ attachment }) => ({ ...attachment }));
}

/** Marks the uploads as sent with `messageId`: they can never be attached again. */
export async function markSent(db: DatabaseWriter, uploads: readonly Doc<"uploads">[], messageId: Id<"messages">): Promise<void> {
  for (const upload of uploads) await db.patch(upload._id, { messageId });
}
