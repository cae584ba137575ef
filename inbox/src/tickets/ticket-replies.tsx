import { useState } from "preact/hooks";
import { api } from "../../../convex/_generated/api";
import type { OperatorTicket } from "../../../convex/model/ticketDetails";
import { AttachmentLinks } from "../chats/attachment-links";
import { shortTime } from "../chats/time";
import type { Workspace } from "../workspace";
import { errorMessage, useServices } from "../use-convex";

type Props = { workspace: Workspace; ticket: OperatorTicket; now: number };

/** The conversation on the ticket, as the visitor sees it in the messenger's Tickets tab, and the reply box. */
export function TicketReplies({ workspace, ticket, now }: Props) {
  const { client } = useServices();
  const [body, setBody] = useState("");
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const send = async () => {
    if (body.trim() === "" || sending) return;
    setSending(true);
    setError(null);
    try {
      await client.mutation(api.ticketsInbox.reply, { workspaceId: workspace.workspaceId, ticket: ticket.id, body });
      setBody("");
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setSending(false);
    }
  };
  return (
    <section aria-labelledby="replies-heading" class="card">
      <h2 id="replies-heading">Replies</h2>
      <div role="log" aria-label="Ticket replies" class="ticket-replies">
        {ticket.replies.length === 0 && <p class="muted">No replies yet.</p>}
        {ticket.replies.map((reply) => (
          <div key={reply.id} class={reply.author === "agent" ? "message from-team" : "message"}>
            <p class="meta">
              {reply.author === "agent" ? (reply.authorName ?? "Team") : (ticket.author.name ?? "Customer")} ·{" "}
              <time dateTime={new Date(reply.createdAt).toISOString()}>{shortTime(reply.createdAt, now)}</time>
            </p>
            {reply.body !== "" && <div class="body">{reply.body}</div>}
            <AttachmentLinks files={reply.attachments ?? []} />
          </div>
        ))}
      </div>
      <form
        class="ticket-reply"
        onSubmit={(event) => {
          event.preventDefault();
          void send();
        }}
      >
        <label>
          Reply
          <textarea
            id="composer-text"
            value={body}
            rows={3}
            onInput={(event) => setBody(event.currentTarget.value)}
            onKeyDown={(event) => {
              if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
                event.preventDefault();
                void send();
              }
            }}
          />
        </label>
        {error && <p role="alert" class="error">{error}</p>}
        <button type="submit" disabled={sending}>Send</button>
      </form>
    </section>
  );
}
