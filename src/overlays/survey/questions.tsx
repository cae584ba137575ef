import { useStrings } from "../shared/mount";
import type { AnswerValue, SurveyQuestion } from "../../../core/engagement/survey-answers";
import { SHORT_TEXT_MAX, LONG_TEXT_MAX } from "../../../core/engagement/survey-answers";

export type QuestionProps = {
  question: SurveyQuestion;
  value: AnswerValue | undefined;
  onChange(value: AnswerValue | undefined): void;
  /** Ids for aria-labelledby (the title) and aria-describedby (the error). */
  titleId: string;
  errorId: string;
  invalid: boolean;
};

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, index) => from + index);

function Title({ question, id, inputId }: { question: SurveyQuestion; id: string; inputId?: string }) {
  const t = useStrings();
  const hint = <span class="oc-q-hint">({question.required ? t.required : t.optional})</span>;
  return inputId === undefined ? (
    <legend class="oc-q-title" id={id}>
      {question.title} {hint}
    </legend>
  ) : (
    <label class="oc-q-title" id={id} for={inputId}>
      {question.title} {hint}
    </label>
  );
}

/** One question, as native form controls: radios and checkboxes keep their arrow-key behaviour. */
export function Question(props: QuestionProps) {
  const t = useStrings();
  const { question, value, onChange } = props;
  const described = props.invalid ? { "aria-describedby": props.errorId } : {};
  if (question.type === "short_text" || question.type === "long_text") {
    const long = question.type === "long_text";
    const inputProps = {
      id: `${props.titleId}-input`,
      class: "oc-q-text",
      value: typeof value === "string" ? value : "",
      maxLength: long ? LONG_TEXT_MAX : SHORT_TEXT_MAX,
      "aria-invalid": props.invalid ? ("true" as const) : ("false" as const),
      "aria-required": question.required ? ("true" as const) : ("false" as const),
      "data-autofocus": "",
      ...described,
      onInput: (event: Event) => onChange((event.currentTarget as HTMLInputElement).value),
    };
    return (
      <div class="oc-q">
        <Title question={question} id={props.titleId} inputId={inputProps.id} />
        {long ? <textarea rows={4} {...inputProps} /> : <input type="text" {...inputProps} />}
      </div>
    );
  }

  const multiple = question.type === "multiple_choice";
  const scale = question.type === "nps" ? range(0, 10) : question.type === "rating" ? range(1, 5) : null;
  const choices: Array<{ value: string | number; label: string; name?: string }> = scale
    ? scale.map((n) => ({ value: n, label: String(n), ...(question.type === "rating" ? { name: t.ratingLabel(n) } : {}) }))
    : (question.options ?? []).map((option) => ({ value: option, label: option }));
  const selected = (choice: string | number) => (Array.isArray(value) ? value.includes(String(choice)) : value === choice);
  const toggle = (choice: string | number) => {
    if (!multiple) return onChange(choice);
    const current = Array.isArray(value) ? value : [];
    const next = current.includes(String(choice)) ? current.filter((item) => item !== choice) : [...current, String(choice)];
    onChange(next.length === 0 ? undefined : next);
  };

  return (
    <fieldset class="oc-q" {...described}>
      <Title question={question} id={props.titleId} />
      <div class={scale ? `oc-q-scale oc-q-${question.type}` : "oc-q-choices"}>
        {choices.map((choice, index) => (
          <label key={String(choice.value)} class="oc-q-choice">
            <input
              type={multiple ? "checkbox" : "radio"}
              name={props.titleId}
              class={scale ? "oc-o-hidden" : ""}
              checked={selected(choice.value)}
              required={question.required && !multiple}
              data-autofocus={index === 0 ? "" : undefined}
              onChange={() => toggle(choice.value)}
            />
            <span class="oc-q-face" aria-hidden={choice.name ? "true" : undefined}>
              {choice.label}
            </span>
            {choice.name && <span class="oc-o-hidden">{choice.name}</span>}
          </label>
        ))}
      </div>
      {question.type === "nps" && (
        <p class="oc-q-ends" aria-hidden="true">
          <span>{t.notLikely}</span>
          <span>{t.veryLikely}</span>
        </p>
      )}
    </fieldset>
  );
}
