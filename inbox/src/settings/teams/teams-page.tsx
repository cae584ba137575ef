import { api } from "../../../../convex/_generated/api";
import { useQuery, useServices } from "../../use-convex";
import { Field, FormStatus } from "../../form/field";
import { useSave } from "../../form/use-save";
import type { SettingsPageProps } from "../page";
import { TeamCard } from "./team-card";

/** Support teams: tickets are routed to one, and its members pick them up. */
export function TeamsPage({ workspace }: SettingsPageProps) {
  const { client } = useServices();
  const { data: teams } = useQuery(api.supportTeams.list, { workspaceId: workspace.workspaceId });
  const { data: members } = useQuery(api.members.list, { workspaceId: workspace.workspaceId });
  const save = useSave(["name"]);
  const create = (event: Event) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const name = String(new FormData(form).get("name") ?? "");
    void save.run(() => client.mutation(api.supportTeams.create, { workspaceId: workspace.workspaceId, name })).then((ok) => ok && form.reset());
  };
  return (
    <>
      <section aria-labelledby="new-team-heading" class="card">
        <h2 id="new-team-heading">Support teams</h2>
        <p class="hint">Tickets are routed to a team; its SLA clocks time the wait for one of its members.</p>
        <form class="inline-form" onSubmit={create} noValidate>
          <Field id="new-team-name" label="New team name" error={save.errorFor("name")}>
            {(control) => <input {...control} name="name" required maxLength={80} />}
          </Field>
          <button type="submit" disabled={save.busy}>Create team</button>
        </form>
        <FormStatus error={save.formError} saved={false} />
      </section>
      {teams?.length === 0 && <p class="empty">No teams yet.</p>}
      {(teams ?? []).map((team) => (
        <TeamCard key={team.id} workspaceId={workspace.workspaceId} team={team} members={members ?? []} />
      ))}
    </>
  );
}
