import type { ClientLike } from "../runtime/gateway";
import { createSlicer, type Slicer } from "../runtime/slices";
import { browserStore, type KeyValueStore } from "../runtime/storage";
import { logError } from "../sdk/log";

/** What the instance needs from the outside world; tests substitute fakes. */
export interface InstanceEnv {
  win: Window & typeof globalThis;
  storage: KeyValueStore;
  /**
   * Once the launcher rendered now is on screen, loads and connects the Convex client and
   * hands it to `start`, which starts the widget's connected side. Returns a cancel.
   */
  connectAfterPaint(convexUrl: string, start: (client: ClientLike) => void): () => void;
  /** Spreads work that may wait a moment over short tasks (see slices.ts). */
  createSlicer(): Slicer;
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

/** A task boundary: what follows runs in a task of its own. */
const nextTask = <T>(win: Window, value: T) => new Promise<T>((resolve) => win.setTimeout(() => resolve(value), 0));

export function browserEnv(): InstanceEnv {
  return {
    win: window,
    storage: browserStore(),
    // The loader has already fetched the client's chunk beside the runtime (a verified
    // modulepreload). After the launcher has painted, the chunk is evaluated, the socket
    // opened and the connected side started, each in a task of its own: together, and with
    // the launcher, they made long tasks at 4x CPU.
    connectAfterPaint(url, start) {
      let cancelled = false;
      afterNextPaint(window)
        .then(() => import("../runtime/convex-client"))
        .then((module) => nextTask(window, module))
        .then((module) => (cancelled ? null : nextTask(window, module.connect(url))))
        .then((client) => {
          if (client === null) return;
          if (cancelled) void client.close().catch(() => {});
          else start(client);
        })
        .catch((error: unknown) => logError("could not load the connection to the server; the messenger stays closed", error));
      return () => {
        cancelled = true;
      };
    },
    createSlicer: () => createSlicer((next) => window.setTimeout(next, 0), () => window.performance.now()),
  };
}
