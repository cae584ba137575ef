import { CloseIcon } from "../icons";
import { useT } from "./i18n";

/**
 * Closes the panel where the launcher is covered (full screen on narrow viewports). CSS
 * hides it elsewhere, which also keeps it out of the accessibility tree there.
 */
export function HideButton({ onClose }: { onClose(): void }) {
  const t = useT();
  return (
    <button type="button" class="oc-icon-button oc-hide" aria-label={t.hideMessenger} onClick={onClose}>
      <CloseIcon />
    </button>
  );
}
