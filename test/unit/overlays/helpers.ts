import { getFunctionName, type FunctionReference } from "convex/server";
import { vi } from "vitest";
import type { Gateway } from "../../../src/runtime/gateway";
import type { OverlayContext } from "../../../src/overlays/types";
import { overlayStrings } from "../../../src/i18n/overlays/en";

type Args = Record<string, unknown>;

/** A gateway whose live queries the test answers by hand, recording every mutation. */
export function fakeGateway(answer: (name: string, args: Args) => unknown = () => null) {
  const watches = new Map<string, { args: Args; onValue(value: unknown): void }>();
  const mutations: Array<{ name: string; args: Args }> = [];
  const gateway: Gateway = {
    watch(query, args, onValue) {
      const name = getFunctionName(query);
      const watch = { args, onValue };
      watches.set(name, watch);
      return () => {
        if (watches.get(name) === watch) watches.delete(name);
      };
    },
    async mutate(mutation, args) {
      const name = getFunctionName(mutation as FunctionReference<"mutation">);
      mutations.push({ name, args });
      return answer(name, args);
    },
  };
  const feed = (name: string, value: unknown) => {
    const watch = watches.get(name);
    if (!watch) throw new Error(`nothing watches ${name}`);
    watch.onValue(value);
  };
  return { gateway, watches, mutations, feed };
}

/** An overlay context's `mutate`, answered by function name. */
export function mutateByName(answer: (name: string, args: Args) => unknown): OverlayContext["mutate"] {
  return (async (mutation: FunctionReference<"mutation">, args: Args) => answer(getFunctionName(mutation), args)) as OverlayContext["mutate"];
}

/** A shadow root like the widget's, in the test document. */
export function shadowHost(): { host: HTMLElement; shadow: ShadowRoot } {
  const host = document.createElement("opencom-test");
  const shadow = host.attachShadow({ mode: "open" });
  document.body.append(host);
  return { host, shadow };
}

/** A context for mounting one overlay chunk directly. */
export function overlayContext(item: unknown, patch: Partial<OverlayContext> = {}) {
  const { shadow } = shadowHost();
  const container = document.createElement("div");
  shadow.append(container);
  const mutations: Array<{ name: string; args: Args }> = [];
  const context: OverlayContext = {
    win: window as Window & typeof globalThis,
    shadow,
    container,
    kind: "tour",
    strings: overlayStrings,
    item,
    requested: false,
    mutate: mutateByName((name, args) => {
      mutations.push({ name, args });
      return null;
    }),
    close: vi.fn(),
    openMessenger: vi.fn(),
    ...patch,
  };
  return { context, shadow, container, mutations };
}

export const byRole = (root: ParentNode, role: string) => [...root.querySelectorAll<HTMLElement>(`[role="${role}"]`)];

export function buttonNamed(root: ParentNode, name: string): HTMLButtonElement {
  const button = [...root.querySelectorAll("button")].find(
    (candidate) => (candidate.getAttribute("aria-label") ?? candidate.textContent?.trim()) === name,
  );
  if (!button) throw new Error(`no button named ${name}`);
  return button;
}
