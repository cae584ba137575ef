import { useState } from "preact/hooks";
import { api } from "../../../../convex/_generated/api";
import type { OperatorProfile } from "../../../../convex/members";
import type { Workspace } from "../../workspace";
import { errorMessage, useQuery, useServices } from "../../use-convex";

export function MembersSection({ me, workspace }: { me: OperatorProfile; workspace: Workspace }) {
  const { client } = useServices();
  const { data: members } = useQuery(api.members.list, { workspaceId: workspace.workspaceId });
  const [error, setError] = useState<string | null>(null);
  const isAdmin = workspace.role === "admin";
  return (
    <section aria-labelledby="members-heading" class="card">
      <h2 id="members-heading">Members</h2>
      {error && <p role="alert" class="error">{error}</p>}
      <table>
        <thead>
          <tr><th scope="col">Name</th><th scope="col">Email</th><th scope="col">Role</th></tr>
        </thead>
        <tbody>
          {(members ?? []).map((member) => (
            <tr key={member.userId}>
              <td>{member.name}{member.userId === me.userId ? " (you)" : ""}</td>
              <td>{member.email}</td>
              <td>
                {isAdmin ? (
                  <select
                    aria-label={`Role of ${member.name}`}
                    value={member.role}
                    onChange={(event) => {
                      const role = (event.currentTarget as HTMLSelectElement).value as "admin" | "agent";
                      setError(null);
                      client.mutation(api.members.setRole, { workspaceId: workspace.workspaceId, userId: member.userId, role }).catch((failure: unknown) => setError(errorMessage(failure)));
                    }}
                  >
                    <option value="admin">Admin</option>
                    <option value="agent">Agent</option>
                  </select>
                ) : member.role === "admin" ? "Admin" : "Agent"}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
