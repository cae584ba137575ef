import { formatBytes, isImageType } from "../../../core/messages/attachments";
import { safeImageUrl } from "../format";
import type { DisplayAttachment } from "../merge";
import { useI18n } from "./i18n";

/**
 * Files on a message: images as thumbnails, other files as links with their size. URLs
 * are Convex storage URLs; only plain http(s) ones are used. Files still in the outbox
 * (no URL yet) show their name.
 */
export function MessageAttachments({ files }: { files: readonly DisplayAttachment[] }) {
  const { t, locale } = useI18n();
  return (
    <ul class="oc-files" aria-label={t.attachments}>
      {files.map((file, index) => {
        const url = safeImageUrl(file.url ?? undefined);
        const label = `${file.name} (${formatBytes(file.size, locale)})`;
        return (
          <li key={file.uploadId ?? `${index}-${file.name}`}>
            {url && isImageType(file.contentType) ? (
              <a class="oc-file-image" href={url} target="_blank" rel="noopener noreferrer" aria-label={t.openFile(file.name)}>
                <img src={url} alt={file.name} loading="lazy" referrerpolicy="no-referrer" />
              </a>
            ) : url ? (
              <a class="oc-file" href={url} target="_blank" rel="noopener noreferrer" download={file.name}>
                {label}
              </a>
            ) : (
              <span class="oc-file">{label}</span>
            )}
          </li>
        );
      })}
    </ul>
  );
}
