import type { SurveyQuestion } from "../../../../core/engagement/survey-answers";
import { CheckField, SelectField, TextField, type Errors } from "../editor-kit/fields";
import { errorAt } from "../draft";
import { ItemActions } from "../editor-kit/item-actions";
import { QUESTION_KINDS } from "./draft";
import { OptionsList } from "./options-list";

const KIND_OPTIONS = QUESTION_KINDS.map(([type, label]) => [type, label] as const);

/** One question: its type (with what the visitor will see), id, wording, whether it must be answered, and its options. */
export function QuestionRow({ question, index, count, errors, onChange, onOptions, onMove, onRemove }: {
  question: SurveyQuestion;
  index: number;
  count: number;
  errors: Errors;
  onChange(patch: Partial<SurveyQuestion>): void;
  onOptions(change: (options: string[]) => string[]): void;
  onMove(delta: number): void;
  onRemove(): void;
}) {
  const path = `questions.${index}`;
  const id = `survey-question-${index}`;
  const scale = QUESTION_KINDS.find(([type]) => type === question.type)?.[2];
  return (
    <fieldset class="editor-item">
      <legend>Question {index + 1}</legend>
      <SelectField id={`${id}-type`} label="Type" value={question.type} options={KIND_OPTIONS} error={errorAt(errors, `${path}.type`)} onChange={(type) => onChange({ type })} {...(scale !== undefined ? { hint: scale } : {})} />
      <TextField id={`${id}-title`} label="Question" maxLength={300} value={question.title} error={errorAt(errors, `${path}.title`) ?? errorAt(errors, path)} onInput={(title) => onChange({ title })} />
      <TextField id={`${id}-id`} label="Answer key" hint="Names this question's answers in results and exports." maxLength={50} value={question.id} error={errorAt(errors, `${path}.id`)} onInput={(key) => onChange({ id: key })} />
      <CheckField id={`${id}-required`} label="An answer is required" checked={question.required} error={errorAt(errors, `${path}.required`)} onChange={(required) => onChange({ required })} />
      {question.options !== undefined && <OptionsList options={question.options} path={`${path}.options`} id={`${id}-option`} errors={errors} onChange={onOptions} />}
      <ItemActions what="question" index={index} count={count} onMove={onMove} onRemove={onRemove} removable={count > 1} />
    </fieldset>
  );
}
