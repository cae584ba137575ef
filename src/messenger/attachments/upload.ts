import * as v from "valibot";
import type { OutboxAttachment } from "../../runtime/outbox";
import { parse } from "../../runtime/wire";
import { backend } from "../../runtime/functions";
import type { MessengerController } from "../types";

/*
 * Uploading one file (a lazily loaded chunk: only visitors who attach something fetch it):
 * a one-time upload URL from the backend, the bytes to it (the server decides the type from
 * them and refuses what is not allowed), then files:saveUpload, which names the file and
 * records it for this visitor.
 */

const uploadUrl = v.object({ uploadUrl: v.string() });
const stored = v.object({ storageId: v.string() });
const saved = v.object({ uploadId: v.string(), name: v.string(), contentType: v.string(), size: v.number() });

export async function uploadFile(controller: Pick<MessengerController, "act">, file: File): Promise<OutboxAttachment> {
  const target = parse(uploadUrl, await controller.act(backend.files.generateUploadUrl, {}), "upload URL");
  const response = await fetch(target.uploadUrl, {
    method: "POST",
    headers: { "Content-Type": file.type || "application/octet-stream" },
    body: file,
  });
  if (!response.ok) throw new Error(`the upload was refused (${response.status})`);
  const { storageId } = parse(stored, await response.json(), "upload result");
  const result = parse(saved, await controller.act(backend.files.saveUpload, { storageId, name: file.name }), "saved upload");
  return { uploadId: result.uploadId, name: result.name, contentType: result.contentType, size: result.size };
}
