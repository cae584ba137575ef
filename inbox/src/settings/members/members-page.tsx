import type { SettingsPageProps } from "../page";
import { InvitesSection } from "./invites-section";
import { MembersSection } from "./members-section";

export function MembersPage({ me, workspace }: SettingsPageProps) {
  return (
    <>
      <MembersSection me={me} workspace={workspace} />
      {workspace.role === "admin" && <InvitesSection workspace={workspace} />}
    </>
  );
}
