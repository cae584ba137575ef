import type { ComponentType } from "preact";
import { useEffect, useState } from "preact/hooks";
import { CsatSettingsForm } from "./csat-settings-form";

type ResultsProps = { workspaceId: string };

/**
 * Engagement → CSAT: the settings form, and beside it the ratings over time. The charts
 * load as a chunk of their own (as on an item's page): the form does not need them.
 */
export function CsatTab({ workspaceId }: { workspaceId: string }) {
  const [Results, setResults] = useState<ComponentType<ResultsProps> | null>(null);
  useEffect(() => {
    let live = true;
    void import("../results/results-panel").then((module) => live && setResults(() => module.CsatResults));
    return () => {
      live = false;
    };
  }, []);
  return (
    <>
      <CsatSettingsForm workspaceId={workspaceId} />
      {Results !== null && <Results workspaceId={workspaceId} />}
    </>
  );
}
