import { render } from "preact";
import { act } from "preact/test-utils";
import { describe, expect, test } from "vitest";
import { StudioItemContext } from "../../../../inbox/src/engagement/studio-item";
import { emptyTour, TourEditor } from "../../../../inbox/src/engagement/tours/tour-editor";
import { Services, type InboxServices } from "../../../../inbox/src/use-convex";
import { freshContainer } from "../../../support/dom-container";

let container: HTMLElement;
freshContainer((element) => (container = element));

/** Renders the editor as the shell does, keeping the draft it hands back. */
function editor(initial: Record<string, unknown>, errors: Record<string, string> = {}) {
  let draft = initial;
  const draw = () =>
    render(
      <Services.Provider value={{} as InboxServices}>
        <StudioItemContext.Provider value={{ type: "tours", ensureSaved: async () => "t1" }}>
          <TourEditor draft={draft} errors={errors} workspaceId="w" onChange={(next) => { draft = next; draw(); }} />
        </StudioItemContext.Provider>
      </Services.Provider>,
      container,
    );
  act(draw);
  const button = (name: string) => [...container.querySelectorAll("button")].find((candidate) => candidate.textContent?.trim() === name)!;
  return { draft: () => draft, button };
}

const titles = (draft: Record<string, unknown>) => (draft["steps"] as Array<{ title: string }>).map((step) => step.title);

describe("the tour editor", () => {
  test("adds, moves and removes steps, each with its own Pick on site", () => {
    const view = editor(emptyTour());
    act(() => view.button("Add step").click());
    expect(titles(view.draft())).toEqual(["Welcome", "Step 2"]);
    expect(container.querySelectorAll("fieldset legend").length).toBe(2);
    expect(view.button("Pick on site for step 2")).toBeDefined();
    act(() => view.button("Move up step 2").click());
    expect(titles(view.draft())).toEqual(["Step 2", "Welcome"]);
    act(() => view.button("Remove step 1").click());
    expect(titles(view.draft())).toEqual(["Welcome"]);
    expect(view.button("Remove step 1").disabled).toBe(true);
  });

  test("shows the server's message at the step's field, and offers how a pointer step moves on", () => {
    const draft = { ...emptyTour(), steps: [{ kind: "pointer", title: "Buy", body: "", selector: "" }] };
    editor(draft, { "steps.0.selector": "Too small: expected string to have >=1 characters" });
    const selector = container.querySelector<HTMLInputElement>("#tour-step-0-selector")!;
    expect(selector.getAttribute("aria-invalid")).toBe("true");
    const describedBy = selector.getAttribute("aria-describedby")!.split(" ");
    const error = describedBy.map((id) => container.querySelector(`#${id}`)).find((element) => element?.getAttribute("role") === "alert");
    expect(error?.textContent).toContain("Too small");
    expect(container.querySelector<HTMLSelectElement>("#tour-step-0-advanceOn")?.value).toBe("button");
  });
});
