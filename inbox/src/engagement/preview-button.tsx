import { useState } from "preact/hooks";
import type { ContentType } from "../../../core/engagement/content-types";
import { api } from "../../../convex/_generated/api";
import { errorMessage, useServices } from "../use-convex";
import { openOnSite } from "./site-window";

/**
 * "Preview": opens the website showing this item whatever its status and audience. A
 * preview records nothing: no view, progress or answer counts. `before` may save first
 * and answer the id (null: not saved).
 */
export function PreviewButton({ workspaceId, type, id, name, before }: {
  workspaceId: string;
  type: ContentType;
  id: string | null;
  name: string;
  before?: () => Promise<string | null>;
}) {
  const { client } = useServices();
  const [problem, setProblem] = useState<string | null>(null);
  const preview = async () => {
    setProblem(null);
    try {
      const opened = await openOnSite(window, async () => {
        const itemId = before !== undefined ? await before() : id;
        if (itemId === null) throw new Error("Fix the problems shown, then preview again.");
        return await client.action(api.engagementStudio.preview, { workspaceId, type, id: itemId });
      });
      if (opened === null) setProblem("The browser blocked the new window. Allow pop-ups for the inbox and try again.");
    } catch (error) {
      setProblem(errorMessage(error));
    }
  };
  return (
    <>
      <button type="button" class="quiet" onClick={() => void preview()}>
        Preview<span class="visually-hidden"> {name}</span>
      </button>
      {problem !== null && <span class="error" role="alert">{problem}</span>}
    </>
  );
}
