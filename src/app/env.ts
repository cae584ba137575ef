import { createDeferredClient } from "../runtime/deferred-client";
import type { ClientLike } from "../runtime/gateway";
import { browserStore, type KeyValueStore } from "../runtime/storage";

/** What the instance needs from the outside world; tests substitute fakes. */
export interface InstanceEnv {
  win: Window & typeof globalThis;
  storage: KeyValueStore;
  createClient(convexUrl: string): ClientLike;
}

/** If no frame comes (a background tab paints none), the socket opens after this anyway. */
const NO_FRAME_FALLBACK_MS = 100;

/**
 * Resolves once the frame after now has been produced: the launcher rendered in this task is
 * then on screen. A task boundary after the frame keeps the Convex client's evaluation and
 * the socket's handshake out of the frame that paints the launcher.
 */
export function afterNextPaint(win: Window): Promise<void> {
  return new Promise((resolve) => {
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      win.setTimeout(resolve, 0);
    };
    win.requestAnimationFrame(finish);
    win.setTimeout(finish, NO_FRAME_FALLBACK_MS);
  });
}

export function browserEnv(): InstanceEnv {
  return {
    win: window,
    storage: browserStore(),
    // The loader has already fetched the client's chunk beside the runtime (a verified
    // modulepreload); it is evaluated, and the socket opened, once the launcher is painted.
    createClient: (url) =>
      createDeferredClient(() =>
        afterNextPaint(window)
          .then(() => import("../runtime/convex-client"))
          .then((module) => module.connect(url)),
      ),
  };
}
