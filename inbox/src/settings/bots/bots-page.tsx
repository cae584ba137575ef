import { useState } from "preact/hooks";
import { api } from "../../../../convex/_generated/api";
import { errorMessage, useQuery, useServices } from "../../use-convex";
import type { SettingsPageProps } from "../page";
import { ConnectionsSection } from "./connections-section";
import { StoryEditor } from "./story-editor";

const NEW_STORY = JSON.stringify(
  {
    name: "Greeting",
    startNodeId: "6f1c2a9e-3b4d-4c5e-8f70-112233445566",
    nodes: [
      {
        id: "6f1c2a9e-3b4d-4c5e-8f70-112233445566",
        name: "Hello",
        type: "RESPONSES",
        responses: [{ type: "text", message: "Hi! How can we help?" }],
      },
    ],
  },
  null,
  2,
);

/** Settings → Bots: the stories (JSON, checked as you type), the one that greets new conversations, and the webhook connections. */
export function BotsPage({ workspace }: SettingsPageProps) {
  const { client } = useServices();
  const { data } = useQuery(api.botSettings.overview, { workspaceId: workspace.workspaceId });
  const [editing, setEditing] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const setActive = (storyId: string | null) => {
    setError(null);
    client.mutation(api.botSettings.setActive, { workspaceId: workspace.workspaceId, storyId }).catch((failure: unknown) => setError(errorMessage(failure)));
  };
  const stories = data?.stories ?? [];
  const current = stories.find((story) => story.id === editing);
  return (
    <>
      <section aria-labelledby="stories-heading" class="card">
        <h2 id="stories-heading">Bot stories</h2>
        {error && <p role="alert" class="error">{error}</p>}
        <label>
          Story that greets new conversations{" "}
          <select value={stories.find((story) => story.active)?.id ?? ""} onChange={(event) => setActive((event.currentTarget as HTMLSelectElement).value || null)}>
            <option value="">None (the team answers)</option>
            {stories.map((story) => (
              <option key={story.id} value={story.id}>{story.name}</option>
            ))}
          </select>
        </label>
        <ul class="plain" aria-label="Stories">
          {stories.map((story) => (
            <li key={story.id}>
              <strong>{story.name}</strong> <span class="muted">· {story.nodes.length} nodes{story.active ? " · active" : ""}</span>{" "}
              <button type="button" class="link" onClick={() => setEditing(story.id)}>Edit {story.name}</button>
            </li>
          ))}
        </ul>
        <button type="button" onClick={() => setEditing("new")}>New story</button>
        {editing !== null && (
          <StoryEditor
            key={editing}
            workspace={workspace}
            storyId={current ? current.id : null}
            initial={current ? JSON.stringify({ name: current.name, startNodeId: current.startNodeId, nodes: current.nodes }, null, 2) : NEW_STORY}
            onSaved={() => undefined}
          />
        )}
      </section>
      <ConnectionsSection workspace={workspace} stories={stories} connections={data?.connections ?? []} />
    </>
  );
}
