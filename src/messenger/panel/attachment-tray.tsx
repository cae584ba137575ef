import { formatBytes } from "../../../core/messages/attachments";
import { CloseIcon } from "../icons";
import { useI18n } from "./i18n";
import type { PendingFile } from "./use-attachments";

/** The files picked for the next message: thumbnails or names, upload state, remove buttons. */
export function AttachmentTray({ files, onRemove }: { files: readonly PendingFile[]; onRemove(id: number): void }) {
  const { t, locale } = useI18n();
  if (files.length === 0) return null;
  return (
    <ul class="oc-tray" aria-label={t.attachments}>
      {files.map((file) => (
        <li key={file.id} class={`oc-tray-item oc-${file.status}`}>
          {/* A page whose CSP leaves blob: out of img-src gets no thumbnail, just the name. */}
          {file.previewUrl ? <img src={file.previewUrl} alt="" onError={(event) => (event.currentTarget.hidden = true)} /> : null}
          <span class="oc-tray-name">
            {file.name}
            <span class="oc-tray-meta">{file.status === "uploading" ? t.uploading : formatBytes(file.size, locale)}</span>
          </span>
          <button type="button" class="oc-icon-button oc-tray-remove" aria-label={t.removeFile(file.name)} onClick={() => onRemove(file.id)}>
            <CloseIcon />
          </button>
        </li>
      ))}
    </ul>
  );
}
