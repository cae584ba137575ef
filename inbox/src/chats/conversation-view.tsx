import { useEffect, useRef, useState } from "preact/hooks";
import { api } from "../../../convex/_generated/api";
import type { OperatorProfile } from "../../../convex/members";
import type { Workspace } from "../workspace";
import { errorMessage, useQuery, useServices } from "../use-convex";
import { Composer } from "./composer";
import { ConversationActions } from "./conversation-actions";
import { MessageItem, NoteItem } from "./message-item";
import { seenMessageId, timeline } from "./timeline";
import { useReplyFiles } from "./use-reply-files";

type Props = { me: OperatorProfile; workspace: Workspace; conversationId: string };

export function ConversationView({ me, workspace, conversationId }: Props) {
  const { client } = useServices();
  const args = { workspaceId: workspace.workspaceId, conversationId };
  const { data: conversation, error } = useQuery(api.inboxConversations.get, args);
  const { data: messages } = useQuery(api.inboxMessages.list, args);
  const { data: notes } = useQuery(api.inboxNotes.list, args);
  const [actionError, setActionError] = useState<string | null>(null);
  const log = useRef<HTMLDivElement>(null);
  const visitorTyping = useUntil(conversation?.visitorTypingUntil ?? null);
  const files = useReplyFiles(client, args);

  // Reading it here is reading it: the visitor sees "Seen" and the unread count clears.
  const unread = conversation?.unreadCount ?? 0;
  const lastMessageAt = conversation?.lastMessageAt ?? 0;
  useEffect(() => {
    if (conversation === undefined || (unread === 0 && conversation.readByAgentAt !== null)) return;
    client.mutation(api.inboxConversations.markRead, args).catch(() => {});
  }, [conversationId, unread, lastMessageAt]);

  const entries = timeline(messages ?? [], notes ?? []);
  useEffect(() => {
    log.current?.scrollTo({ top: log.current.scrollHeight });
  }, [entries.length]);

  if (error !== null) {
    return (
      <section class="conversation-pane" aria-label="Conversation">
        <p role="alert" class="error">{errorMessage(error)}</p>
      </section>
    );
  }
  if (conversation === undefined) return <section class="conversation-pane" aria-label="Conversation"><p class="loading">Loading…</p></section>;
  const seenId = seenMessageId(messages ?? [], conversation.readByVisitorAt);
  const run = (work: Promise<unknown>) => {
    setActionError(null);
    work.catch((failure: unknown) => setActionError(errorMessage(failure)));
  };

  return (
    <section class="conversation-pane" aria-labelledby="conversation-heading">
      <header class="conversation-header">
        <a class="back" href="#/chats">Back to the list</a>
        <h2 id="conversation-heading">{conversation.visitorName}</h2>
        <ConversationActions
          me={me}
          workspace={workspace}
          conversation={conversation}
          onAction={run}
        />
      </header>
      {actionError && <p role="alert" class="error">{actionError}</p>}
      <div class="log" role="log" aria-label="Messages" ref={log} tabIndex={0}>
        {entries.map((entry) =>
          entry.kind === "message" ? (
            <MessageItem key={entry.message._id} message={entry.message} visitorName={conversation.visitorName} seen={entry.message._id === seenId} />
          ) : (
            <NoteItem key={entry.note._id} note={entry.note} />
          ),
        )}
      </div>
      <p class="typing" aria-live="polite">{visitorTyping ? `${conversation.visitorName} is typing…` : ""}</p>
      <Composer
        files={files}
        onTyping={(typing) => void client.mutation(api.inboxConversations.setTypingIndicator, { ...args, typing }).catch(() => {})}
        onSend={async (body, mode, attachmentIds) => {
          if (mode === "note") await client.mutation(api.inboxNotes.add, { ...args, body });
          else await client.mutation(api.inboxMessages.reply, { ...args, body, ...(attachmentIds.length > 0 ? { attachmentIds } : {}) });
        }}
      />
    </section>
  );
}

/** True until `until` (a server timestamp) passes; a query does not re-run as time goes by. */
function useUntil(until: number | null): boolean {
  const [, tick] = useState(0);
  const active = until !== null && until > Date.now();
  useEffect(() => {
    if (!active || until === null) return;
    const timer = setTimeout(() => tick((n) => n + 1), until - Date.now() + 50);
    return () => clearTimeout(timer);
  }, [until, active]);
  return active;
}
