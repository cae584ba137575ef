import { useState } from "preact/hooks";
import { api } from "../../../../convex/_generated/api";
import { hrefOf } from "../../routes";
import type { Workspace } from "../../workspace";
import { errorMessage, useQuery, useServices } from "../../use-convex";

/** Admins invite by link: the link shows once, here, to hand over however they like. */
export function InvitesSection({ workspace }: { workspace: Workspace }) {
  const { client } = useServices();
  const { data: pending } = useQuery(api.invites.listPending, { workspaceId: workspace.workspaceId });
  const [link, setLink] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const create = async (event: Event) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    setError(null);
    try {
      const invite = await client.action(api.invites.create, {
        workspaceId: workspace.workspaceId,
        email: String(data.get("email") ?? ""),
        role: data.get("role") === "admin" ? "admin" : "agent",
      });
      setLink(`${location.origin}${location.pathname}${hrefOf({ screen: "invite", token: invite.token })}`);
      form.reset();
    } catch (failure) {
      setError(errorMessage(failure));
    }
  };
  return (
    <section aria-labelledby="invites-heading" class="card">
      <h2 id="invites-heading">Invite a teammate</h2>
      <form class="inline-form" onSubmit={create}>
        <label>
          Teammate's email
          <input name="email" type="email" required />
        </label>
        <label>
          Role
          <select name="role">
            <option value="agent">Agent</option>
            <option value="admin">Admin</option>
          </select>
        </label>
        <button type="submit">Create invite link</button>
      </form>
      {error && <p role="alert" class="error">{error}</p>}
      {link && (
        <p class="invite-link">
          <label>
            Invite link (shown once)
            <input readOnly value={link} onFocus={(event) => (event.currentTarget as HTMLInputElement).select()} />
          </label>
          <button type="button" onClick={() => void navigator.clipboard?.writeText(link)}>Copy link</button>
        </p>
      )}
      {pending !== undefined && pending.length > 0 && (
        <>
          <h3>Pending invites</h3>
          <ul class="plain">
            {pending.map((invite) => (
              <li key={invite._id}>
                {invite.email} · {invite.role} · expires {new Date(invite.expiresAt).toLocaleDateString()}{" "}
                <button
                  type="button"
                  class="quiet"
                  onClick={() => client.mutation(api.invites.revoke, { workspaceId: workspace.workspaceId, inviteId: invite._id }).catch((failure: unknown) => setError(errorMessage(failure)))}
                >
                  Revoke<span class="visually-hidden"> the invite for {invite.email}</span>
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
