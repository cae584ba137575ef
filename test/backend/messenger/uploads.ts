import { expect } from "vitest";
import { api } from "../../../convex/_generated/api";
import type { TestBackend } from "../helpers";

export const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d];
export const PDF = [...new TextEncoder().encode("%PDF-1.7\n")];

export type UploadAnswer = { status: number; json: any };

/** What the widget does: an upload URL for the session, then the bytes POSTed to it. */
export async function postFile(
  t: TestBackend,
  sessionToken: string,
  bytes: number[] | Uint8Array,
  type = "application/octet-stream",
): Promise<UploadAnswer> {
  const { uploadUrl } = await t.action(api.files.generateUploadUrl, { sessionToken });
  return await postTo(t, uploadUrl, bytes, type);
}

export async function postTo(t: TestBackend, uploadUrl: string, bytes: number[] | Uint8Array, type = "application/octet-stream") {
  const response = await t.fetch(new URL(uploadUrl).pathname, {
    method: "POST",
    headers: { "Content-Type": type },
    body: new Uint8Array(bytes),
  });
  return { status: response.status, json: await response.json() };
}

/** Uploads bytes that must be accepted; returns the storage id. */
export async function uploaded(t: TestBackend, sessionToken: string, bytes: number[] | Uint8Array, type?: string): Promise<string> {
  const answer = await postFile(t, sessionToken, bytes, type);
  expect(answer.status).toBe(200);
  return answer.json.storageId as string;
}
