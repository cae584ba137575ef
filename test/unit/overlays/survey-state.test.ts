import { describe, expect, it } from "vitest";
import type { SurveyQuestion } from "../../../core/engagement/survey-answers";
import {
  answersToSend,
  initialSurveyState,
  isThankYou,
  questionError,
  surveyReducer,
  type SurveyAction,
  type SurveyState,
} from "../../../src/overlays/survey/survey-state";

const questions: SurveyQuestion[] = [
  { id: "nps", type: "nps", title: "Recommend us?", required: true },
  { id: "why", type: "short_text", title: "Why?", required: false },
  { id: "pick", type: "multiple_choice", title: "Which?", required: false, options: ["a", "b"] },
];

const run = (actions: SurveyAction[], from: SurveyState = initialSurveyState) =>
  actions.reduce((state, action) => surveyReducer(questions, state, action), from);

describe("survey state", () => {
  it("refuses to move past a required blank, then moves on once answered", () => {
    const blocked = run([{ type: "next" }]);
    expect(blocked).toMatchObject({ index: 0, error: "This question is required." });
    const answered = run([{ type: "answer", questionId: "nps", value: 9 }], blocked);
    expect(answered.error).toBeNull();
    expect(run([{ type: "next" }], answered)).toMatchObject({ index: 1, error: null });
  });

  it("checks answers with the server's rules", () => {
    expect(questionError(questions[0]!, 11)).toBe("Pick a whole number from 0 to 10.");
    expect(questionError(questions[1]!, "x".repeat(501))).toBe("At most 500 characters.");
    expect(questionError(questions[1]!, undefined)).toBeNull();
  });

  it("says a blank required answer is required in the visitor's language, and keeps the rules' other reasons", () => {
    expect(questionError(questions[0]!, undefined, "Cette question est obligatoire.")).toBe("Cette question est obligatoire.");
    expect(questionError(questions[0]!, 11, "Cette question est obligatoire.")).toBe("Pick a whole number from 0 to 10.");
    expect(surveyReducer(questions, initialSurveyState, { type: "next" }, "هذا السؤال مطلوب.").error).toBe("هذا السؤال مطلوب.");
  });

  it("submits on the last question's Next and shows the thank-you step once sent", () => {
    const sending = run([
      { type: "answer", questionId: "nps", value: 7 },
      { type: "next" },
      { type: "next" },
      { type: "next" },
    ]);
    expect(sending).toMatchObject({ index: 2, sending: true });
    expect(run([{ type: "back" }], sending)).toBe(sending); // nothing moves while sending
    const sent = run([{ type: "sent" }], sending);
    expect(isThankYou(questions, sent)).toBe(true);
  });

  it("goes back to the question the server refused", () => {
    const sending = run([{ type: "answer", questionId: "nps", value: 7 }, { type: "next" }, { type: "next" }, { type: "next" }]);
    const failed = run([{ type: "failed", message: "Nope.", questionId: "nps" }], sending);
    expect(failed).toMatchObject({ index: 0, sending: false, error: "Nope." });
    expect(run([{ type: "failed", message: "Offline." }], sending)).toMatchObject({ index: 2, error: "Offline." });
  });

  it("clears an answer set back to nothing, and sends only what was answered", () => {
    const state = run([
      { type: "answer", questionId: "pick", value: ["a"] },
      { type: "answer", questionId: "pick", value: undefined },
      { type: "answer", questionId: "why", value: "   " },
      { type: "answer", questionId: "nps", value: 0 },
    ]);
    expect(state.answers).toEqual({ why: "   ", nps: 0 });
    expect(answersToSend(questions, state.answers)).toEqual({ nps: 0 });
  });
});
