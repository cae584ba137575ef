import { useState } from "preact/hooks";
import { api } from "../../../convex/_generated/api";
import { errorMessage, useServices } from "../use-convex";
import { openOnSite } from "./site-window";
import { useStudioItem } from "./studio-item";

export type PickTarget = { type: "tourStep"; stepIndex: number } | { type: "tooltip" };

/**
 * "Pick on site": saves the item if needed, then opens the workspace's website with the
 * widget's element picker for this target. The picked selector is stored on the item and
 * reaches the editor live; `label` names what it picks for (several on one page).
 */
export function PickOnSite({ workspaceId, target, label }: { workspaceId: string; target: PickTarget; label: string }) {
  const { client } = useServices();
  const item = useStudioItem();
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const pick = async () => {
    setProblem(null);
    setBusy(true);
    try {
      const opened = await openOnSite(window, async () => {
        const id = await item.ensureSaved();
        if (id === null) throw new Error("Fix the problems shown, then pick again.");
        const siteTarget = target.type === "tooltip" ? { type: "tooltip" as const, tooltipId: id } : { ...target, tourId: id };
        return await client.action(api.engagementStudio.pickOnSite, { workspaceId, target: siteTarget });
      });
      if (opened === null) setProblem("The browser blocked the new window. Allow pop-ups for the inbox and try again.");
    } catch (error) {
      setProblem(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <span class="pick-on-site">
      <button type="button" class="quiet" disabled={busy} onClick={() => void pick()}>
        Pick on site<span class="visually-hidden"> for {label}</span>
      </button>
      {problem !== null && (
        <span class="error" role="alert">
          {problem} {/website address/i.test(problem) && <a href="#/settings/installation">Set the website address</a>}
        </span>
      )}
    </span>
  );
}
