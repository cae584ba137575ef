import type { ComponentType } from "preact";
import { useEffect, useState } from "preact/hooks";

/**
 * A screen whose code loads the first time it is shown. The inbox opens on Chats, and what
 * only admins or occasional visits need (Engagement, Settings) stays out of that first load.
 */
export function lazyScreen<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  let loaded: ComponentType<P> | null = null;
  let loading: Promise<ComponentType<P>> | null = null;
  return function LazyScreen(props: P) {
    const [Screen, setScreen] = useState<ComponentType<P> | null>(() => loaded);
    const [failed, setFailed] = useState(false);
    useEffect(() => {
      if (Screen !== null) return;
      let live = true;
      loading ??= load().then((screen) => (loaded = screen));
      loading.then(
        (screen) => live && setScreen(() => screen),
        () => {
          loading = null;
          if (live) setFailed(true);
        },
      );
      return () => {
        live = false;
      };
    }, [Screen]);
    if (Screen !== null) return <Screen {...props} />;
    return failed ? (
      <p role="alert" class="error">This screen could not be loaded. Check the connection and reload the page.</p>
    ) : (
      <p role="status" class="muted">Loading…</p>
    );
  };
}
