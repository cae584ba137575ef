import { useRef, useState } from "preact/hooks";
import type { ConvexClient } from "convex/browser";
import { api } from "../../../convex/_generated/api";
import { attachmentProblem, formatBytes, MAX_ATTACHMENTS_PER_MESSAGE } from "../../../core/messages/attachments";
import { errorMessage } from "../use-convex";

export type ReplyFile = { key: number; name: string; status: "uploading" | "ready" | "failed"; uploadId: string | null; problem: string | null };

export type ReplyFiles = {
  files: readonly ReplyFile[];
  add(picked: readonly File[]): void;
  remove(key: number): void;
  /** The saved uploads' ids, and an empty tray. */
  take(): string[];
  busy: boolean;
};

type Target = { workspaceId: string; conversationId: string };

/** Why a picked file cannot go on the reply (checked again, on its bytes, by the server), or null. */
export function replyFileRefusal(file: { type: string; size: number }, fits: boolean): string | null {
  if (!fits) return `At most ${MAX_ATTACHMENTS_PER_MESSAGE} files per reply.`;
  const problem = attachmentProblem(file.type, file.size);
  if (problem === null) return null;
  if (problem.reason === "size") return `Larger than ${formatBytes(problem.maxBytes, "en")}.`;
  if (problem.reason === "empty") return "The file is empty.";
  return "Only PNG, JPEG, GIF and WebP images, PDF and .txt files can be attached.";
}

/**
 * Files for the next reply, uploaded at once through the same path and checks as a
 * visitor's (inboxFiles.ts): the limits checked here first, the bytes checked on the server.
 */
export function useReplyFiles(client: ConvexClient, target: Target): ReplyFiles {
  const [files, setFiles] = useState<ReplyFile[]>([]);
  const nextKey = useRef(0);
  const update = (key: number, patch: Partial<ReplyFile>) =>
    setFiles((current) => current.map((file) => (file.key === key ? { ...file, ...patch } : file)));

  const upload = async (key: number, file: File) => {
    try {
      const { uploadUrl } = await client.action(api.inboxFiles.generateUploadUrl, target);
      const response = await fetch(uploadUrl, { method: "POST", headers: { "Content-Type": file.type || "application/octet-stream" }, body: file });
      const answer = (await response.json()) as { storageId?: string; error?: { message?: string } };
      if (!response.ok || answer.storageId === undefined) throw new Error(answer.error?.message ?? `The upload was refused (${response.status}).`);
      const saved = await client.action(api.inboxFiles.saveUpload, { ...target, storageId: answer.storageId, name: file.name });
      update(key, { status: "ready", uploadId: saved.uploadId });
    } catch (failure) {
      update(key, { status: "failed", problem: errorMessage(failure) });
    }
  };

  return {
    files,
    busy: files.some((file) => file.status === "uploading"),
    add(picked) {
      const room = MAX_ATTACHMENTS_PER_MESSAGE - files.length;
      const added = picked.map((file, index): [ReplyFile, File] => {
        const refusal = replyFileRefusal(file, index < room);
        const key = nextKey.current++;
        return [{ key, name: file.name, status: refusal === null ? "uploading" : "failed", uploadId: null, problem: refusal }, file];
      });
      setFiles((current) => [...current, ...added.map(([entry]) => entry)]);
      for (const [entry, file] of added) if (entry.status === "uploading") void upload(entry.key, file);
    },
    remove(key) {
      setFiles((current) => current.filter((file) => file.key !== key));
    },
    take() {
      const ids = files.flatMap((file) => (file.status === "ready" && file.uploadId !== null ? [file.uploadId] : []));
      setFiles([]);
      return ids;
    },
  };
}
