import { useCallback, useState } from "preact/hooks";
import { api } from "../../../convex/_generated/api";
import type { OperatorProfile } from "../../../convex/members";
import { AppPanels, useAppEventHub } from "../apps/app-panels";
import { useChatApps } from "./chat-app-events";
import type { Workspace } from "../workspace";
import { useQuery } from "../use-convex";
import { ConversationList } from "./conversation-list";
import { ConversationView } from "./conversation-view";
import { ShortcutSheet } from "./shortcut-sheet";
import { useUnreadAlerts } from "./use-alerts";
import { hrefOf } from "../routes";
import { useNow } from "../use-now";
import { onlineCount } from "./presence";
import { useListShortcuts } from "./use-shortcuts";
import { VisitorSidebar } from "./visitor-sidebar";
import "./chats.css";

const FILTERS = [
  { value: "open", label: "Open" },
  { value: "mine", label: "Mine" },
  { value: "unassigned", label: "Unassigned" },
  { value: "snoozed", label: "Snoozed" },
  { value: "closed", label: "Closed" },
] as const;
type Filter = (typeof FILTERS)[number]["value"];
const PAGE = 25;
const chatHref = (id: string) => hrefOf({ screen: "chats", conversationId: id });
/** Presence only needs redrawing as heartbeats age, not every second. */
const PRESENCE_TICK_MS = 15_000;

type Props = { me: OperatorProfile; workspace: Workspace; conversationId: string | null };

export function ChatsScreen({ me, workspace, conversationId }: Props) {
  const [filter, setFilter] = useState<Filter>("open");
  const [limit, setLimit] = useState(PAGE);
  const { data, error } = useQuery(api.inboxConversations.list, { workspaceId: workspace.workspaceId, filter, limit });
  const [helpOpen, setHelpOpen] = useState(false);
  const openHelp = useCallback(() => setHelpOpen(true), []);
  useListShortcuts(data?.conversations.map((conversation) => conversation._id) ?? [], conversationId, chatHref, openHelp);
  useUnreadAlerts(data?.conversations, workspace.name);
  const now = useNow(PRESENCE_TICK_MS);
  const online = data === undefined ? 0 : onlineCount(data.conversations, now);
  const appHub = useAppEventHub();
  const appActions = useChatApps(appHub, workspace, conversationId);
  return (
    <main class={conversationId === null ? "chats" : "chats has-selection"}>
      <section class="list-pane" aria-labelledby="chats-heading">
        <div class="list-title">
          <h1 id="chats-heading">Chats</h1>
          <button type="button" class="quiet" aria-keyshortcuts="?" onClick={openHelp}>Shortcuts</button>
        </div>
        <div role="group" aria-label="Show" class="filters">
          {FILTERS.map(({ value, label }) => (
            <button
              key={value}
              type="button"
              aria-pressed={filter === value}
              onClick={() => {
                setFilter(value);
                setLimit(PAGE);
              }}
            >
              {label}
            </button>
          ))}
        </div>
        <p class="online-count" aria-live="polite">
          <span class={online > 0 ? "presence-dot online" : "presence-dot"} aria-hidden="true" /> {online} {online === 1 ? "visitor" : "visitors"} online in this list
        </p>
        {error && <p role="alert" class="error">{error.message}</p>}
        {data === undefined ? (
          <p class="loading">Loading…</p>
        ) : (
          <ConversationList
            conversations={data.conversations}
            selectedId={conversationId}
            now={now}
            hasMore={data.hasMore}
            onLoadMore={() => setLimit((current) => current + PAGE)}
          />
        )}
      </section>
      {conversationId !== null ? (
        <>
          <ConversationView key={conversationId} me={me} workspace={workspace} conversationId={conversationId} />
          <div class="side-column">
            <VisitorSidebar workspace={workspace} conversationId={conversationId} />
            <AppPanels workspace={workspace} screen="CHATS" hub={appHub} actions={appActions} />
          </div>
        </>
      ) : (
        <section class="conversation-pane empty-pane" aria-label="Conversation">
          <p>Pick a conversation.</p>
        </section>
      )}
      <ShortcutSheet open={helpOpen} onClose={() => setHelpOpen(false)} />
    </main>
  );
}
