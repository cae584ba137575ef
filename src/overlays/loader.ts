import type { ClientLike } from "../runtime/gateway";
import type { FunctionArgs } from "convex/server";

/*
 * The first lazy step of the engagement code, loaded when something is due (or for the
 * authoring tools): what the host needs only then, so runtime.js
 * carries one lazy import and no arbitration or mounting code. Each overlay's view is a
 * chunk of its own, loaded from the stage (stage.ts).
 */

export { createStage } from "./stage";

/** The authoring token in `#opencom-authoring=<token>`, or null. */
export function readAuthoringToken(hash: string): string | null {
  const match = /[#&]opencom-authoring=([^&]+)/.exec(hash);
  if (!match?.[1]) return null;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return null;
  }
}

/**
 * Authoring mode (`#opencom-authoring=<token>` in the URL): the element picker. It talks
 * to the backend with the token alone, not the visitor's session. Returns the cleanup.
 */
export async function startAuthoring(services: {
  win: Window & typeof globalThis;
  shadow: ShadowRoot;
  client: ClientLike;
  container: HTMLElement;
}): Promise<() => void> {
  const token = readAuthoringToken(services.win.location.hash);
  if (token === null) return () => {};
  const { mountAuthoring } = await import("./authoring/index");
  const { client } = services;
  return mountAuthoring({
    win: services.win,
    shadow: services.shadow,
    container: services.container,
    token,
    // The widget's loose argument types (ids as strings) are what the server's validators check.
    watch: (query, args, onValue, onError) => client.onUpdate(query, args as FunctionArgs<typeof query>, onValue, onError),
    mutate: (mutation, args) => client.mutation(mutation, args as FunctionArgs<typeof mutation>),
  });
}
