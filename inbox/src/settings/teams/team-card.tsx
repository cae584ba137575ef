import { useEffect, useState } from "preact/hooks";
import { api } from "../../../../convex/_generated/api";
import type { Id } from "../../../../convex/_generated/dataModel";
import type { TeamMember } from "../../../../convex/members";
import type { SupportTeamView } from "../../../../convex/supportTeams";
import { useServices } from "../../use-convex";
import { Field, FormStatus } from "../../form/field";
import { useSave } from "../../form/use-save";

/** One team: rename, choose its members (saved as they are ticked), delete. */
export function TeamCard({ workspaceId, team, members }: { workspaceId: Id<"workspaces">; team: SupportTeamView; members: TeamMember[] }) {
  const { client } = useServices();
  const save = useSave(["name", "userIds", "teamId"]);
  // Ticked at once, then whatever the server holds: the live list replaces this when it lands.
  const [memberIds, setMemberIds] = useState(team.memberIds);
  const serverMembers = team.memberIds.join(",");
  useEffect(() => setMemberIds(team.memberIds), [serverMembers]);
  const headingId = `team-${team.id}-heading`;
  const rename = (event: Event) => {
    event.preventDefault();
    const name = String(new FormData(event.currentTarget as HTMLFormElement).get("name") ?? "");
    void save.run(() => client.mutation(api.supportTeams.rename, { workspaceId: workspaceId, teamId: team.id, name }));
  };
  const toggle = (userId: string, on: boolean) => {
    const userIds = on ? [...team.memberIds, userId] : team.memberIds.filter((id) => id !== userId);
    void save.run(() => client.mutation(api.supportTeams.setMembers, { workspaceId: workspaceId, teamId: team.id, userIds }));
  };
  return (
    <section aria-labelledby={headingId} class="card">
      <h3 id={headingId}>{team.name}</h3>
      <form class="inline-form" onSubmit={rename} noValidate>
        <Field id={`team-${team.id}-name`} label={`Rename ${team.name}`} error={save.errorFor("name")}>
          {(control) => <input {...control} name="name" defaultValue={team.name} required maxLength={80} />}
        </Field>
        <button type="submit" disabled={save.busy}>Save name</button>
      </form>
      <fieldset aria-describedby={save.errorFor("userIds") ? `team-${team.id}-members-error` : undefined}>
        <legend>Members of {team.name}</legend>
        {members.map((member) => (
          <label key={member.userId} class="check">
            <input
              type="checkbox"
              checked={memberIds.includes(member.userId)}
              disabled={save.busy}
              onChange={(event) => toggle(member.userId, (event.currentTarget as HTMLInputElement).checked)}
            />
            {member.name}
          </label>
        ))}
        {save.errorFor("userIds") && <p id={`team-${team.id}-members-error`} class="error" role="alert">{save.errorFor("userIds")}</p>}
      </fieldset>
      <button type="button" class="quiet danger" disabled={save.busy} onClick={() => void save.run(() => client.mutation(api.supportTeams.remove, { workspaceId: workspaceId, teamId: team.id }))}>
        Delete {team.name}
      </button>
      <FormStatus error={save.formError ?? save.errorFor("teamId")} saved={save.saved} />
    </section>
  );
}
