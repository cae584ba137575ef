import type { InboxMessage } from "../../../convex/inboxMessages";
import type { InboxNote } from "../../../convex/lib/inboxViews";
import { Markdown } from "../../../src/ui/markdown/render";
import { AttachmentLinks } from "./attachment-links";
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
      <AttachmentLinks files={message.attachments ?? []} />
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
