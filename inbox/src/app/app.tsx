import { useEffect, useState } from "preact/hooks";
import { api } from "../../../convex/_generated/api";
import type { AuthState } from "../session";
import { InvitePage } from "../auth/invite-page";
import { SignIn } from "../auth/sign-in";
import { Shell } from "./shell";
import { useQuery, useServices } from "../use-convex";
import { useRoute } from "../use-route";

export function App() {
  const { auth } = useServices();
  const [state, setState] = useState<AuthState>(auth.state);
  useEffect(() => auth.subscribe(setState), [auth]);
  const route = useRoute();
  if (route.screen === "invite" && state === "signedOut") return <InvitePage token={route.token} />;
  if (state === "signedOut") return <SignIn />;
  return <SignedIn />;
}

function SignedIn() {
  const { auth } = useServices();
  const { data: me, error } = useQuery(api.members.me, {});
  const route = useRoute();
  useEffect(() => {
    if (me === null) auth.expired();
  }, [me, auth]);
  if (error !== null) return <p role="alert">{error.message}</p>;
  if (me === undefined) return <p class="loading" aria-live="polite">Loading…</p>;
  // A token whose session is gone (signed out elsewhere): the effect above forgets it.
  if (me === null) return <p class="loading" aria-live="polite">Signing out…</p>;
  const workspace = me.workspaces[0];
  if (workspace === undefined) return <NoWorkspace />;
  return <Shell me={me} workspace={workspace} route={route} />;
}

function NoWorkspace() {
  const { auth } = useServices();
  return (
    <main class="centered">
      <h1>No workspace yet</h1>
      <p>Your account does not belong to a workspace. Ask an admin for an invite link.</p>
      <button type="button" onClick={() => void auth.signOut()}>Sign out</button>
    </main>
  );
}
