import { Fragment } from "preact";
import { api } from "../../../convex/_generated/api";
import { hrefOf } from "../routes";
import type { Workspace } from "../shell";
import { useQuery } from "../use-convex";
import { BotRunSection } from "./bot-run-section";
import { plainText } from "./plain-text";
import { shortTime } from "./time";

/** The visitor beside the conversation: identity, where they are, what we know, their history. */
export function VisitorSidebar({ workspace, conversationId }: { workspace: Workspace; conversationId: string }) {
  const { data: visitor } = useQuery(api.inboxVisitors.forConversation, { workspaceId: workspace.workspaceId, conversationId });
  if (!visitor) return null;
  const now = Date.now();
  const attributes = Object.entries(visitor.attributes ?? {});
  return (
    <aside class="visitor-sidebar" aria-labelledby="visitor-heading">
      <h2 id="visitor-heading">{visitor.name}</h2>
      <dl>
        {visitor.nameIsGenerated && <><dt>Name</dt><dd>Not given (generated name)</dd></>}
        <dt>Email</dt>
        <dd>{visitor.email ?? "Unknown"}</dd>
        <dt>Identity</dt>
        <dd>{visitor.userId === null ? "Anonymous visitor" : visitor.verified ? `Verified user ${visitor.userId}` : `Unverified user ${visitor.userId}`}</dd>
        <dt>Current page</dt>
        <dd class="wrap">{visitor.currentPage ?? "Unknown"}</dd>
        {visitor.device && (
          <>
            <dt>Device</dt>
            <dd>{`${visitor.device.browser} on ${visitor.device.os} (${visitor.device.deviceType})`}</dd>
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
      <BotRunSection workspace={workspace} conversationId={conversationId} />
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
