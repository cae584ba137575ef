import { useEffect, useReducer, useRef } from "preact/hooks";
import { readAppError } from "../../runtime/errors";
import { CloseButton } from "../shared/close-button";
import { useDialogFocus } from "../shared/focus";
import { useId } from "../shared/ids";
import { tryMutate, useOverlayEnv, useStrings } from "../shared/mount";
import { Question } from "./questions";
import { answersToSend, initialSurveyState, isThankYou, surveyReducer, type SurveyAction, type SurveyState } from "./survey-state";
import type { OverlayContext } from "../types";
import type { WidgetSurvey } from "./wire";
import { backend } from "../../runtime/functions";

/**
 * A survey: `large` is a modal dialog in the middle of the page; `small` a card in the
 * corner away from the launcher that leaves the page usable. One question at a time,
 * then a thank-you step.
 */
export function SurveyOverlay({ survey }: { survey: WidgetSurvey }) {
  const t = useStrings();
  const { context } = useOverlayEnv();
  const reducer = (state: SurveyState, action: SurveyAction) => surveyReducer(survey.questions, state, action, t.questionRequired);
  const [state, dispatch] = useReducer(reducer, initialSurveyState);
  const ref = useRef<HTMLElement>(null);
  const titleId = useId("q");
  const errorId = useId("q-error");
  const large = survey.format === "large";
  const done = isThankYou(survey.questions, state);
  const question = survey.questions[state.index];

  useEffect(() => void tryMutate(context, backend.surveys.recordImpression, { surveyId: survey.id, action: "shown" }), []);
  // Past the first question: the visitor started answering (a one-question survey starts by its response).
  const started = useRef(false);
  useEffect(() => {
    if (state.index === 0 || started.current) return;
    started.current = true;
    void tryMutate(context, backend.surveys.recordImpression, { surveyId: survey.id, action: "started" });
  }, [state.index]);
  useEffect(() => {
    if (state.sending) void submit(survey, state, dispatch, context.mutate, t.sendFailed);
  }, [state.sending]);

  const dismiss = () => {
    if (!done) void tryMutate(context, backend.surveys.recordImpression, { surveyId: survey.id, action: "dismissed" });
    context.close();
  };
  useDialogFocus(ref, { autoFocus: large || context.requested, trap: large, onEscape: dismiss, focusKey: state.index });

  const card = (
    <section
      ref={ref}
      class={`oc-o-card oc-survey${large ? " oc-survey-large" : " oc-corner"}`}
      role="dialog"
      aria-modal={large ? "true" : "false"}
      {...(done ? { "aria-label": t.survey } : { "aria-labelledby": titleId })}
      tabIndex={-1}
    >
      <CloseButton label={t.closeSurvey} onClick={dismiss} />
      {done || !question ? (
        <div class="oc-survey-thanks" role="status">
          <h2 class="oc-o-title">{t.thanks}</h2>
          {survey.thankYou !== null && <p class="oc-o-body">{survey.thankYou}</p>}
          <div class="oc-o-actions">
            <button type="button" class="oc-btn" data-autofocus onClick={context.close}>
              {t.close}
            </button>
          </div>
        </div>
      ) : (
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            dispatch({ type: "next" });
          }}
        >
          {state.index === 0 && survey.intro !== null && <p class="oc-o-body oc-survey-intro">{survey.intro}</p>}
          <Question
            key={question.id}
            question={question}
            value={state.answers[question.id]}
            onChange={(value) => dispatch({ type: "answer", questionId: question.id, value })}
            titleId={titleId}
            errorId={errorId}
            invalid={state.error !== null}
          />
          {state.error !== null && (
            <p class="oc-error" id={errorId} role="alert">
              {state.error}
            </p>
          )}
          <div class="oc-o-actions">
            {survey.questions.length > 1 && (
              <p class="oc-o-meta">{t.questionOf(state.index + 1, survey.questions.length)}</p>
            )}
            {state.index > 0 && (
              <button type="button" class="oc-btn oc-btn-quiet" onClick={() => dispatch({ type: "back" })}>
                {t.back}
              </button>
            )}
            <button type="submit" class="oc-btn" disabled={state.sending}>
              {state.sending ? t.sending : state.index === survey.questions.length - 1 ? t.submit : t.next}
            </button>
          </div>
        </form>
      )}
    </section>
  );
  return large ? <div class="oc-modal">{card}</div> : card;
}

async function submit(
  survey: WidgetSurvey,
  state: SurveyState,
  dispatch: (action: SurveyAction) => void,
  mutate: OverlayContext["mutate"],
  sendFailed: string,
): Promise<void> {
  try {
    await mutate(backend.surveys.submitResponse, { surveyId: survey.id, answers: answersToSend(survey.questions, state.answers) });
    dispatch({ type: "sent" });
  } catch (error) {
    const info = readAppError(error);
    if (info?.code === "CONFLICT") return dispatch({ type: "sent" }); // answered already (another tab)
    const questionId = info?.field?.startsWith("answers.") ? info.field.slice("answers.".length) : undefined;
    dispatch({
      type: "failed",
      message: info?.code === "INVALID_ARGUMENT" ? info.message : sendFailed,
      ...(questionId === undefined ? {} : { questionId }),
    });
  }
}
