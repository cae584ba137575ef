import { useState } from "preact/hooks";
import { api } from "../../../convex/_generated/api";
import { errorMessage, useQuery, useServices } from "../use-convex";

/** Where an invite link lands: the invited email signs up and joins the workspace. */
export function InvitePage({ token }: { token: string }) {
  const { auth } = useServices();
  const { data: invite } = useQuery(api.invites.preview, { token });
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (invite === undefined) return <p class="loading" aria-live="polite">Loading…</p>;
  if (invite === null) {
    return (
      <main class="centered">
        <h1>This invite link no longer works</h1>
        <p>It was used, revoked or has expired. Ask an admin for a new one, or <a href="#/chats">sign in</a>.</p>
      </main>
    );
  }
  const submit = async (event: Event) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    setBusy(true);
    setError(null);
    try {
      await auth.signUp(invite.email, String(form.get("password") ?? ""), String(form.get("name") ?? ""), token);
      window.location.hash = "#/chats";
    } catch (failure) {
      setError(errorMessage(failure));
      setBusy(false);
    }
  };
  return (
    <main class="centered">
      <h1>Join {invite.workspaceName}</h1>
      <p>You are invited as {invite.role === "admin" ? "an admin" : "an agent"} with {invite.email}.</p>
      <form class="card stack" onSubmit={submit}>
        <label>
          Your name
          <input name="name" autocomplete="name" required maxLength={100} />
        </label>
        <label>
          Password
          <input name="password" type="password" autocomplete="new-password" required minLength={10} />
        </label>
        {error && <p role="alert" class="error">{error}</p>}
        <button type="submit" disabled={busy}>Create account</button>
      </form>
    </main>
  );
}
