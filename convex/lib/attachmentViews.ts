import type { Doc } from "../_generated/dataModel";
import type { StorageReader } from "convex/server";

export type AttachmentView = { storageId: string; name: string; contentType: string; size: number; url: string | null };

/** A message's attachments with download URLs (null when the file is gone). */
export async function attachmentViews(
  storage: StorageReader,
  message: Pick<Doc<"messages">, "attachments">,
): Promise<AttachmentView[]> {
  return await Promise.all(
    (message.attachments ?? []).map(async (file) => ({
      storageId: file.storageId,
      name: file.name,
      contentType: file.contentType,
      size: file.size,
      url: await storage.getUrl(file.storageId),
    })),
  );
}

/** `view` plus `attachments` when the message has any (messages without files keep their shape). */
export async function withAttachments<T extends object>(
  storage: StorageReader,
  message: Pick<Doc<"messages">, "attachments">,
  view: T,
): Promise<T & { attachments?: AttachmentView[] }> {
  if (!message.attachments?.length) return view;
  return { ...view, attachments: await attachmentViews(storage, message) };
}

/** The conversation preview of a message that is only files: "📎 report.pdf, photo.png". */
export function attachmentPreview(attachments: ReadonlyArray<{ name: string }> | undefined): string {
  return attachments?.length ? `📎 ${attachments.map((file) => file.name).join(", ")}` : "";
}
