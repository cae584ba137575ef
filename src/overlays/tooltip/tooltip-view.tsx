import { useEffect, useRef, useState } from "preact/hooks";
import { Markdown } from "../../ui/markdown/render";
import { anchorTo, findElement } from "../shared/anchor";
import { useDialogFocus } from "../shared/focus";
import { useId } from "../shared/ids";
import { tryMutate, useOverlayEnv, useStrings } from "../shared/mount";
import { useHoverAndFocus } from "./use-hover";
import type { WidgetTooltip } from "./wire";
import { backend } from "../../runtime/functions";

/**
 * A hint attached to a page element. It never blocks: `auto` tips open by themselves
 * (without taking focus); `hover` and `click` tips wait behind a beacon on the element.
 */
export function TooltipOverlay({ tooltip }: { tooltip: WidgetTooltip }) {
  const t = useStrings();
  const { context, placer } = useOverlayEnv();
  const [element] = useState(() => findElement(context.win.document, tooltip.selector));
  const [open, setOpen] = useState(tooltip.showOn === "auto");
  const [keys] = useState(() => ({ card: placer.key(), arrow: placer.key(), beacon: placer.key() }));
  const cardRef = useRef<HTMLElement>(null);
  const arrowRef = useRef<HTMLDivElement>(null);
  const beaconRef = useRef<HTMLButtonElement>(null);
  const seen = useRef(false);
  const cardId = useId("tip");
  const titleId = useId("tip-title");

  useEffect(() => {
    if (!element) return context.close(); // gone before it could show; not a dismissal
    if (!open || seen.current) return;
    seen.current = true;
    void tryMutate(context, backend.tooltips.recordImpression, { tooltipId: tooltip.id, action: "shown" });
  }, [open]);

  useEffect(() => {
    const card = cardRef.current;
    if (!element || !card) return;
    return anchorTo({
      reference: element,
      floating: card,
      arrow: arrowRef.current,
      placement: tooltip.placement,
      place: (target, properties) => placer.set(target === "floating" ? keys.card : keys.arrow, properties),
      onUpdate: (rect) => placer.set(keys.beacon, { left: `${rect.right - 7}px`, top: `${rect.top - 7}px` }),
      onLost: context.close,
    });
  }, [element]);

  useHoverAndFocus(element, cardRef, beaconRef, tooltip.showOn === "hover", setOpen);

  if (!element) return null;
  const dismiss = () => {
    void tryMutate(context, backend.tooltips.recordImpression, { tooltipId: tooltip.id, action: "dismissed" });
    context.close();
  };
  return (
    <>
      {tooltip.showOn !== "auto" && (
        <button
          ref={beaconRef}
          type="button"
          class="oc-tip-beacon"
          data-oc-place={keys.beacon}
          aria-label={t.showTip(tooltip.title ?? t.tip)}
          aria-expanded={open ? "true" : "false"}
          aria-controls={cardId}
          onClick={() => setOpen(tooltip.showOn === "hover" || !open)}
        />
      )}
      <TipCard
        id={cardId}
        titleId={titleId}
        tooltip={tooltip}
        open={open}
        cardRef={cardRef}
        arrowRef={arrowRef}
        keys={keys}
        onDismiss={dismiss}
        onEscape={() => {
          if (tooltip.showOn === "auto") return dismiss();
          setOpen(false);
          beaconRef.current?.focus();
        }}
      />
    </>
  );
}

type TipCardProps = {
  id: string;
  titleId: string;
  tooltip: WidgetTooltip;
  open: boolean;
  cardRef: { current: HTMLElement | null };
  arrowRef: { current: HTMLDivElement | null };
  keys: { card: string; arrow: string };
  onDismiss(): void;
  onEscape(): void;
};

function TipCard(props: TipCardProps) {
  const t = useStrings();
  const { tooltip } = props;
  useDialogFocus(props.cardRef, { autoFocus: false, trap: false, onEscape: props.onEscape });
  return (
    <section
      ref={props.cardRef}
      id={props.id}
      class="oc-o-card oc-anchored oc-tip"
      data-oc-place={props.keys.card}
      role="dialog"
      aria-modal="false"
      {...(tooltip.title === null ? { "aria-label": t.tip } : { "aria-labelledby": props.titleId })}
      hidden={!props.open}
    >
      <div class="oc-arrow" ref={props.arrowRef} data-oc-place={props.keys.arrow} />
      {tooltip.title !== null && (
        <h2 class="oc-o-title" id={props.titleId}>
          {tooltip.title}
        </h2>
      )}
      <div class="oc-o-body">
        <Markdown text={tooltip.body} />
      </div>
      <div class="oc-o-actions">
        <button type="button" class="oc-btn" onClick={props.onDismiss}>
          {t.gotIt}
        </button>
      </div>
    </section>
  );
}
