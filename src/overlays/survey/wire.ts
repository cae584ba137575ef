import * as v from "valibot";
import { QUESTION_TYPES, type SurveyQuestion } from "../../../core/engagement/survey-answers";
import { parseOrNull } from "../shared/wire";

const question = v.object({
  id: v.string(),
  type: v.picklist(QUESTION_TYPES),
  title: v.string(),
  required: v.boolean(),
  options: v.exactOptional(v.array(v.string())),
});

const survey = v.object({
  id: v.string(),
  format: v.picklist(["small", "large"]),
  intro: v.nullable(v.string()),
  thankYou: v.nullable(v.string()),
  questions: v.pipe(v.array(question), v.minLength(1)),
});

export type WidgetSurvey = Omit<v.InferOutput<typeof survey>, "questions"> & { questions: SurveyQuestion[] };

export function parseSurvey(value: unknown): WidgetSurvey | null {
  return parseOrNull(survey, value);
}
