import type { ExperienceKind } from "../engine/arbitration";
import type { OverlayStrings } from "../i18n/overlays/en";
import type { MutationRef, QueryRef, ResultOf, SessionArgsOf, ArgsOf } from "../runtime/functions";

/*
 * The contract between the engagement host (eager, in runtime.js) and the overlay
 * chunks (lazy, one per kind). Types only: importing this file adds no bytes.
 */

/** What a mounted overlay may do; the host owns everything else. */
export interface OverlayContext {
  win: Window & typeof globalThis;
  shadow: ShadowRoot;
  /** This overlay's own element inside the shadow root's overlay layer. */
  container: HTMLElement;
  kind: ExperienceKind;
  /** The overlays' words in the visitor's language (the container carries its `lang` and `dir`). */
  strings: OverlayStrings;
  /** The raw item from the live query; the chunk parses it. */
  item: unknown;
  /** Asked for through the API (startSurvey…) rather than started unasked: it may take focus. */
  requested: boolean;
  /** Calls a widget mutation (`backend.tours.recordProgress`) with the session token added. */
  mutate<M extends MutationRef>(mutation: M, args: SessionArgsOf<M>): Promise<ResultOf<M>>;
  /** The overlay is over: the host unmounts it and frees its slot. */
  close(): void;
  /** Opens the messenger, on one conversation when given. */
  openMessenger(conversationId?: string): void;
}

export interface OverlayHandle {
  /** A newer value of the same item arrived from the live query. */
  update(item: unknown): void;
  destroy(): void;
}

export interface OverlayModule {
  mount(context: OverlayContext): OverlayHandle;
}

/** The authoring picker's context: it talks to the backend with its token, not a session. */
export interface AuthoringContext {
  win: Window & typeof globalThis;
  shadow: ShadowRoot;
  container: HTMLElement;
  token: string;
  watch<Q extends QueryRef>(query: Q, args: ArgsOf<Q>, onValue: (value: ResultOf<Q>) => void, onError: (error: Error) => void): () => void;
  mutate<M extends MutationRef>(mutation: M, args: ArgsOf<M>): Promise<ResultOf<M>>;
}

export interface AuthoringModule {
  mountAuthoring(context: AuthoringContext): () => void;
}
