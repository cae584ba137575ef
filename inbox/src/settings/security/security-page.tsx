import { api } from "../../../../convex/_generated/api";
import { useQuery } from "../../use-convex";
import type { SettingsPageProps } from "../page";
import { SecretSection } from "./secret-section";
import { SecurityForm } from "./security-form";

/** Who may load the widget, how visitors' identities are proven, how long sessions last. */
export function SecurityPage({ workspace }: SettingsPageProps) {
  const { data } = useQuery(api.workspaceSecurity.inboxGet, { workspaceId: workspace.workspaceId });
  if (data === undefined) return <p class="loading">Loading…</p>;
  return (
    <>
      <SecurityForm workspaceId={workspace.workspaceId} settings={data} />
      <SecretSection workspaceId={workspace.workspaceId} settings={data} />
    </>
  );
}
