import * as v from "valibot";
import type { OutboxAttachment } from "../../runtime/outbox";
import { readAppError } from "../../runtime/errors";
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

const refusal = v.object({ error: v.object({ code: v.string(), message: v.string() }) });

/** The server refused the file itself (what its bytes are, or its size): retrying cannot help. */
export class UploadRefused extends Error {
  constructor(
    readonly problem: "type" | "size",
    message: string,
  ) {
    super(message);
    this.name = "UploadRefused";
  }
}

export async function uploadFile(controller: Pick<MessengerController, "act">, file: File): Promise<OutboxAttachment> {
  const target = parse(uploadUrl, await controller.act(backend.files.generateUploadUrl, {}), "upload URL");
  const response = await fetch(target.uploadUrl, {
    method: "POST",
    headers: { "Content-Type": file.type || "application/octet-stream" },
    body: file,
  });
  if (!response.ok) throw await refusedUpload(response);
  const { storageId } = parse(stored, await response.json(), "upload result");
  try {
    const result = parse(saved, await controller.act(backend.files.saveUpload, { storageId, name: file.name }), "saved upload");
    return { uploadId: result.uploadId, name: result.name, contentType: result.contentType, size: result.size };
  } catch (error) {
    const info = readAppError(error);
    throw info?.code === "INVALID_ARGUMENT" ? new UploadRefused("type", info.message) : error;
  }
}

async function refusedUpload(response: Response): Promise<Error> {
  const body = v.safeParse(refusal, await response.json().catch(() => null));
  const message = body.success ? body.output.error.message : `the upload was refused (${response.status})`;
  if (response.status === 413) return new UploadRefused("size", message);
  if (body.success && body.output.error.code === "INVALID_ARGUMENT") return new UploadRefused("type", message);
  return new Error(message);
}
