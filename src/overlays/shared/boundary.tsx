import { Component, type ComponentChildren } from "preact";
import { logError } from "../../sdk/log";

type Props = { name: string; onError: () => void; children: ComponentChildren };

/**
 * One per overlay: a failing overlay logs, removes itself and frees its slot; the page,
 * the messenger and the other overlays carry on.
 */
export class OverlayBoundary extends Component<Props, { failed: boolean }> {
  override state = { failed: false };

  static override getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidCatch(error: unknown): void {
    logError(`the ${this.props.name} failed and was closed`, error);
    // Not from inside Preact's render: closing unmounts this very tree.
    queueMicrotask(this.props.onError);
  }

  override render() {
    return this.state.failed ? null : this.props.children;
  }
}
