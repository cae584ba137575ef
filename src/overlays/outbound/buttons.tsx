import type { OutboundActions } from "./use-outbound";
import type { OutboundButton } from "./wire";

/** A message's call-to-action buttons; the first is the primary one. */
export function ActionButtons({ buttons, actions }: { buttons: OutboundButton[]; actions: OutboundActions }) {
  return (
    <>
      {buttons.map((button, index) => (
        <button
          key={index}
          type="button"
          class={index === 0 ? "oc-btn" : "oc-btn oc-btn-quiet"}
          data-autofocus={index === 0 ? "" : undefined}
          onClick={() => actions.press(button)}
        >
          {button.label}
        </button>
      ))}
    </>
  );
}
