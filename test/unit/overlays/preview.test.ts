import { getFunctionName, type FunctionReference } from "convex/server";
import { afterEach, describe, expect, it, vi } from "vitest";
import { toEntries } from "../../../src/overlays/host/feeds";
import { readAuthoringToken } from "../../../src/overlays/loader";
import { mountPreview } from "../../../src/overlays/preview/index";
import { backend } from "../../../src/runtime/functions";
import { until } from "../helpers/widget";
import { buttonNamed, shadowHost } from "./helpers";

const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
  document.body.replaceChildren();
});

const tour = (title: string) => ({
  id: "t1",
  name: "Welcome",
  description: null,
  status: "new",
  dismissed: false,
  stepIndex: 0,
  steps: [
    { kind: "modal", title, body: "First" },
    { kind: "modal", title: "Second", body: "Then" },
  ],
  trigger: { type: "event", name: "never-fires" },
  priority: 0,
  autoStart: false,
});

function start() {
  const { shadow } = shadowHost();
  const container = document.createElement("div");
  shadow.append(container);
  let push: (value: unknown) => void = () => {};
  const watched: Array<{ name: string; args: unknown }> = [];
  const mutate = vi.fn(async (_mutation: FunctionReference<"mutation">, _args: Record<string, unknown>) => null);
  cleanups.push(
    mountPreview(
      {
        win: window as Window & typeof globalThis,
        shadow,
        container,
        token: "oprv_test",
        watch: (query, args, onValue) => {
          watched.push({ name: getFunctionName(query), args });
          push = onValue as (value: unknown) => void;
          return () => {};
        },
        mutate,
      },
      { query: backend.authoring.preview, toEntries },
    ),
  );
  return { shadow, mutate, watched, push: (value: unknown) => push(value) };
}

describe("preview mode", () => {
  it("reads its token from the fragment, apart from the authoring token", () => {
    expect(readAuthoringToken("#opencom-preview=oprv_a%2Bb", "preview")).toBe("oprv_a+b");
    expect(readAuthoringToken("#opencom-preview=oprv_a")).toBeNull();
    expect(readAuthoringToken("#x&opencom-authoring=oat_1", "preview")).toBeNull();
  });

  it("shows the item at once whatever its trigger, follows edits live, records nothing, and stays closed once done", async () => {
    const preview = start();
    expect(preview.watched).toEqual([{ name: "authoring:preview", args: { previewToken: "oprv_test" } }]);
    preview.push({ kind: "tour", item: tour("Hello") });
    await until(() => expect(preview.shadow.querySelector('[role="dialog"] h2')?.textContent).toBe("Hello"));
    preview.push({ kind: "tour", item: tour("Hello, edited") });
    await until(() => expect(preview.shadow.querySelector('[role="dialog"] h2')?.textContent).toBe("Hello, edited"));
    buttonNamed(preview.shadow, "Next").click();
    await until(() => expect(preview.shadow.querySelector('[role="dialog"] h2')?.textContent).toBe("Second"));
    buttonNamed(preview.shadow, "Done").click();
    await until(() => expect(preview.shadow.querySelector('[role="dialog"]')).toBeNull());
    preview.push({ kind: "tour", item: tour("Again") });
    await new Promise((done) => setTimeout(done, 50));
    expect(preview.shadow.querySelector('[role="dialog"]')).toBeNull();
    expect(preview.mutate).not.toHaveBeenCalled();
  });
});
