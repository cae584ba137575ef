import { createDeferredClient } from "../runtime/deferred-client";
import type { ClientLike } from "../runtime/gateway";

import { createSlicer, type Slicer } from "../runtime/slices";
import { browserStore, type KeyValueStore } from "../runtime/storage";

/** What the instance needs from the outside world; tests substitute fakes. */
export interface InstanceEnv {
  win: Window & typeof globalThis;
  storage: KeyValueStore;
  createClient(convexUrl: string): ClientLike;
  /** Runs `work` once the launcher rendered now is on screen; returns a cancel. */
  afterPaint(work: () => void): () => void;
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
const nextTask = (win: Window) => new Promise<void>((resolve) => win.setTimeout(resolve, 0));

export function browserEnv(): InstanceEnv {
  return {
    win: window,
    storage: browserStore(),
    // The loader has already fetched the client's chunk beside the runtime (a verified
    // modulepreload). It is created after the launcher has painted (see afterPaint), then
    // evaluated and connected in a task of its own, and the calls made meanwhile go out in
    // the next: together with the rest of the connected side, they made one long task.
    createClient: (url) =>
      createDeferredClient(() =>
        nextTask(window)
          .then(() => import("../runtime/convex-client"))
          .then((module) => module.connect(url))
          .then((client) => nextTask(window).then(() => client)),
      ),
    createSlicer: () => createSlicer((next) => window.setTimeout(next, 0), () => window.performance.now()),
    afterPaint(work) {
      let cancelled = false;
      void afterNextPaint(window).then(() => cancelled || work());
      return () => {
        cancelled = true;
      };
    },
  };
}
