import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createOpencomWidget } from "../../../src/app/api";
import type { Widget } from "../../../src/app/identity-switch";
import type { WidgetInstance } from "../../../src/app/instance";
import { API_METHODS } from "../../../src/sdk/methods";
import type { ResolvedConfig } from "../../../src/sdk/config";

let errors: ReturnType<typeof vi.spyOn>;
let warnings: ReturnType<typeof vi.spyOn>;

beforeEach(() => {
  errors = vi.spyOn(console, "error").mockImplementation(() => {});
  warnings = vi.spyOn(console, "warn").mockImplementation(() => {});
});
afterEach(() => vi.restoreAllMocks());

/** An instance that is its own identity switch: `current()` is always itself. */
function fakeInstance(): WidgetInstance & Widget & { calls: string[] } {
  const calls: string[] = [];
  let open = false;
  const instance: WidgetInstance & Widget & { calls: string[] } = {
    current: () => instance,
    calls,
    identify: (user) => void calls.push(`identify ${JSON.stringify(user)}`),
    track: (name, properties) => void calls.push(`track ${name} ${JSON.stringify(properties)}`),
    setOpen: (next) => {
      open = next;
      calls.push(`setOpen ${next}`);
    },
    isOpen: () => open,
    showMessages: () => void calls.push("showMessages"),
    showNewMessage: (text) => void calls.push(`showNewMessage ${text}`),
    showArticle: (articleId) => void calls.push(`showArticle ${articleId}`),
    setLocale: (locale) => {
      calls.push(`setLocale ${locale}`);
      return ["en", "fr", "fr-ca", "ar"].includes(locale.toLowerCase());
    },
    visitorId: () => "visitor-1",
    startExperience: (kind, id) => void calls.push(`start ${kind} ${id}`),
    availableTours: () => [{ id: "t1", name: "Welcome", description: null, status: "new", elementsAvailable: true }],
    destroy: () => void calls.push("destroy"),
  };
  return instance;
}

const CONFIG = { convexUrl: "https://x.convex.cloud", workspaceId: "demo" };
const lastError = () => String(errors.mock.calls.at(-1)?.[0]);

describe("public API", () => {
  it("starts one widget; a second init only warns", () => {
    const create = vi.fn((_config: ResolvedConfig) => fakeInstance());
    const api = createOpencomWidget(create);
    api.init(CONFIG);
    api.init(CONFIG);
    expect(create).toHaveBeenCalledTimes(1);
    expect(create.mock.calls[0]?.[0]).toEqual({ ...CONFIG, trackPageViews: true, hideDefaultLauncher: false, sound: false });
    expect(warnings).toHaveBeenCalledTimes(1);
    expect(String(warnings.mock.calls[0]?.[0])).toMatch(/^\[OpencomWidget\] init\(\) was called again/);
  });

  it("can start again after destroy", () => {
    const instances: Array<ReturnType<typeof fakeInstance>> = [];
    const api = createOpencomWidget(() => {
      const instance = fakeInstance();
      instances.push(instance);
      return instance;
    });
    api.init(CONFIG);
    api.destroy();
    api.destroy(); // harmless
    api.init(CONFIG);
    expect(instances).toHaveLength(2);
    expect(instances[0]?.calls).toEqual(["destroy"]);
    expect(api.getVisitorId()).toBe("visitor-1");
  });

  it("logs one clear error for a bad config and starts nothing", () => {
    const create = vi.fn(fakeInstance);
    const api = createOpencomWidget(create);
    api.init({ workspaceId: "demo" } as never);
    expect(create).not.toHaveBeenCalled();
    expect(errors).toHaveBeenCalledTimes(1);
    expect(lastError()).toBe("[OpencomWidget] init(): convexUrl is required");
  });

  it("validates identify and trackEvent arguments", () => {
    const instance = fakeInstance();
    const api = createOpencomWidget(() => instance);
    api.init(CONFIG);
    api.identify({ userId: "u1", email: "a@b.co" });
    api.trackEvent(" upgraded ", { plan: "pro", seats: 3 });
    api.trackEvent("viewed_pricing");
    expect(instance.calls).toEqual([
      'identify {"userId":"u1","email":"a@b.co"}',
      'track upgraded {"plan":"pro","seats":3}',
      "track viewed_pricing undefined",
    ]);
    api.identify({ userId: 42 } as never);
    expect(lastError()).toBe("[OpencomWidget] identify(): userId must be a string");
    api.trackEvent("");
    expect(lastError()).toMatch(/trackEvent\(\): the event name must be a non-empty string/);
    api.trackEvent("x", { nested: { a: 1 } } as never);
    expect(lastError()).toMatch(/^\[OpencomWidget\] trackEvent\(\): /);
    expect(instance.calls).toHaveLength(3);
  });

  it("explains calls made before init", () => {
    const api = createOpencomWidget(fakeInstance);
    api.open();
    expect(lastError()).toMatch(/open\(\) was called before init\(\)/);
    expect(api.getVisitorId()).toBeNull();
  });

  it("drives the messenger: open, close, toggle, showMessages, showNewMessage", () => {
    const instance = fakeInstance();
    const api = createOpencomWidget(() => instance);
    api.init(CONFIG);
    api.open();
    api.toggle();
    api.close();
    api.showMessages();
    api.showNewMessage("Hi!");
    api.showNewMessage();
    expect(instance.calls).toEqual([
      "setOpen true",
      "setOpen false",
      "setOpen false",
      "showMessages",
      "showNewMessage Hi!",
      "showNewMessage ",
    ]);
  });

  it("shows an article, switches the locale, and names what is wrong", () => {
    const instance = fakeInstance();
    const api = createOpencomWidget(() => instance);
    api.init({ ...CONFIG, locale: "xx", hideDefaultLauncher: true, customLauncherSelector: "#help", sound: true });
    expect(String(warnings.mock.calls.at(-1)?.[0])).toMatch(/init\(\): locale "xx" is not supported \(en, fr, de, es, ar\)/);
    api.showArticle(" a1 ");
    api.setLocale("fr-CA");
    api.setLocale("tlh");
    expect(lastError()).toBe('[OpencomWidget] setLocale(): "tlh" is not supported; use one of en, fr, de, es, ar');
    api.setLocale(3 as never);
    expect(lastError()).toMatch(/setLocale\(\): the locale must be a string/);
    api.showArticle("" as never);
    expect(lastError()).toBe("[OpencomWidget] showArticle(): the article id must be a non-empty string");
    expect(instance.calls).toEqual(["showArticle a1", "setLocale fr-CA", "setLocale tlh"]);
  });

  it("starts tours, surveys and checklists by id, refusing ids that are not strings", () => {
    const instance = fakeInstance();
    const api = createOpencomWidget(() => instance);
    expect(api.getAvailableTours()).toEqual([]); // before init: none, at once
    api.init(CONFIG);
    api.startTour(" t1 ");
    api.startSurvey("s1");
    api.startChecklist("c1");
    expect(instance.calls).toEqual(["start tour t1", "start survey s1", "start checklist c1"]);
    api.startTour("" as never);
    expect(lastError()).toBe("[OpencomWidget] startTour(): the id must be a non-empty string");
    api.startSurvey(42 as never);
    expect(lastError()).toBe("[OpencomWidget] startSurvey(): the id must be a non-empty string");
    expect(api.getAvailableTours()).toEqual([{ id: "t1", name: "Welcome", description: null, status: "new", elementsAvailable: true }]);
  });

  it("registers and removes event listeners, rejecting unknown events", () => {
    const api = createOpencomWidget(fakeInstance);
    const listener = vi.fn();
    api.on("ready", listener);
    api.off("ready", listener);
    api.on("nope" as never, listener);
    expect(lastError()).toMatch(/on\(\): unknown event "nope"/);
  });

  it("never throws into the page, whatever it is given", () => {
    const api = createOpencomWidget(() => {
      throw new Error("instance exploded");
    });
    const junk = [undefined, null, 42, "x", {}, [], () => {}, Symbol("s")];
    for (const method of API_METHODS) {
      for (const value of junk) {
        expect(() => (api[method] as (...args: unknown[]) => unknown)(value, value)).not.toThrow();
      }
    }
    api.init(CONFIG);
    expect(lastError()).toBe("[OpencomWidget] init() failed");
  });
});
