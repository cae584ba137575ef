import { Fragment } from "preact";
import { api } from "../../../convex/_generated/api";
import { hrefOf } from "../routes";
import type { Workspace } from "../workspace";
import { useQuery } from "../use-convex";
import { useNow } from "../use-now";
import { GatewayChatDetails } from "./gateway-chat-details";
import { BotRunSection } from "./bot-run-section";
import { plainText } from "./plain-text";
import { deviceLabel, isOnline } from "./presence";
import { shortTime } from "./time";
import { VisitorActivity, visitorClock } from "./visitor-activity";

/** The visitor beside the conversation: identity, where they are, what we know, their history. */
export function VisitorSidebar({ workspace, conversationId }: { workspace: Workspace; conversationId: string }) {
  const { data: visitor } = useQuery(api.inboxVisitors.forConversation, { workspaceId: workspace.workspaceId, conversationId });
  // Heartbeats age on the page's clock: re-judge presence now and then, no server call.
  const now = useNow(15_000);
  if (!visitor) return null;
  const online = isOnline(visitor.lastSeenAt, now);
  const attributes = Object.entries(visitor.attributes ?? {});
  return (
    <aside class="visitor-sidebar" aria-labelledby="visitor-heading">
      <h2 id="visitor-heading">{visitor.name}</h2>
      <dl>
        {visitor.nameIsGenerated && <><dt>Name</dt><dd>Not given (generated name)</dd></>}
        <dt>Email</dt>
        <dd>{visitor.email ?? "Unknown"}</dd>
        <dt>Presence</dt>
        <dd>
          <span class={online ? "presence-dot online" : "presence-dot"} aria-hidden="true" />
          {online ? "Online now" : "Offline"}
        </dd>
        <dt>Identity</dt>
        <dd>{visitor.userId === null ? "Anonymous visitor" : visitor.verified ? `Verified user ${visitor.userId}` : `Unverified user ${visitor.userId}`}</dd>
        {visitor.company && (
          <>
            <dt>Company</dt>
            <dd>{visitor.company.plan ? `${visitor.company.name} (${visitor.company.plan})` : visitor.company.name}</dd>
          </>
        )}
        <dt>Current page</dt>
        <dd class="wrap">{visitor.currentPage ?? "Unknown"}</dd>
        {visitor.device && (
          <>
            <dt>Device</dt>
            <dd>{deviceLabel(visitor.device)}</dd>
          </>
        )}
        {visitor.device?.locale && (
          <>
            <dt>Language</dt>
            <dd>{visitor.device.locale}</dd>
          </>
        )}
        {visitor.device?.timeZone && (
          <>
            <dt>Time zone</dt>
            <dd>{visitorClock(visitor.device.timeZone, now)}</dd>
          </>
        )}
        <dt>Last seen</dt>
        <dd>{shortTime(visitor.lastSeenAt, now)}</dd>
        {attributes.map(([key, value]) => (
          <Fragment key={key}>
            <dt>{key}</dt>
            <dd class="wrap">{String(value)}</dd>
          </Fragment>
        ))}
      </dl>
      <GatewayChatDetails workspace={workspace} conversationId={conversationId} />
      <BotRunSection workspace={workspace} conversationId={conversationId} />
      <VisitorActivity visitor={visitor} now={now} />
      <h3>Previous conversations</h3>
      {visitor.previousConversations.length === 0 ? (
        <p class="muted">None.</p>
      ) : (
        <ul class="plain">
          {visitor.previousConversations.map((conversation) => (
            <li key={conversation._id}>
              <a href={hrefOf({ screen: "chats", conversationId: conversation._id })}>
                {plainText(conversation.lastMessagePreview) || "No messages"}
              </a>{" "}
              <span class="muted">· {conversation.status} · {shortTime(conversation.lastMessageAt, now)}</span>
            </li>
          ))}
        </ul>
      )}
    </aside>
  );
}
