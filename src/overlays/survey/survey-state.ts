import { validateAnswers, type AnswerValue, type SurveyQuestion } from "../../../core/engagement/survey-answers";

/**
 * The survey overlay's state, pure: one question at a time, each checked (with the
 * same rules as the server, src/engine/survey-answers.ts) before moving on; the last
 * one's Next submits; then a thank-you step.
 */
export type SurveyState = {
  /** The question shown, or `questions.length` for the thank-you step. */
  index: number;
  answers: Record<string, AnswerValue>;
  /** Why the current question cannot be left yet, or why sending failed. */
  error: string | null;
  /** Waiting for the server to store the response. */
  sending: boolean;
};

export type SurveyAction =
  | { type: "answer"; questionId: string; value: AnswerValue | undefined }
  | { type: "next" }
  | { type: "back" }
  | { type: "sent" }
  | { type: "failed"; message: string; questionId?: string };

export const initialSurveyState: SurveyState = { index: 0, answers: {}, error: null, sending: false };

/**
 * The problem with one answer (required and blank, or not fitting the question), or null.
 * `requiredMessage`, in the visitor's language, replaces the rules' English for a blank
 * required answer.
 */
export function questionError(question: SurveyQuestion, value: AnswerValue | undefined, requiredMessage?: string): string | null {
  const answers = value === undefined ? {} : { [question.id]: value };
  const problem = validateAnswers([question], answers)[0]?.message ?? null;
  if (problem === null || requiredMessage === undefined || !question.required) return problem;
  // Blank is the only problem when the same answer passes once the question is optional.
  return validateAnswers([{ ...question, required: false }], answers).length === 0 ? requiredMessage : problem;
}

export function isThankYou(questions: readonly SurveyQuestion[], state: SurveyState): boolean {
  return state.index >= questions.length;
}

export function surveyReducer(
  questions: readonly SurveyQuestion[],
  state: SurveyState,
  action: SurveyAction,
  requiredMessage?: string,
): SurveyState {
  const question = questions[state.index];
  if (state.sending && action.type !== "sent" && action.type !== "failed") return state;
  switch (action.type) {
    case "answer": {
      const answers = { ...state.answers };
      if (action.value === undefined) delete answers[action.questionId];
      else answers[action.questionId] = action.value;
      return { ...state, answers, error: null };
    }
    case "next": {
      if (!question) return state;
      const error = questionError(question, state.answers[question.id], requiredMessage);
      if (error !== null) return { ...state, error };
      const last = state.index === questions.length - 1;
      return last ? { ...state, error: null, sending: true } : { ...state, index: state.index + 1, error: null };
    }
    case "back":
      return state.index > 0 && question ? { ...state, index: state.index - 1, error: null } : state;
    case "sent":
      return { ...state, index: questions.length, sending: false, error: null };
    case "failed": {
      const target = questions.findIndex((candidate) => candidate.id === action.questionId);
      return { ...state, sending: false, error: action.message, index: target === -1 ? state.index : target };
    }
  }
}

/** The answers to send: blank optional ones left out. */
export function answersToSend(questions: readonly SurveyQuestion[], answers: Record<string, AnswerValue>) {
  const out: Record<string, AnswerValue> = {};
  for (const question of questions) {
    const value = answers[question.id];
    if (value !== undefined && questionError({ ...question, required: true }, value) === null) out[question.id] = value;
  }
  return out;
}
