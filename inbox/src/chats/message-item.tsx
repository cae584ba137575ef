import type { InboxMessage } from "../../../convex/inboxMessages";
import type { InboxNote } from "../../../convex/lib/inboxViews";
import { Markdown } from "../../../src/ui/markdown/render";
import { BotResponseView } from "./bot-response";
import { shortTime } from "./time";

export function MessageItem({ message, visitorName, seen }: { message: InboxMessage; visitorName: string; seen: boolean }) {
  const fromVisitor = message.senderType === "visitor";
  const author = fromVisitor ? visitorName : message.senderName ?? (message.senderType === "bot" ? "Bot" : "Team");
  return (
    <article class={fromVisitor ? "message from-visitor" : "message from-team"} aria-label={`${author}, ${shortTime(message.createdAt, Date.now())}`}>
      <p class="meta">{author}</p>
      {message.bot !== undefined ? (
        <BotResponseView response={message.bot.response} answered={message.bot.answered} />
      ) : message.body !== "" && (
        <div class="body">
          <Markdown text={message.body} />
        </div>
      )}
      {message.attachments?.map((file, index) =>
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
      {seen && <p class="seen">Seen</p>}
    </article>
  );
}

export function NoteItem({ note }: { note: InboxNote }) {
  return (
    <article class="message note" aria-label={`Internal note by ${note.authorName}`}>
      <p class="meta">Internal note · {note.authorName}</p>
      <div class="body">
        <Markdown text={note.body} />
      </div>
    </article>
  );
}
