import type { Doc } from "../_generated/dataModel";
import type { DatabaseReader } from "../_generated/server";
import { FILE_PATH } from "./attachmentPaths";
import { siteUrl } from "./siteUrl";

export type AttachmentView = { name: string; contentType: string; size: number; url: string | null };

/**
 * A message's attachments with download URLs: the attachment action's URL with the
 * upload's secret access key (never a storage URL, which would serve the uploader's
 * type). Null when the file is gone or predates access keys.
 */
export async function attachmentViews(
  db: DatabaseReader,
  message: Pick<Doc<"messages">, "attachments">,
): Promise<AttachmentView[]> {
  const base = siteUrl();
  return await Promise.all(
    (message.attachments ?? []).map(async (file) => {
      const upload = await db
        .query("uploads")
        .withIndex("by_storage", (q) => q.eq("attachment.storageId", file.storageId))
        .first();
      const accessKey = upload?.accessKey;
      return {
        name: file.name,
        contentType: file.contentType,
        size: file.size,
        url: accessKey === undefined ? null : `${base}${FILE_PATH}${accessKey}`,
      };
    }),
  );
}

/** `view` plus `attachments` when the message has any (messages without files keep their shape). */
export async function withAttachments<T extends object>(
  db: DatabaseReader,
  message: Pick<Doc<"messages">, "attachments">,
  view: T,
): Promise<T & { attachments?: AttachmentView[] }> {
  if (!message.attachments?.length) return view;
  return { ...view, attachments: await attachmentViews(db, message) };
}

/** The conversation preview of a message that is only files: "📎 report.pdf, photo.png". */
export function attachmentPreview(attachments: ReadonlyArray<{ name: string }> | undefined): string {
  return attachments?.length ? `📎 ${attachments.map((file) => file.name).join(", ")}` : "";
}
