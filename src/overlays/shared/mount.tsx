import { createContext, render, type VNode } from "preact";
import { useContext } from "preact/hooks";
import { getFunctionName } from "convex/server";
import type { MutationRef, ResultOf, SessionArgsOf } from "../../runtime/functions";
import { logError } from "../../sdk/log";
import type { OverlayStrings } from "../../i18n/overlays/en";
import type { OverlayContext, OverlayHandle } from "../types";
import { OverlayBoundary } from "./boundary";
import { adoptCss, createPlacer, type Placer } from "./sheets";
import { SHARED_CSS } from "./styles";

export type OverlayEnv = { context: OverlayContext; placer: Placer };

const Env = createContext<OverlayEnv | null>(null);

export function useOverlayEnv(): OverlayEnv {
  const env = useContext(Env);
  if (!env) throw new Error("overlay component rendered outside mountOverlay");
  return env;
}

/** The overlays' words in the visitor's language. */
export const useStrings = (): OverlayStrings => useOverlayEnv().context.strings;

export type OverlaySpec<T> = {
  /** Used in log messages: "the survey failed…". */
  name: string;
  css: string;
  /** Parses the raw live-query item; null when it is malformed. */
  parse(value: unknown): T | null;
  view(item: T): VNode;
};

/**
 * Mounts one overlay: adopts its styles, parses its item, renders it inside its own
 * error boundary, and re-renders on updates. A malformed item closes it with a log line.
 */
export function mountOverlay<T>(context: OverlayContext, spec: OverlaySpec<T>): OverlayHandle {
  adoptCss(context.shadow, SHARED_CSS);
  adoptCss(context.shadow, spec.css);
  const env: OverlayEnv = { context, placer: createPlacer(context.shadow) };
  let last: T | null = null;
  const draw = (value: unknown) => {
    const item = spec.parse(value);
    if (item === null) {
      if (last !== null) return; // keep showing the last good version
      logError(`the ${spec.name} could not be shown: the backend sent an unexpected shape`);
      return queueMicrotask(context.close);
    }
    last = item;
    render(
      <Env.Provider value={env}>
        <OverlayBoundary name={spec.name} onError={context.close}>
          {spec.view(item)}
        </OverlayBoundary>
      </Env.Provider>,
      context.container,
    );
  };
  draw(context.item);
  return {
    update: draw,
    destroy() {
      render(null, context.container);
      env.placer.destroy();
    },
  };
}

/** Calls a mutation; a failure is logged (and returned as null) rather than thrown. */
export async function tryMutate<M extends MutationRef>(
  context: OverlayContext,
  mutation: M,
  args: SessionArgsOf<M>,
): Promise<ResultOf<M> | null> {
  try {
    return await context.mutate(mutation, args);
  } catch (error) {
    logError(`${getFunctionName(mutation)} failed`, error);
    return null;
  }
}
