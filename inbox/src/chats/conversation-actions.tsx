import { api } from "../../../convex/_generated/api";
import type { InboxConversation } from "../../../convex/lib/inboxViews";
import type { OperatorProfile } from "../../../convex/members";
import type { Workspace } from "../workspace";
import { useQuery, useServices } from "../use-convex";
import { SnoozeControl } from "./snooze-control";

type Props = {
  me: OperatorProfile;
  workspace: Workspace;
  conversation: InboxConversation;
  onAction: (work: Promise<unknown>) => void;
};

/** Assign to a member and a support team (or nobody), snooze, and close or reopen. */
export function ConversationActions({ me, workspace, conversation, onAction }: Props) {
  const { client } = useServices();
  const { data: members } = useQuery(api.members.list, { workspaceId: workspace.workspaceId });
  const { data: teams } = useQuery(api.supportTeams.list, { workspaceId: workspace.workspaceId });
  const args = { workspaceId: workspace.workspaceId, conversationId: conversation._id };
  const assign = (assigneeId: string | null) => onAction(client.mutation(api.inboxConversations.assign, { ...args, assigneeId }));
  return (
    <div class="actions">
      <label>
        Assignee
        <select
          data-shortcut="assignee"
          aria-keyshortcuts="m"
          value={conversation.assignee?.userId ?? ""}
          onChange={(event) => assign((event.currentTarget as HTMLSelectElement).value || null)}
        >
          <option value="">Unassigned</option>
          {(members ?? []).map((member) => (
            <option key={member.userId} value={member.userId}>{member.userId === me.userId ? `${member.name} (me)` : member.name}</option>
          ))}
        </select>
      </label>
      <label>
        Team
        <select
          data-shortcut="team"
          aria-keyshortcuts="t"
          value={conversation.supportTeam?.id ?? ""}
          onChange={(event) =>
            onAction(client.mutation(api.inboxConversations.assignTeam, { ...args, supportTeamId: event.currentTarget.value || null }))
          }
        >
          <option value="">No team</option>
          {(teams ?? []).map((team) => <option key={team.id} value={team.id}>{team.name}</option>)}
        </select>
      </label>
      {conversation.assignee?.userId !== me.userId && (
        <button type="button" data-shortcut="assign" aria-keyshortcuts="a" onClick={() => assign(me.userId)}>Assign to me</button>
      )}
      <SnoozeControl conversation={conversation} onSnooze={(until) => onAction(client.mutation(api.inboxConversations.snooze, { ...args, until }))} />
      {conversation.status === "open" ? (
        <button type="button" data-shortcut="toggleStatus" aria-keyshortcuts="c" onClick={() => onAction(client.mutation(api.inboxConversations.setStatus, { ...args, status: "closed" }))}>Close</button>
      ) : (
        <button type="button" data-shortcut="toggleStatus" aria-keyshortcuts="c" onClick={() => onAction(client.mutation(api.inboxConversations.setStatus, { ...args, status: "open" }))}>Reopen</button>
      )}
    </div>
  );
}
