import type { OperatorProfile } from "../../../convex/members";
import type { Workspace } from "../shell";
import { useServices } from "../use-convex";
import { InvitesSection } from "./invites-section";
import { MembersSection } from "./members-section";
import { NotificationsSection } from "./notifications-section";

export function SettingsScreen({ me, workspace }: { me: OperatorProfile; workspace: Workspace }) {
  const { auth } = useServices();
  return (
    <main class="screen settings">
      <h1>Settings</h1>
      <MembersSection me={me} workspace={workspace} />
      {workspace.role === "admin" && <InvitesSection workspace={workspace} />}
      <section aria-labelledby="account-heading" class="card">
        <h2 id="account-heading">Your account</h2>
        <p>Signed in as {me.email}.</p>
        <button type="button" onClick={() => void auth.signOut(true)}>Sign out everywhere</button>
      </section>
      <NotificationsSection />
    </main>
  );
}
