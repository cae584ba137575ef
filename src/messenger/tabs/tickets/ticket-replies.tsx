import { useState } from "preact/hooks";
import { checkMessage, MESSAGE_MAX_LENGTH } from "../../../../core/messages/text";
import { backend } from "../../../runtime/functions";
import { useI18n } from "../../panel/i18n";
import { MessageAttachments } from "../../panel/message-attachments";
import type { MessengerController } from "../../types";
import { parseReplied, type TicketReply } from "./wire";

export interface TicketRepliesProps {
  controller: MessengerController;
  ticketId: string;
  replies: TicketReply[];
  /** A cancelled ticket takes no more replies. */
  canReply: boolean;
}

/** The conversation on a ticket: the team's replies and the visitor's, and a box to answer. */
export function TicketReplies({ controller, ticketId, replies, canReply }: TicketRepliesProps) {
  const { t, locale } = useI18n();
  const when = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" });
  const [draft, setDraft] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const send = async (event: Event) => {
    event.preventDefault();
    const check = checkMessage(draft);
    if (!check.ok) {
      setProblem(check.reason === "empty" ? t.fieldRequired(t.ticketReply) : t.tooLong(MESSAGE_MAX_LENGTH));
      return;
    }
    setBusy(true);
    setProblem(null);
    try {
      parseReplied(await controller.mutate(backend.tickets.reply, { ticketId, body: check.body }));
      setDraft("");
    } catch {
      setProblem(t.ticketReplyFailed);
    } finally {
      setBusy(false);
    }
  };

  if (replies.length === 0 && !canReply) return null;
  return (
    <section aria-labelledby="oc-ticket-replies">
      <h4 id="oc-ticket-replies" class="oc-ticket-heading">
        {t.ticketReplies}
      </h4>
      {replies.length > 0 && (
        <ol class="oc-ticket-replies">
          {replies.map((reply) => (
            <li key={reply.id} class={`oc-ticket-reply oc-ticket-reply-${reply.author}`}>
              <p class="oc-ticket-reply-meta">
                <span>{reply.author === "visitor" ? t.ticketYou : (reply.authorName ?? t.ticketTeam)}</span>
                <time dateTime={new Date(reply.createdAt).toISOString()}>{when.format(reply.createdAt)}</time>
              </p>
              {reply.body !== "" && <p class="oc-ticket-reply-body">{reply.body}</p>}
              {reply.attachments && reply.attachments.length > 0 && <MessageAttachments files={reply.attachments} />}
            </li>
          ))}
        </ol>
      )}
      {canReply && (
        <form class="oc-ticket-form" onSubmit={send} noValidate>
          <div class="oc-field">
            <label for="oc-ticket-reply">{t.ticketReply}</label>
            <textarea
              id="oc-ticket-reply"
              rows={3}
              value={draft}
              aria-invalid={problem ? "true" : "false"}
              {...(problem ? { "aria-describedby": "oc-ticket-reply-error" } : {})}
              onInput={(e) => setDraft(e.currentTarget.value)}
            />
            {problem && (
              <p id="oc-ticket-reply-error" class="oc-composer-error" role="alert">
                {problem}
              </p>
            )}
          </div>
          <button type="submit" class="oc-primary" disabled={busy}>
            {t.sendTicketReply}
          </button>
        </form>
      )}
    </section>
  );
}
