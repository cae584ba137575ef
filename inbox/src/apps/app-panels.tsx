import { useMemo, useRef } from "preact/hooks";
import { api } from "../../../convex/_generated/api";
import type { ApiApp } from "../../../convex/lib/appRecords";
import type { AppScreen } from "../../../core/apps/events";
import { AppFrame } from "../../apps/app-frame";
import { createAppEventHub, type AppEventHub } from "../../apps/event-hub";
import type { AppHost, AppHostCallbacks } from "../../apps/host";
import type { Workspace } from "../workspace";
import { useQuery, useServices } from "../use-convex";

/** What a screen lets its apps do; an action the screen does not offer fails with a reason. */
export type ScreenActions = Partial<Pick<AppHostCallbacks, "fillInput" | "sendMessage" | "navigateToTicket">>;

export function useAppEventHub(): AppEventHub {
  return useMemo(createAppEventHub, []);
}

type Props = {
  workspace: Workspace;
  screen: AppScreen;
  hub: AppEventHub;
  actions: ScreenActions;
  /** Wraps the apps in a column of the screen's grid, drawn only when there are apps. */
  asColumn?: boolean;
};

/**
 * The enabled custom apps of one screen, each in its own sandboxed frame. Nothing is
 * drawn for a screen with no apps; an app that fails to open says so in its own place.
 */
export function AppPanels({ workspace, screen, hub, actions, asColumn = false }: Props) {
  const { data: apps } = useQuery(api.apps.listForScreen, { workspaceId: workspace.workspaceId, screen });
  if (apps === undefined || apps.length === 0) return null;
  const panels = (
    <section class="app-panels" aria-label="Apps">
      {apps.map((app) => (
        <AppPanel key={app.id} app={app} screen={screen} hub={hub} actions={actions} />
      ))}
    </section>
  );
  return asColumn ? <div class="side-column">{panels}</div> : panels;
}

const unavailable = (action: string) => () => Promise.reject(new Error(`${action} is not available on this screen right now.`));

function AppPanel({ app, screen, hub, actions }: Omit<Props, "workspace"> & { app: ApiApp }) {
  const { client } = useServices();
  const detach = useRef<(() => void) | null>(null);
  const callbacks: AppHostCallbacks = {
    fillInput: actions.fillInput ?? unavailable("fillInput"),
    sendMessage: actions.sendMessage ?? unavailable("sendMessage"),
    navigateToTicket: actions.navigateToTicket ?? unavailable("navigateToTicket"),
    getToken: async () => (await client.action(api.apps.issueToken, { appId: app.id })).token,
  };
  const onHost = (host: AppHost | null) => {
    detach.current?.();
    detach.current = host === null ? null : hub.attach(host);
  };
  return (
    <div class="app-panel">
      <AppFrame
        app={app}
        screen={screen}
        callbacks={callbacks}
        onHost={onHost}
        onRefusal={(refusal) => console.warn(`[inbox] ${app.name}: ${refusal.code}: ${refusal.reason}`)}
      />
    </div>
  );
}
