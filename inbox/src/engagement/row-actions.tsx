import { useState } from "preact/hooks";
import type { ContentStatus, ContentType } from "../../../core/engagement/content-types";
import { api } from "../../../convex/_generated/api";
import type { StudioRow } from "../../../convex/model/engagementStudio";
import { hrefOf } from "../routes";
import { errorMessage, useServices } from "../use-convex";
import { PreviewButton } from "./preview-button";

/** A list row's actions: duplicate, pause or activate, archive, preview. */
export function RowActions({ workspaceId, type, row }: { workspaceId: string; type: ContentType; row: StudioRow }) {
  const { client } = useServices();
  const [problem, setProblem] = useState<string | null>(null);
  const run = (work: () => Promise<unknown>) => {
    setProblem(null);
    work().catch((error: unknown) => setProblem(errorMessage(error)));
  };
  const setStatus = (status: ContentStatus) => run(() => client.mutation(api.engagementStudio.setStatus, { workspaceId, type, id: row.id, status }));
  const duplicate = () =>
    run(async () => {
      const copy = await client.mutation(api.engagementStudio.duplicate, { workspaceId, type, id: row.id });
      window.location.hash = hrefOf({ screen: "engagement", type, item: copy.id });
    });
  const hidden = (text: string) => <span class="visually-hidden"> {text}</span>;
  return (
    <div class="row-buttons">
      <button type="button" class="quiet" onClick={duplicate}>Duplicate{hidden(row.name)}</button>
      {row.status === "active" ? (
        <button type="button" class="quiet" onClick={() => setStatus("paused")}>Pause{hidden(row.name)}</button>
      ) : (
        <button type="button" class="quiet" onClick={() => setStatus("active")}>Activate{hidden(row.name)}</button>
      )}
      {row.status !== "archived" && <button type="button" class="quiet" onClick={() => setStatus("archived")}>Archive{hidden(row.name)}</button>}
      <PreviewButton workspaceId={workspaceId} type={type} id={row.id} name={row.name} />
      {problem !== null && <span class="error" role="alert">{problem}</span>}
    </div>
  );
}
