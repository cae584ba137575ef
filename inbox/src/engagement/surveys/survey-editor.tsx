import { useState } from "preact/hooks";
import type { QuestionType } from "../../../../core/engagement/survey-answers";
import type { EditorProps } from "../types";
import { ListError, SelectField, TextField } from "../editor-kit/fields";
import { errorAt, withField } from "../draft";
import { MAX_QUESTIONS, QUESTION_KINDS, surveyForm, withNewQuestion, withOptions, withoutQuestion, withQuestion, withQuestionMoved, withSurveyText } from "./draft";
import { QuestionRow } from "./question-row";

const KIND_OPTIONS = QUESTION_KINDS.map(([type, label]) => [type, label] as const);

/** A survey: its format, opening and closing words, and its questions in order. */
export function SurveyEditor({ draft, onChange, errors }: EditorProps) {
  const form = surveyForm(draft);
  const [newType, setNewType] = useState<QuestionType>("rating");
  return (
    <div class="stack engagement-editor">
      <SelectField
        id="survey-format"
        label="Format"
        value={form.format}
        options={[["small", "Small: a card in the corner"], ["large", "Large: a centred dialog"]]}
        error={errorAt(errors, "format")}
        onChange={(format) => onChange(withField(draft, "format", format))}
      />
      <TextField id="survey-intro" label="Introduction" hint="Optional; shown above the first question." multiline maxLength={1000} value={form.intro} error={errorAt(errors, "intro")} onInput={(text) => onChange(withSurveyText(draft, "intro", text))} />
      <TextField id="survey-thank-you" label="Thank-you message" hint="Optional; shown once the visitor has answered." multiline maxLength={1000} value={form.thankYou} error={errorAt(errors, "thankYou")} onInput={(text) => onChange(withSurveyText(draft, "thankYou", text))} />
      <section aria-labelledby="survey-questions-heading" class="stack">
        <h3 id="survey-questions-heading">Questions</h3>
        <ListError id="survey-questions-error" error={errorAt(errors, "questions")} />
        {form.questions.map((question, index) => (
          <QuestionRow
            key={index}
            question={question}
            index={index}
            count={form.questions.length}
            errors={errors}
            onChange={(patch) => onChange(withQuestion(draft, index, patch))}
            onOptions={(change) => onChange(withOptions(draft, index, change))}
            onMove={(delta) => onChange(withQuestionMoved(draft, index, delta))}
            onRemove={() => onChange(withoutQuestion(draft, index))}
          />
        ))}
        <div class="inline-form">
          <SelectField<QuestionType> id="survey-new-question-type" label="New question type" value={newType} options={KIND_OPTIONS} error={null} onChange={setNewType} />
          <button type="button" disabled={form.questions.length >= MAX_QUESTIONS} onClick={() => onChange(withNewQuestion(draft, newType))}>
            Add a question
          </button>
        </div>
      </section>
    </div>
  );
}
