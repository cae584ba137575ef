import { render } from "preact";
import { describe, expect, it } from "vitest";
import { checklistSchemas, outboundSchemas, surveySchemas } from "../../../../convex/lib/engagementSchemas";
import { ChecklistEditor } from "../../../../inbox/src/engagement/checklists/checklist-editor";
import { OutboundEditor } from "../../../../inbox/src/engagement/outbound/outbound-editor";
import { SurveyEditor } from "../../../../inbox/src/engagement/surveys/survey-editor";
import { errorsAtControls, restErrors } from "./rest-errors";
import { freshContainer } from "../../../support/dom-container";

let container: HTMLElement;
freshContainer((element) => (container = element));

type Editor = typeof OutboundEditor;

/** Renders the editor with the errors the REST schema gives for `draft`, and checks each shows at its control. */
function expectErrorsAtFields(Editor: Editor, schema: Parameters<typeof restErrors>[0], draft: Record<string, unknown>, expected: Record<string, string>) {
  const errors = restErrors(schema, { name: "Test", ...draft });
  expect(Object.keys(errors).sort()).toEqual(Object.keys(expected).sort());
  render(<Editor draft={draft} errors={errors} onChange={() => undefined} workspaceId="w" />, container);
  const shown = errorsAtControls(container);
  for (const [path, controlId] of Object.entries(expected)) {
    expect(shown.get(controlId), `${path} at #${controlId}`).toContain(errors[path]);
  }
  expect(shown.size).toBe(new Set(Object.values(expected)).size);
}

describe("editors show the REST API's errors at the field", () => {
  it("outbound: body, title, a button's label and url", () => {
    const draft = { type: "post", title: "x".repeat(201), body: "", buttons: [{ label: "", action: "url", url: "ftp://nope" }] };
    expectErrorsAtFields(OutboundEditor, outboundSchemas.create, draft, {
      title: "outbound-title",
      body: "outbound-body",
      "buttons.0.label": "outbound-button-0-label",
      "buttons.0.url": "outbound-button-0-url",
    });
  });

  it("surveys: a question's key, wording and options, and a duplicate key", () => {
    const questions = [
      { id: "bad id!", type: "single_choice", title: "", required: false, options: ["Only one"] },
      { id: "q2", type: "nps", title: "Recommend us?", required: true },
      { id: "q2", type: "multiple_choice", title: "Which?", required: false, options: ["A", ""] },
    ];
    expectErrorsAtFields(SurveyEditor, surveySchemas.create, { format: "small", questions }, {
      "questions.0.id": "survey-question-0-id",
      "questions.0.title": "survey-question-0-title",
      "questions.0.options": "survey-question-0-option-0",
      "questions.2.id": "survey-question-2-id",
      "questions.2.options.1": "survey-question-2-option-1",
    });
  });

  it("checklists: a task's title, event, URL pattern and duplicate key", () => {
    const tasks = [
      { id: "t1", title: "", completion: { type: "event", event: "" } },
      { id: "t1", title: "Visit settings", completion: { type: "url", pattern: "" } },
    ];
    expectErrorsAtFields(ChecklistEditor, checklistSchemas.create, { description: "x".repeat(1001), tasks }, {
      description: "checklist-description",
      "tasks.0.title": "checklist-task-0-title",
      "tasks.0.completion.event": "checklist-task-0-event",
      "tasks.1.id": "checklist-task-1-id",
      "tasks.1.completion.pattern": "checklist-task-1-pattern",
    });
  });
});

describe("editing", () => {
  it("a survey question's type change reaches the draft with options for a choice", () => {
    let latest: Record<string, unknown> = {};
    const draft = { format: "small", questions: [{ id: "q1", type: "nps", title: "Recommend?", required: false }] };
    render(<SurveyEditor draft={draft} errors={{}} onChange={(next) => (latest = next)} workspaceId="w" />, container);
    const select = container.querySelector<HTMLSelectElement>("#survey-question-0-type")!;
    select.value = "single_choice";
    select.dispatchEvent(new Event("change"));
    expect(latest["questions"]).toEqual([{ id: "q1", type: "single_choice", title: "Recommend?", required: false, options: ["", ""] }]);
  });
});
