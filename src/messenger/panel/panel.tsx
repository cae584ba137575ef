import { render } from "preact";
import type { MessengerController } from "../types";
import { Panel } from "./panel-view";

export { PANEL_CSS } from "./styles";

/** Renders the panel into `container` (inside the shadow root); returns the unmount. */
export function mountPanel(container: HTMLElement, controller: MessengerController, onClose: () => void): () => void {
  render(<Panel controller={controller} onClose={onClose} />, container);
  return () => render(null, container);
}
