/*
 * A conversation as a plain-text transcript the visitor downloads: one block per
 * message with who wrote it and when, in the visitor's locale. Built from the
 * messages already on screen; nothing is fetched.
 */

export type TranscriptMessage = { senderType: string; senderName?: string | null; body: string; createdAt: number };

export function transcriptText(messages: readonly TranscriptMessage[], names: { team: string; visitor: string }, locale: string): string {
  const time = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" });
  return messages
    .map((message) => {
      const who = message.senderType === "visitor" ? names.visitor : (message.senderName ?? names.team);
      return `${who} — ${time.format(message.createdAt)}\n${message.body}\n`;
    })
    .join("\n");
}

/** Hands the text to the browser as a file download (an object URL, revoked after the click). */
export function downloadText(doc: Document, fileName: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: "text/plain;charset=utf-8" }));
  const link = doc.createElement("a");
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  doc.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
