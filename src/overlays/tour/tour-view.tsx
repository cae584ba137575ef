import type { ComponentChildren } from "preact";
import { useEffect, useRef, useState } from "preact/hooks";
import type { TourStep } from "../../../core/engagement/tour-machine";
import { Markdown } from "../../ui/markdown/render";
import { anchorTo, revealElement } from "../shared/anchor";
import { CloseButton } from "../shared/close-button";
import { useDialogFocus } from "../shared/focus";
import { useId } from "../shared/ids";
import { useOverlayEnv, useStrings } from "../shared/mount";
import { useTourRun } from "./use-tour";
import type { WidgetTour } from "./wire";

/** Room left around a spotlit element. */
const SPOT_PADDING = 6;

/** One product tour: a modal step dims the page (spotlighting its element if it has one); a pointer step points at its element. */
export function TourOverlay({ tour }: { tour: WidgetTour }) {
  const { context } = useOverlayEnv();
  const run = useTourRun(tour, context);
  const { state, element } = run;
  const step = tour.steps[state.stepIndex];
  if (!step || state.status !== "in_progress") return null;
  if (step.kind === "pointer" && (state.awaitingElement || element === null)) return null; // still looking
  const props = {
    step,
    index: state.stepIndex,
    count: tour.steps.length,
    onNext: () => run.dispatch({ type: "next" }),
    onBack: () => run.dispatch({ type: "back" }),
    onClose: () => run.dispatch({ type: "skip" }),
  };
  if (element === null) {
    return (
      <div class="oc-modal">
        <StepCard {...props} modal />
      </div>
    );
  }
  return <AnchoredStep {...props} element={element} modal={step.kind === "modal"} onLost={run.lost} />;
}

type StepProps = {
  step: TourStep;
  index: number;
  count: number;
  onNext(): void;
  onBack(): void;
  onClose(): void;
};

function AnchoredStep(props: StepProps & { element: Element; modal: boolean; onLost(): void }) {
  const { context, placer } = useOverlayEnv();
  const cardRef = useRef<HTMLElement>(null);
  const arrowRef = useRef<HTMLDivElement>(null);
  const [keys] = useState(() => ({ card: placer.key(), arrow: placer.key(), spot: placer.key() }));

  useEffect(() => {
    const card = cardRef.current;
    if (!card) return;
    revealElement(context.win, props.element);
    return anchorTo({
      reference: props.element,
      floating: card,
      arrow: arrowRef.current,
      placement: props.step.placement ?? "auto",
      gap: props.modal ? 12 + SPOT_PADDING : 12,
      place: (target, properties) => placer.set(target === "floating" ? keys.card : keys.arrow, properties),
      onUpdate: (rect) =>
        placer.set(keys.spot, {
          left: `${rect.left - SPOT_PADDING}px`,
          top: `${rect.top - SPOT_PADDING}px`,
          width: `${rect.width + 2 * SPOT_PADDING}px`,
          height: `${rect.height + 2 * SPOT_PADDING}px`,
        }),
      onLost: props.onLost,
    });
  }, [props.element, props.step.placement, props.modal]);

  // "Moves on when the visitor clicks the element": the click still reaches the page.
  useEffect(() => {
    if (props.modal || props.step.advanceOn !== "click") return;
    const next = () => props.onNext();
    props.element.addEventListener("click", next, { once: true });
    return () => props.element.removeEventListener("click", next);
  }, [props.element, props.step.advanceOn, props.modal]);

  return (
    <>
      {props.modal && <div class="oc-tour-catch" aria-hidden="true" />}
      <div class={props.modal ? "oc-tour-spot" : "oc-tour-ring"} data-oc-place={keys.spot} aria-hidden="true" />
      <StepCard {...props} cardRef={cardRef} placeKey={keys.card}>
        <div class="oc-arrow" ref={arrowRef} data-oc-place={keys.arrow} />
      </StepCard>
    </>
  );
}

function StepCard(
  props: StepProps & {
    modal: boolean;
    cardRef?: { current: HTMLElement | null };
    placeKey?: string;
    children?: ComponentChildren;
  },
) {
  const t = useStrings();
  const { step, index, count } = props;
  const fallbackRef = useRef<HTMLElement>(null);
  const ref = props.cardRef ?? fallbackRef;
  const titleId = useId("tour-title");
  const bodyId = useId("tour-body");
  const last = index === count - 1;
  useDialogFocus(ref, { autoFocus: true, trap: props.modal, onEscape: props.onClose, focusKey: index });

  return (
    <section
      ref={ref}
      class={`oc-o-card oc-tour-card${props.placeKey ? " oc-anchored" : ""}`}
      data-oc-place={props.placeKey}
      role="dialog"
      aria-modal={props.modal ? "true" : "false"}
      aria-labelledby={titleId}
      aria-describedby={bodyId}
      tabIndex={-1}
      onKeyDown={(event) => {
        const typing = (event.target as Element).closest("input,textarea,select");
        if (typing) return;
        if (event.key === "ArrowRight") props.onNext();
        else if (event.key === "ArrowLeft" && index > 0) props.onBack();
      }}
    >
      {props.children}
      <CloseButton label={t.closeTour} onClick={props.onClose} />
      <h2 class="oc-o-title" id={titleId}>
        {step.title}
      </h2>
      <div class="oc-o-body" id={bodyId}>
        <Markdown text={step.body} />
      </div>
      <div class="oc-o-actions">
        {count > 1 && <p class="oc-o-meta">{t.stepOf(index + 1, count)}</p>}
        {index > 0 && (
          <button type="button" class="oc-btn oc-btn-quiet" onClick={props.onBack}>
            {t.back}
          </button>
        )}
        <button type="button" class="oc-btn" data-autofocus onClick={props.onNext}>
          {last ? t.done : t.next}
        </button>
      </div>
    </section>
  );
}
