import { CloseIcon } from "../icons";
import { strings } from "../strings";

/**
 * Closes the panel where the launcher is covered (full screen on narrow viewports). CSS
 * hides it elsewhere, which also keeps it out of the accessibility tree there.
 */
export function HideButton({ onClose }: { onClose(): void }) {
  return (
    <button type="button" class="oc-icon-button oc-hide" aria-label={strings.hideMessenger} onClick={onClose}>
      <CloseIcon />
    </button>
  );
}
