import { render } from "preact";
import { loadMessages } from "../../i18n/load";
import { logError } from "../../sdk/log";
import type { MessengerController } from "../types";
import { Panel } from "./panel-view";
import { followTopBars } from "./top-inset";

export { PANEL_CSS } from "./styles";

/**
 * Renders the panel into `container` (inside the shadow root) once the visitor's
 * dictionary is loaded (at once for English); returns the unmount.
 */
export function mountPanel(
  container: HTMLElement,
  controller: MessengerController,
  onClose: () => void,
  addStyles: (css: string) => void,
): () => void {
  let mounted = true;
  const stopTopBars = followTopBars(container, (measure) => controller.state.subscribe(({ open }) => open && measure()));
  const locale = controller.state.get().locale ?? "en";
  loadMessages(locale).then(
    (t) => {
      if (mounted) render(<Panel controller={controller} onClose={onClose} addStyles={addStyles} initial={{ locale, t }} />, container);
    },
    (error: unknown) => logError("could not load the messenger's texts", error),
  );
  return () => {
    mounted = false;
    stopTopBars();
    render(null, container);
  };
}
