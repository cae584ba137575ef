import type { ApiContent } from "../../../convex/model/contentAdmin";
import { hrefOf } from "../routes";
import { AudienceField } from "./audience/audience-field";
import { CommonFields } from "./common-fields";
import { draftOf } from "./draft";
import { PreviewButton } from "./preview-button";
import { ResultsSlot } from "./results-slot";
import { StudioItemContext } from "./studio-item";
import { TimingFields } from "./timing-fields";
import type { EngagementType } from "./types";
import { useItemDraft } from "./use-item-draft";
import { useUnsavedGuard } from "./use-unsaved-guard";

type Props = { workspaceId: string; entry: EngagementType; item: ApiContent | null };

/**
 * One item's page: what every type shares (basics, audience, trigger and frequency), the
 * type's own editor, Save with the server's errors at their fields, and its results.
 */
export function EditorShell({ workspaceId, entry, item }: Props) {
  const { type, label, Editor } = entry;
  const id = item?.id ?? null;
  const state = useItemDraft(workspaceId, type, id, item === null ? null : draftOf(item), entry.emptyDraft);
  const { draft, setDraft, errors } = state;
  useUnsavedGuard(state.dirty);
  const ensureSaved = async () => (id !== null && !state.dirty ? id : await state.save());
  const name = typeof draft["name"] === "string" && draft["name"] !== "" ? draft["name"] : "Untitled";
  const timed = "trigger" in entry.emptyDraft();
  const submit = (event: Event) => {
    event.preventDefault();
    void state.save();
  };
  return (
    <StudioItemContext.Provider value={{ type, ensureSaved }}>
      <form class="studio-editor stack" onSubmit={submit} noValidate aria-labelledby="item-heading">
        <header class="studio-editor-header">
          <a href={hrefOf({ screen: "engagement", type, item: null })}>All {label.toLowerCase()}</a>
          <h1 id="item-heading">{id === null ? `New: ${name}` : name}</h1>
          {item?.updatedBy !== undefined && <p class="hint">Last edited by {String(item.updatedBy)}</p>}
          <div class="row-buttons">
            <PreviewButton workspaceId={workspaceId} type={type} id={id} name={name} before={ensureSaved} />
            <button type="submit" disabled={state.busy}>{state.busy ? "Saving…" : "Save"}</button>
          </div>
          {state.formError !== null ? <p class="error" role="alert">{state.formError}</p> : <p class="saved" role="status">{state.saved ? "Saved." : state.dirty ? "Unsaved changes" : ""}</p>}
        </header>
        <CommonFields draft={draft} onChange={setDraft} errors={errors} />
        <AudienceField draft={draft} onChange={setDraft} errors={errors} workspaceId={workspaceId} />
        {timed && <TimingFields draft={draft} onChange={setDraft} errors={errors} />}
        <Editor draft={draft} onChange={setDraft} errors={errors} workspaceId={workspaceId} />
        {errors["(body)"] !== undefined && <p class="error" role="alert">{errors["(body)"]}</p>}
      </form>
      {id !== null && <ResultsSlot workspaceId={workspaceId} type={type} id={id} />}
    </StudioItemContext.Provider>
  );
}
