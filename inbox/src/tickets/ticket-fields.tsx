import { TICKET_PRIORITIES, TICKET_STATES } from "../../../core/sla";
import { api } from "../../../convex/_generated/api";
import type { OperatorTicket } from "../../../convex/model/ticketDetails";
import type { Workspace } from "../workspace";
import { useQuery, useServices } from "../use-convex";
import { parsePriority, parseState, PRIORITY_LABELS, STATE_LABELS } from "./queue";

type Change = { state?: OperatorTicket["state"]; priority?: OperatorTicket["priority"]; assigneeId?: string | null; supportTeamId?: string | null };

type Props = { workspace: Workspace; ticket: OperatorTicket; onAction: (work: Promise<unknown>) => void };

/** State, priority, assignee and support team, each saved as soon as it is picked. */
export function TicketFields({ workspace, ticket, onAction }: Props) {
  const { client } = useServices();
  const { data: members } = useQuery(api.members.list, { workspaceId: workspace.workspaceId });
  const { data: teams } = useQuery(api.supportTeams.list, { workspaceId: workspace.workspaceId });
  const update = (change: Change) =>
    onAction(client.mutation(api.ticketsInbox.update, { workspaceId: workspace.workspaceId, ticket: ticket.id, ...change }));
  return (
    <div class="ticket-fields">
      <label>
        State
        <select data-shortcut="state" aria-keyshortcuts="e" value={ticket.state} onChange={(event) => {
          const state = parseState(event.currentTarget.value);
          if (state !== null) update({ state });
        }}>
          {TICKET_STATES.map((state) => <option key={state} value={state}>{STATE_LABELS[state]}</option>)}
        </select>
      </label>
      <label>
        Priority
        <select value={ticket.priority} onChange={(event) => {
          const priority = parsePriority(event.currentTarget.value);
          if (priority !== null) update({ priority });
        }}>
          {TICKET_PRIORITIES.map((priority) => <option key={priority} value={priority}>{PRIORITY_LABELS[priority]}</option>)}
        </select>
      </label>
      <label>
        Assignee
        <select data-shortcut="assignee" aria-keyshortcuts="m" value={ticket.assignee?.id ?? ""} onChange={(event) => update({ assigneeId: event.currentTarget.value || null })}>
          <option value="">Unassigned</option>
          {(members ?? []).map((member) => <option key={member.memberId} value={member.memberId}>{member.name}</option>)}
        </select>
      </label>
      <label>
        Support team
        <select data-shortcut="team" aria-keyshortcuts="t" value={ticket.supportTeam?.id ?? ""} onChange={(event) => update({ supportTeamId: event.currentTarget.value || null })}>
          <option value="">No team</option>
          {(teams ?? []).map((team) => <option key={team.id} value={team.id}>{team.name}</option>)}
        </select>
      </label>
    </div>
  );
}
