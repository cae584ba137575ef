import type { AttachmentView } from "../../../convex/lib/attachmentViews";

/** A message's or ticket reply's files: images as thumbnails, the rest as downloads, gone ones named. */
export function AttachmentLinks({ files }: { files: readonly AttachmentView[] }) {
  return (
    <>
      {files.map((file, index) =>
        file.url === null ? (
          <p key={index} class="attachment">{file.name} (no longer available)</p>
        ) : file.contentType.startsWith("image/") ? (
          <a key={index} class="attachment" href={file.url} target="_blank" rel="noopener noreferrer">
            <img src={file.url} alt={file.name} loading="lazy" />
          </a>
        ) : (
          <a key={index} class="attachment" href={file.url} target="_blank" rel="noopener noreferrer" download={file.name}>
            📎 {file.name} ({Math.max(1, Math.round(file.size / 1024))} KB)
          </a>
        ),
      )}
    </>
  );
}
