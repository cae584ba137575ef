import type { ComponentType } from "preact";
import { useEffect, useErrorBoundary, useState } from "preact/hooks";
import { logError } from "../../sdk/log";
import { useT } from "./i18n";
import { Loading } from "./live-content";
import type { TabProps } from "./tab-props";

export type LazyTabId = "home" | "help" | "tours" | "tasks" | "tickets";

/** A lazily loaded chunk of the panel: its view and, when it has one, its stylesheet. */
export interface ChunkModule<P> {
  default: ComponentType<P>;
  CSS?: string;
}

/** Each tab but Messages is its own chunk, fetched the first time the tab shows. */
const TAB_LOADERS: Record<LazyTabId, () => Promise<ChunkModule<TabProps>>> = {
  home: () => import("../tabs/home/index"),
  help: () => import("../tabs/help/index"),
  tours: () => import("../tabs/tours/index"),
  tasks: () => import("../tabs/tasks/index"),
  tickets: () => import("../tabs/tickets/index"),
};

export interface LazyProps<P> {
  /** Names the chunk (logs, stylesheet adoption). */
  name: string;
  load(): Promise<ChunkModule<P>>;
  /** Adopts the chunk's stylesheet into the shadow root. */
  addStyles(css: string): void;
  /** Called once the view has rendered after loading. */
  onLoaded?(): void;
  props: P;
}

/**
 * Loads a chunk and shows its view, inside its own error boundary: a chunk that fails to
 * load or render shows a retry, and the rest of the messenger keeps working.
 */
export function Lazy<P extends object>({ name, load, addStyles, onLoaded, props }: LazyProps<P>) {
  const t = useT();
  const [loaded, setLoaded] = useState<{ name: string; module: ChunkModule<P> } | null>(null);
  const [failed, setFailed] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const [error, resetError] = useErrorBoundary((caught: unknown) => logError(`the ${name} view failed`, caught));

  useEffect(() => {
    let current = true;
    setFailed(false);
    load().then(
      (module) => {
        if (module.CSS) adopt(name, module.CSS, addStyles);
        if (current) setLoaded({ name, module });
      },
      (loadError: unknown) => {
        logError(`could not load the ${name} view`, loadError);
        if (current) setFailed(true);
      },
    );
    return () => void (current = false);
  }, [name, attempt]);

  useEffect(() => {
    if (loaded?.name === name) onLoaded?.();
  }, [loaded]);

  if (error || failed) {
    return (
      <p class="oc-note" role="alert">
        {t.failed}{" "}
        <button
          type="button"
          class="oc-link"
          onClick={() => {
            resetError();
            setAttempt((n) => n + 1);
          }}
        >
          {t.tryAgain}
        </button>
      </p>
    );
  }
  if (loaded?.name !== name) return <Loading />;
  const View = loaded.module.default;
  return <View {...props} />;
}

/** One tab (not Messages), from its chunk. */
export function LazyTab({ id, ...props }: TabProps & { id: LazyTabId }) {
  return <Lazy name={id} load={TAB_LOADERS[id]} addStyles={props.addStyles} onLoaded={props.onViewLoaded} props={props} />;
}

const adopted = new WeakMap<(css: string) => void, Set<string>>();

/** A lazy chunk's stylesheet goes into this widget's shadow root once, however often it shows. */
export function adopt(id: string, css: string, addStyles: (css: string) => void): void {
  let ids = adopted.get(addStyles);
  if (!ids) adopted.set(addStyles, (ids = new Set()));
  if (ids.has(id)) return;
  ids.add(id);
  addStyles(css);
}
