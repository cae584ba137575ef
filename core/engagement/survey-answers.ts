/**
 * Survey questions and the validation of a visitor's answers, shared by the
 * survey overlay (to refuse before sending) and the server (to refuse for real).
 */

export type QuestionType = "nps" | "rating" | "single_choice" | "multiple_choice" | "short_text" | "long_text";

export type SurveyQuestion = {
  id: string;
  type: QuestionType;
  title: string;
  required: boolean;
  /** Choices, for single_choice and multiple_choice. */
  options?: string[];
};

export type AnswerValue = number | string | string[];
export type Answers = Readonly<Record<string, AnswerValue>>;
export type AnswerError = { questionId: string; message: string };

export const SHORT_TEXT_MAX = 500;
export const LONG_TEXT_MAX = 5000;
export const QUESTION_TYPES: readonly QuestionType[] = [
  "nps",
  "rating",
  "single_choice",
  "multiple_choice",
  "short_text",
  "long_text",
];

/** An answer left blank: absent, empty text or an empty selection. */
function isBlank(value: AnswerValue | undefined): boolean {
  if (value === undefined) return true;
  if (typeof value === "string") return value.trim() === "";
  return Array.isArray(value) && value.length === 0;
}

function isWholeNumberIn(value: unknown, min: number, max: number): boolean {
  return typeof value === "number" && Number.isInteger(value) && value >= min && value <= max;
}

/** Why one answer does not fit its question, or null when it fits. */
export function answerProblem(question: SurveyQuestion, value: AnswerValue): string | null {
  const options = question.options ?? [];
  switch (question.type) {
    case "nps":
      return isWholeNumberIn(value, 0, 10) ? null : "Pick a whole number from 0 to 10.";
    case "rating":
      return isWholeNumberIn(value, 1, 5) ? null : "Pick a whole number from 1 to 5.";
    case "single_choice":
      return typeof value === "string" && options.includes(value) ? null : "Pick one of the options.";
    case "multiple_choice":
      if (!Array.isArray(value) || !value.every((choice) => typeof choice === "string" && options.includes(choice))) {
        return "Pick from the options.";
      }
      return new Set(value).size === value.length ? null : "Each option may be picked once.";
    case "short_text":
    case "long_text": {
      const max = question.type === "short_text" ? SHORT_TEXT_MAX : LONG_TEXT_MAX;
      if (typeof value !== "string") return "Expected text.";
      return value.length <= max ? null : `At most ${max} characters.`;
    }
    default:
      return "Unknown question type.";
  }
}

/**
 * Every problem with a set of answers: unknown question ids, answers that do
 * not fit their question, required questions left blank. Blank answers to
 * optional questions are fine (and dropped by `normalizeAnswers`).
 */
export function validateAnswers(questions: readonly SurveyQuestion[], answers: Answers): AnswerError[] {
  const errors: AnswerError[] = [];
  const byId = new Map(questions.map((question) => [question.id, question]));
  for (const questionId of Object.keys(answers)) {
    if (!byId.has(questionId)) errors.push({ questionId, message: "No such question in this survey." });
  }
  for (const question of questions) {
    const value = Object.prototype.hasOwnProperty.call(answers, question.id) ? answers[question.id] : undefined;
    if (isBlank(value)) {
      if (question.required) errors.push({ questionId: question.id, message: "This question is required." });
      continue;
    }
    const problem = answerProblem(question, value as AnswerValue);
    if (problem !== null) errors.push({ questionId: question.id, message: problem });
  }
  return errors;
}

/** Valid answers as stored: text trimmed, blank optional answers dropped, question order kept. */
export function normalizeAnswers(
  questions: readonly SurveyQuestion[],
  answers: Answers,
): Array<{ questionId: string; value: AnswerValue }> {
  const normalized: Array<{ questionId: string; value: AnswerValue }> = [];
  for (const question of questions) {
    const value = Object.prototype.hasOwnProperty.call(answers, question.id) ? answers[question.id] : undefined;
    if (value === undefined || isBlank(value)) continue;
    normalized.push({ questionId: question.id, value: typeof value === "string" ? value.trim() : value });
  }
  return normalized;
}
