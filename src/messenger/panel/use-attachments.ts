import { useEffect, useRef, useState } from "preact/hooks";
import type { OutboxAttachment } from "../../runtime/outbox";
import { logError } from "../../sdk/log";
import { ATTACHMENT_LIMITS, attachmentProblem, formatBytes, isImageType, MAX_ATTACHMENTS_PER_MESSAGE } from "../../../core/messages/attachments";
import type { MessengerController } from "../types";
import { useI18n } from "./i18n";

export interface PendingFile {
  id: number;
  name: string;
  size: number;
  contentType: string;
  status: "uploading" | "ready" | "failed";
  /** Why it failed, when the server refused the file itself (then retrying cannot help). */
  refused?: "type" | "size";
  /** An object URL of the picked image, for its thumbnail. */
  previewUrl: string | null;
  upload: OutboxAttachment | null;
}

export interface Attachments {
  files: readonly PendingFile[];
  /** Why files were refused just now (type, size, count), in the visitor's language. */
  problems: readonly string[];
  add(files: readonly File[]): void;
  remove(id: number): void;
  /** Uploaded files to send; clears the tray. */
  take(): OutboxAttachment[];
  uploading: boolean;
  failed: boolean;
  /** Whether the composer offers attaching at all. */
  enabled: boolean;
}

/**
 * The composer's files: checked against the limits before uploading (the server checks
 * again, on the bytes), uploaded at once (the upload code is its own chunk), previewed.
 */
export function useAttachments(controller: Pick<MessengerController, "mutate" | "act">): Attachments {
  const { t, locale } = useI18n();
  const [files, setFiles] = useState<PendingFile[]>([]);
  const [problems, setProblems] = useState<string[]>([]);
  const nextId = useRef(0);
  const alive = useRef(true);
  const urls = useRef(new Set<string>());
  /** Uploads go one at a time: kinder to the visitor's bandwidth, and in the order picked. */
  const queue = useRef<Promise<unknown>>(Promise.resolve());

  useEffect(
    () => () => {
      alive.current = false;
      for (const url of urls.current) URL.revokeObjectURL(url);
    },
    [],
  );

  const update = (id: number, patch: Partial<PendingFile>) =>
    alive.current && setFiles((current) => current.map((file) => (file.id === id ? { ...file, ...patch } : file)));

  const forget = (file: PendingFile) => {
    if (file.previewUrl) {
      URL.revokeObjectURL(file.previewUrl);
      urls.current.delete(file.previewUrl);
    }
  };

  function add(picked: readonly File[]): void {
    const refused: string[] = [];
    const accepted: Array<[PendingFile, File]> = [];
    for (const file of picked) {
      const problem = attachmentProblem(file.type, file.size);
      if (files.length + accepted.length >= MAX_ATTACHMENTS_PER_MESSAGE) refused.push(t.tooManyFiles(MAX_ATTACHMENTS_PER_MESSAGE));
      else if (problem?.reason === "size") refused.push(t.fileTooBig(file.name, formatBytes(problem.maxBytes, locale)));
      else if (problem) refused.push(t.fileType(file.name));
      else {
        const previewUrl = isImageType(file.type) ? URL.createObjectURL(file) : null;
        if (previewUrl) urls.current.add(previewUrl);
        const pending: PendingFile = { id: nextId.current++, name: file.name, size: file.size, contentType: file.type, status: "uploading", previewUrl, upload: null };
        accepted.push([pending, file]);
      }
    }
    setProblems([...new Set(refused)]);
    if (accepted.length === 0) return;
    setFiles((current) => [...current, ...accepted.map(([pending]) => pending)]);
    void import("../attachments/upload").then(
      ({ uploadFile, UploadRefused }) => {
        for (const [pending, file] of accepted) {
          queue.current = queue.current.then(() =>
            uploadFile(controller, file).then(
              (upload) => update(pending.id, { status: "ready", upload }),
              (error: unknown) => {
                logError(`could not upload ${file.name}`, error);
                update(pending.id, { status: "failed", ...(error instanceof UploadRefused ? { refused: error.problem } : {}) });
              },
            ),
          );
        }
      },
      (error: unknown) => {
        logError("could not load the uploader", error);
        for (const [pending] of accepted) update(pending.id, { status: "failed" });
      },
    );
  }

  /** What went wrong with a file, in the visitor's language: the server's reason when it refused the file. */
  const failure = (file: PendingFile) =>
    file.refused === "type"
      ? t.fileType(file.name)
      : file.refused === "size"
        ? t.fileTooBig(file.name, formatBytes(ATTACHMENT_LIMITS[file.contentType] ?? Math.max(...Object.values(ATTACHMENT_LIMITS)), locale))
        : t.uploadFailed(file.name);

  return {
    files,
    problems: [...problems, ...files.filter((file) => file.status === "failed").map(failure)],
    add,
    remove(id) {
      const file = files.find((candidate) => candidate.id === id);
      if (file) forget(file);
      setFiles((current) => current.filter((candidate) => candidate.id !== id));
      setProblems([]);
    },
    take() {
      const ready = files.flatMap((file) => (file.upload ? [file.upload] : []));
      // Thumbnails stay valid until unmount: the sent bubble may still show them.
      setFiles([]);
      setProblems([]);
      return ready;
    },
    uploading: files.some((file) => file.status === "uploading"),
    failed: files.some((file) => file.status === "failed"),
    enabled: true,
  };
}
