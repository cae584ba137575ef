import { describe, expect, test } from "vitest";
import { normalizeAnswers, validateAnswers, type SurveyQuestion } from "../../../../core/engagement/survey-answers";

const questions: SurveyQuestion[] = [
  { id: "nps", type: "nps", title: "How likely…", required: true },
  { id: "rating", type: "rating", title: "Rate us", required: false },
  { id: "role", type: "single_choice", title: "Role", required: false, options: ["Dev", "PM"] },
  { id: "uses", type: "multiple_choice", title: "Uses", required: false, options: ["Chat", "Tours", "Surveys"] },
  { id: "why", type: "short_text", title: "Why?", required: false },
  { id: "more", type: "long_text", title: "More", required: false },
];

const problems = (answers: Record<string, unknown>) =>
  validateAnswers(questions, answers as never).map((error) => error.questionId);

describe("validateAnswers", () => {
  test("accepts answers that fit their questions", () => {
    expect(
      validateAnswers(questions, { nps: 0, rating: 5, role: "PM", uses: ["Chat", "Tours"], why: "x".repeat(500), more: "y".repeat(5000) }),
    ).toEqual([]);
    expect(validateAnswers(questions, { nps: 10 })).toEqual([]);
  });

  test("range checks for nps (0–10) and rating (1–5), whole numbers only", () => {
    expect(problems({ nps: 11 })).toEqual(["nps"]);
    expect(problems({ nps: -1 })).toEqual(["nps"]);
    expect(problems({ nps: 7.5 })).toEqual(["nps"]);
    expect(problems({ nps: "9" })).toEqual(["nps"]);
    expect(problems({ nps: 5, rating: 0 })).toEqual(["rating"]);
    expect(problems({ nps: 5, rating: 6 })).toEqual(["rating"]);
  });

  test("choices must come from the options, once each", () => {
    expect(problems({ nps: 5, role: "CEO" })).toEqual(["role"]);
    expect(problems({ nps: 5, role: ["Dev"] })).toEqual(["role"]);
    expect(problems({ nps: 5, uses: ["Chat", "Fax"] })).toEqual(["uses"]);
    expect(problems({ nps: 5, uses: ["Chat", "Chat"] })).toEqual(["uses"]);
    expect(problems({ nps: 5, uses: "Chat" })).toEqual(["uses"]);
  });

  test("text limits: short 500, long 5000", () => {
    expect(problems({ nps: 5, why: "x".repeat(501) })).toEqual(["why"]);
    expect(problems({ nps: 5, more: "x".repeat(5001) })).toEqual(["more"]);
    expect(problems({ nps: 5, why: 3 })).toEqual(["why"]);
  });

  test("required questions must be answered; unknown questions are refused", () => {
    expect(problems({})).toEqual(["nps"]);
    expect(problems({ nps: 5, bogus: 1 })).toEqual(["bogus"]);
    const required: SurveyQuestion[] = [{ id: "t", type: "short_text", title: "T", required: true }];
    expect(validateAnswers(required, { t: "   " })).toHaveLength(1);
    const requiredMulti: SurveyQuestion[] = [{ id: "m", type: "multiple_choice", title: "M", required: true, options: ["a"] }];
    expect(validateAnswers(requiredMulti, { m: [] })).toHaveLength(1);
  });
});

describe("normalizeAnswers", () => {
  test("trims text, drops blank optional answers, keeps question order", () => {
    expect(normalizeAnswers(questions, { why: "  because  ", nps: 9, more: "  ", uses: [] })).toEqual([
      { questionId: "nps", value: 9 },
      { questionId: "why", value: "because" },
    ]);
  });
});
