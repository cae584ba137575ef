import type { Doc, Id } from "../_generated/dataModel";
import type { DatabaseWriter } from "../_generated/server";
import { MAX_ATTACHMENTS_PER_MESSAGE } from "../../core/messages/attachments";
import { invalidArgument } from "../lib/errors";
import type { Attachment } from "../lib/messengerValidators";

/**
 * The visitor's checked uploads named by `uploadIds`, ready to go on a
 * message: each must be the visitor's own and not yet sent. INVALID_ARGUMENT
 * names the offending entry (`attachmentIds.1`).
 */
export async function claimableUploads(
  db: DatabaseWriter,
  visitor: Doc<"visitors">,
  uploadIds: readonly string[],
): Promise<Doc<"uploads">[]> {
  if (uploadIds.length > MAX_ATTACHMENTS_PER_MESSAGE) {
    throw invalidArgument("attachmentIds", `At most ${MAX_ATTACHMENTS_PER_MESSAGE} files per message.`);
  }
  const uploads: Doc<"uploads">[] = [];
  for (const [index, raw] of uploadIds.entries()) {
    const id = db.normalizeId("uploads", raw);
    const upload = id === null ? null : await db.get(id);
    if (upload === null || upload.visitorId !== visitor._id || upload.messageId !== undefined) {
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
