import type { SettingsPageProps } from "../page";
import { useServices } from "../../use-convex";
import { AvatarSection } from "./avatar-section";
import { NotificationsSection } from "./notifications-section";

export function AccountPage({ me, workspace }: SettingsPageProps) {
  const { auth } = useServices();
  return (
    <>
      <section aria-labelledby="account-heading" class="card">
        <h2 id="account-heading">Your account</h2>
        <p>Signed in as {me.email}.</p>
        <button type="button" onClick={() => void auth.signOut(true)}>Sign out everywhere</button>
      </section>
      <AvatarSection workspaceId={workspace.workspaceId} />
      <NotificationsSection />
    </>
  );
}
