import { useMemo, useState } from "preact/hooks";
import { api } from "../../../../convex/_generated/api";
import { validateStory } from "../../../../core/bots/story";
import type { Workspace } from "../../workspace";
import { errorMessage, useServices } from "../../use-convex";

/** What the editor says about the text as it stands: the same rules the server applies on save. */
export function storyProblem(text: string): string | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return `Not JSON: ${error instanceof Error ? error.message : String(error)}`;
  }
  const checked = validateStory(parsed);
  return checked.ok ? null : checked.message;
}

/**
 * A story's JSON, checked as you type by core/bots (the server's own rules),
 * saved when it is valid. A new story starts from `initial`.
 */
export function StoryEditor({ workspace, storyId, initial, onSaved }: { workspace: Workspace; storyId: string | null; initial: string; onSaved(): void }) {
  const { client } = useServices();
  const [text, setText] = useState(initial);
  const [saving, setSaving] = useState(false);
  const [result, setResult] = useState<{ kind: "saved" | "error"; message: string } | null>(null);
  const problem = useMemo(() => storyProblem(text), [text]);
  const label = storyId === null ? "New story (JSON)" : "Story JSON";
  const save = async () => {
    setSaving(true);
    setResult(null);
    try {
      await client.mutation(api.botSettings.saveStory, {
        workspaceId: workspace.workspaceId,
        story: JSON.parse(text) as unknown,
        ...(storyId !== null ? { storyId } : {}),
      });
      setResult({ kind: "saved", message: "Saved." });
      onSaved();
    } catch (failure) {
      setResult({ kind: "error", message: errorMessage(failure) });
    } finally {
      setSaving(false);
    }
  };
  return (
    <form
      class="story-editor"
      onSubmit={(event) => {
        event.preventDefault();
        if (problem === null) void save();
      }}
    >
      <label>
        {label}
        <textarea
          rows={18}
          spellcheck={false}
          value={text}
          aria-invalid={problem !== null}
          aria-describedby="story-check"
          onInput={(event) => setText((event.currentTarget as HTMLTextAreaElement).value)}
        />
      </label>
      <p id="story-check" class={problem === null ? "muted" : "error"} role="status">
        {problem ?? "The story is valid."}
      </p>
      <button type="submit" disabled={problem !== null || saving}>
        {saving ? "Saving…" : "Save story"}
      </button>
      {result && (
        <p role={result.kind === "error" ? "alert" : "status"} class={result.kind === "error" ? "error" : "muted"}>
          {result.message}
        </p>
      )}
    </form>
  );
}
