import { Fragment } from "preact";
import { api } from "../../../convex/_generated/api";
import type { Workspace } from "../workspace";
import { useQuery } from "../use-convex";

/** For a chat that came through a gateway: the platform, the sender as it named itself, and the metadata it sent. */
export function GatewayChatDetails({ workspace, conversationId }: { workspace: Workspace; conversationId: string }) {
  const { data: chat } = useQuery(api.gatewaysInbox.chatForConversation, { workspaceId: workspace.workspaceId, conversationId });
  if (!chat) return null;
  return (
    <section aria-labelledby="gateway-chat-heading">
      <h3 id="gateway-chat-heading">From {chat.platform}</h3>
      <dl>
        <dt>Gateway</dt>
        <dd>{chat.gatewayName ?? "Deleted gateway"}</dd>
        <dt>Chat</dt>
        <dd class="wrap">{chat.chatId}</dd>
        <dt>Sender id</dt>
        <dd class="wrap">{chat.sender.id}</dd>
        {chat.sender.nickname && (
          <>
            <dt>Nickname</dt>
            <dd>{chat.sender.nickname}</dd>
          </>
        )}
        {Object.entries(chat.metadata).map(([key, value]) => (
          <Fragment key={key}>
            <dt>{key}</dt>
            <dd class="wrap">{value}</dd>
          </Fragment>
        ))}
      </dl>
    </section>
  );
}
