import type { WidgetSettings } from "../../runtime/settings";
import type { PanelSettings } from "../panel-settings";
import type { MessengerController } from "../types";
import type { Route } from "./route";

/** What every tab view gets from the panel. */
export interface TabProps<R extends Route = Route> {
  controller: MessengerController;
  settings: WidgetSettings;
  panelSettings: PanelSettings;
  /** This tab's part of the route (what is open inside it). */
  route: R;
  navigate(route: Route): void;
  onClose(): void;
  /** The visitor is a known user of the host site. */
  identified: boolean;
  /** Adopts a lazily loaded chunk's stylesheet into the shadow root (see lazy-tab.tsx adopt). */
  addStyles(css: string): void;
  /** A lazily loaded view has rendered: focus may move into it. */
  onViewLoaded(): void;
}

/** A lazily loaded tab chunk: its view and its stylesheet. */
export interface TabModule {
  default: (props: TabProps) => preact.JSX.Element | null;
  CSS: string;
}
