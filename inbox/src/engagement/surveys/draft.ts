import type { QuestionType, SurveyQuestion } from "../../../../core/engagement/survey-answers";
import { listOf, moved, nextId, optionalText, removed, replaced, textOf } from "../editor-kit/lists";
import { withField } from "../draft";

/**
 * A survey's own fields between the REST body (the draft) and the form. Only
 * choice questions carry options (the API refuses them elsewhere), so a type
 * change adds or drops them; a question's id is kept, since answers are keyed on it.
 */

export const QUESTION_KINDS: ReadonlyArray<readonly [QuestionType, string, string]> = [
  ["nps", "Net Promoter Score", "A 0–10 scale: how likely the visitor is to recommend you."],
  ["rating", "Rating", "One to five stars."],
  ["single_choice", "Single choice", "One of the options."],
  ["multiple_choice", "Multiple choice", "Any of the options."],
  ["short_text", "Short text", "One line, up to 500 characters."],
  ["long_text", "Long text", "A paragraph, up to 5,000 characters."],
];
export const MAX_QUESTIONS = 20;
export const MAX_OPTIONS = 20;

export type SurveyForm = { format: "small" | "large"; intro: string; thankYou: string; questions: SurveyQuestion[] };

export function isChoice(type: QuestionType): boolean {
  return type === "single_choice" || type === "multiple_choice";
}

/** A new survey: one NPS question, worded, so it saves as soon as it is named. */
export function emptySurvey(): Record<string, unknown> {
  const first = { ...newQuestion("nps", []), title: "How likely are you to recommend us to a friend?" };
  return { name: "", status: "draft", format: "small", questions: [first], trigger: { type: "page_load" }, frequency: { type: "once" } };
}

export function surveyForm(draft: Record<string, unknown>): SurveyForm {
  return {
    format: draft["format"] === "large" ? "large" : "small",
    intro: textOf(draft["intro"]),
    thankYou: textOf(draft["thankYou"]),
    questions: listOf<SurveyQuestion>(draft, "questions"),
  };
}

export function withSurveyText(draft: Record<string, unknown>, key: "intro" | "thankYou", text: string): Record<string, unknown> {
  return withField(draft, key, optionalText(text));
}

function newQuestion(type: QuestionType, existing: readonly SurveyQuestion[]): SurveyQuestion {
  const question: SurveyQuestion = { id: nextId("q", existing), type, title: "", required: false };
  if (isChoice(type)) question.options = ["", ""];
  return question;
}

const questions = (draft: Record<string, unknown>) => listOf<SurveyQuestion>(draft, "questions");

export function withNewQuestion(draft: Record<string, unknown>, type: QuestionType): Record<string, unknown> {
  const list = questions(draft);
  return list.length >= MAX_QUESTIONS ? draft : withField(draft, "questions", [...list, newQuestion(type, list)]);
}

/** Changes one question; a new type brings two blank options to a choice question and drops them from any other. */
export function withQuestion(draft: Record<string, unknown>, index: number, patch: Partial<SurveyQuestion>): Record<string, unknown> {
  const list = questions(draft);
  const current = list[index];
  if (current === undefined) return draft;
  const next: SurveyQuestion = { ...current, ...patch };
  if (!isChoice(next.type)) delete next.options;
  else if (next.options === undefined) next.options = ["", ""];
  return withField(draft, "questions", replaced(list, index, next));
}

export function withOptions(draft: Record<string, unknown>, index: number, change: (options: string[]) => string[]): Record<string, unknown> {
  const options = questions(draft)[index]?.options ?? [];
  return withQuestion(draft, index, { options: change(options).slice(0, MAX_OPTIONS) });
}

export function withQuestionMoved(draft: Record<string, unknown>, index: number, delta: number): Record<string, unknown> {
  return withField(draft, "questions", moved(questions(draft), index, delta));
}

export function withoutQuestion(draft: Record<string, unknown>, index: number): Record<string, unknown> {
  return withField(draft, "questions", removed(questions(draft), index));
}
