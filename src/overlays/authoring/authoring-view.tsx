import { useEffect, useState } from "preact/hooks";
import { currentSelector, describeFailure, targetLabel, type Described } from "./describe";
import { selectorFor, type PickedSelector } from "./dom-element";
import { startPicker } from "./picker";
import type { AuthoringContext } from "../types";
import { backend } from "../../runtime/functions";

type Mode =
  | { kind: "idle" }
  | { kind: "picking" }
  | { kind: "picked"; picked: PickedSelector }
  | { kind: "saving"; picked: PickedSelector }
  | { kind: "saved"; selector: string }
  | { kind: "error"; message: string; picked: PickedSelector };

export type AuthoringViewProps = {
  context: AuthoringContext;
  described: Described;
  /** Highlights an element of the page (null: none). */
  highlight(element: Element | null): void;
};

/** The authoring toolbar: what is being edited, the picker, and saving the picked selector. */
export function AuthoringView({ context, described, highlight }: AuthoringViewProps) {
  const [mode, setMode] = useState<Mode>({ kind: "idle" });
  const doc = context.win.document;

  useEffect(() => {
    if (mode.kind !== "picking") return;
    const stop = startPicker(doc, context.shadow.host, {
      onHover: highlight,
      onPick: (element) => {
        highlight(element);
        setMode({ kind: "picked", picked: selectorFor(doc, element) });
      },
      onCancel: () => {
        highlight(null);
        setMode({ kind: "idle" });
      },
    });
    return stop;
  }, [mode.kind]);

  const save = async (picked: PickedSelector) => {
    setMode({ kind: "saving", picked });
    try {
      await context.mutate(backend.authoring.saveSelector, { authoringToken: context.token, selector: picked.selector });
      highlight(null);
      setMode({ kind: "saved", selector: picked.selector });
    } catch (error) {
      const failure = describeFailure(error);
      setMode({ kind: "error", picked, message: failure.status === "failed" ? failure.message : "" });
    }
  };

  if (described.status !== "ready") {
    return (
      <p class={described.status === "failed" ? "oc-auth-line oc-auth-problem" : "oc-auth-line"} role={described.status === "failed" ? "alert" : "status"}>
        {described.status === "failed" ? described.message : "Loading the authoring tools…"}
      </p>
    );
  }
  const existing = currentSelector(described.target);
  return (
    <>
      <p class="oc-auth-line">
        <strong>Editing</strong> {targetLabel(described.target)}
      </p>
      {mode.kind === "idle" && (
        <div class="oc-auth-row">
          <span class="oc-auth-muted">{existing === null ? "No element chosen yet." : <>Now: <code>{existing}</code></>}</span>
          <button type="button" class="oc-btn" onClick={() => setMode({ kind: "picking" })}>
            Pick an element
          </button>
        </div>
      )}
      {mode.kind === "picking" && (
        <div class="oc-auth-row" role="status">
          <span>Point at an element and click it. Keyboard: arrows to move, Enter to pick, Esc to cancel.</span>
          <button type="button" class="oc-btn oc-btn-quiet" onClick={() => {
              highlight(null);
              setMode({ kind: "idle" });
            }}>
            Cancel
          </button>
        </div>
      )}
      {(mode.kind === "picked" || mode.kind === "saving" || mode.kind === "error") && (
        <div class="oc-auth-row">
          <span>
            <code>{mode.picked.selector}</code>{" "}
            <span class={mode.picked.unique ? "oc-auth-ok" : "oc-auth-problem"}>
              {mode.picked.unique ? "unique on this page" : `matches ${mode.picked.matches} elements`}
            </span>
          </span>
          <button type="button" class="oc-btn oc-btn-quiet" onClick={() => setMode({ kind: "picking" })}>
            Pick again
          </button>
          <button type="button" class="oc-btn" disabled={mode.kind === "saving" || !mode.picked.unique} onClick={() => void save(mode.picked)}>
            {mode.kind === "saving" ? "Saving…" : "Save selector"}
          </button>
        </div>
      )}
      {mode.kind === "error" && (
        <p class="oc-auth-line oc-auth-problem" role="alert">
          {mode.message}
        </p>
      )}
      {mode.kind === "saved" && (
        <div class="oc-auth-row" role="status">
          <span class="oc-auth-ok">
            Saved <code>{mode.selector}</code>
          </span>
          <button type="button" class="oc-btn oc-btn-quiet" onClick={() => setMode({ kind: "picking" })}>
            Pick another
          </button>
        </div>
      )}
    </>
  );
}
