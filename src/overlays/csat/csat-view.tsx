import { useRef, useState } from "preact/hooks";
import type { AnswerValue, SurveyQuestion } from "../../../core/engagement/survey-answers";
import { readAppError } from "../../runtime/errors";
import { CloseButton } from "../shared/close-button";
import { useDialogFocus } from "../shared/focus";
import { useId } from "../shared/ids";
import { useOverlayEnv, useStrings } from "../shared/mount";
import { Question } from "../survey/questions";
import { questionError } from "../survey/survey-state";
import { backend } from "../../runtime/functions";

export type PendingRating = { conversationId: string; lastMessagePreview: string; question?: string | undefined; commentPrompt?: string | undefined };

const COMMENT_MAX = 1000;

/** After a conversation is closed: rate it 1–5, with an optional comment. */
export function CsatOverlay({ pending }: { pending: PendingRating }) {
  const t = useStrings();
  // The prompt is a two-question survey: the same controls and checks as surveys.
  const RATING: SurveyQuestion = { id: "rating", type: "rating", title: t.csatQuestion, required: true };
  const COMMENT: SurveyQuestion = { id: "comment", type: "long_text", title: pending.commentPrompt ?? t.csatComment, required: false };
  const { context } = useOverlayEnv();
  const ref = useRef<HTMLElement>(null);
  const ids = { title: useId("csat"), rating: useId("csat-rating"), comment: useId("csat-comment"), error: useId("csat-error") };
  const [rating, setRating] = useState<AnswerValue | undefined>(undefined);
  const [comment, setComment] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [state, setState] = useState<"asking" | "sending" | "thanks">("asking");
  useDialogFocus(ref, { autoFocus: false, trap: false, onEscape: context.close, focusKey: state });

  const send = async () => {
    const problem = questionError(RATING, rating, t.questionRequired) ?? (comment.length > COMMENT_MAX ? questionError(COMMENT, comment) : null);
    if (problem !== null) return setError(problem);
    setState("sending");
    try {
      const trimmed = comment.trim();
      await context.mutate(backend.csat.submit, { conversationId: pending.conversationId, rating: rating as number /* checked above */, ...(trimmed ? { comment: trimmed } : {}) });
      setState("thanks");
    } catch (failure) {
      const info = readAppError(failure);
      if (info?.code === "CONFLICT") return setState("thanks"); // rated already, in another tab
      setState("asking");
      setError(info?.code === "INVALID_ARGUMENT" ? info.message : t.sendFailed);
    }
  };

  return (
    <section ref={ref} class="oc-o-card oc-dock oc-csat" role="dialog" aria-modal="false" aria-labelledby={ids.title} tabIndex={-1}>
      <CloseButton label={t.closeRating} onClick={context.close} />
      <h2 class="oc-o-title" id={ids.title}>
        {state === "thanks" ? t.csatThanks : (pending.question ?? t.csatTitle)}
      </h2>
      {state === "thanks" ? (
        <div class="oc-o-actions">
          <button type="button" class="oc-btn" data-autofocus onClick={context.close}>
            {t.close}
          </button>
        </div>
      ) : (
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            void send();
          }}
        >
          {pending.lastMessagePreview !== "" && (
            <blockquote class="oc-csat-quote">
              <p>{pending.lastMessagePreview}</p>
            </blockquote>
          )}
          <Question
            question={RATING}
            value={rating}
            onChange={(value) => {
              setRating(value);
              setError(null);
            }}
            titleId={ids.rating}
            errorId={ids.error}
            invalid={error !== null}
          />
          <Question
            question={COMMENT}
            value={comment}
            onChange={(value) => setComment(typeof value === "string" ? value : "")}
            titleId={ids.comment}
            errorId={ids.error}
            invalid={false}
          />
          {error !== null && (
            <p class="oc-error" id={ids.error} role="alert">
              {error}
            </p>
          )}
          <div class="oc-o-actions">
            <button type="button" class="oc-btn oc-btn-quiet" onClick={context.close}>
              {t.notNow}
            </button>
            <button type="submit" class="oc-btn" disabled={state === "sending"}>
              {state === "sending" ? t.sending : t.submit}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
