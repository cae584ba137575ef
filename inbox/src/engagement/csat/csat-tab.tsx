import { CsatResults } from "../results/results-panel";
import { CsatSettingsForm } from "./csat-settings-form";

/** Engagement → CSAT: the settings form, and below it the ratings over time. */
export function CsatTab({ workspaceId }: { workspaceId: string }) {
  return (
    <>
      <CsatSettingsForm workspaceId={workspaceId} />
      <CsatResults workspaceId={workspaceId} />
    </>
  );
}
