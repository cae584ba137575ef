import { describe, expect, it } from "vitest";
import { isDueNow, toEntries, tourSummary, type DueContext, type Entry } from "../../../src/overlays/host/feeds";
import { readAuthoringToken } from "../../../src/overlays/loader";

const page = { url: "https://acme.test/reports", secondsOnPage: 0, scrollPercent: 0, firedEvents: [] as string[] };

function context(patch: Partial<DueContext> = {}): DueContext {
  return { page, resolves: () => true, requested: new Set(), closed: new Set(), automatic: true, ...patch };
}

const tour = {
  id: "t1",
  name: "Welcome",
  description: null,
  status: "new",
  autoStart: true,
  priority: 10,
  trigger: { type: "page_load" },
  steps: [{ kind: "modal" }, { kind: "pointer", selector: "#chart" }, { kind: "pointer", selector: "#invite" }],
};

describe("engagement feeds", () => {
  it("keeps what the host needs and the raw item for the overlay", () => {
    const [entry] = toEntries("tour", [tour]);
    expect(entry).toMatchObject({ kind: "tour", id: "t1", key: "tour:t1", priority: 10, auto: true, selectors: ["#chart", "#invite"] });
    expect(entry?.raw).toBe(tour);
    expect(toEntries("outbound", [{ id: "o1", type: "banner", trigger: { type: "page_load" } }])[0]).toMatchObject({ format: "banner", priority: 0 });
    expect(toEntries("survey", [{ id: "s1", format: "small", trigger: { type: "page_load" } }])[0]?.format).toBe("small");
    expect(toEntries("tooltip", [{ id: "x", selector: ".export", trigger: { type: "page_load" } }])[0]?.selectors).toEqual([".export"]);
    expect(toEntries("csat", [{ conversationId: "c1" }])[0]).toMatchObject({ key: "csat:c1", trigger: null, auto: true });
  });

  it("never opens checklists unasked, and tours only when the server says so", () => {
    const [open, done] = toEntries("checklist", [
      { id: "a", completed: false },
      { id: "b", completed: true },
    ]);
    expect([open?.auto, done?.auto]).toEqual([false, false]);
    expect(toEntries("tour", [{ ...tour, autoStart: false }])[0]?.auto).toBe(false);
  });

  it("drops items without an id and answers that are not lists", () => {
    expect(toEntries("tour", null)).toEqual([]);
    expect(toEntries("tour", [null, 3, { name: "no id" }])).toEqual([]);
  });
});

describe("isDueNow", () => {
  const [welcome] = toEntries("tour", [tour]) as [Entry];
  const [timed] = toEntries("survey", [{ id: "s", format: "large", trigger: { type: "time_on_page", seconds: 30 } }]) as [Entry];

  it("waits for the trigger", () => {
    expect(isDueNow(timed, context())).toBe(false);
    expect(isDueNow(timed, context({ page: { ...page, secondsOnPage: 30 } }))).toBe(true);
  });

  it("starts a tour unasked only when every step's element is on the page", () => {
    expect(isDueNow(welcome, context())).toBe(true);
    expect(isDueNow(welcome, context({ resolves: (selector) => selector !== "#invite" }))).toBe(false);
  });

  it("lets an API request through whatever the trigger, elements, or messenger say", () => {
    const requested = new Set([welcome.key, timed.key]);
    const blocked = context({ requested, automatic: false, resolves: () => false, closed: new Set([welcome.key]) });
    expect(isDueNow(welcome, blocked)).toBe(true);
    expect(isDueNow(timed, blocked)).toBe(true);
  });

  it("keeps closed entries closed and nothing starts unasked while automatic is off", () => {
    expect(isDueNow(welcome, context({ closed: new Set([welcome.key]) }))).toBe(false);
    expect(isDueNow(welcome, context({ automatic: false }))).toBe(false);
  });

  it("never fires a malformed trigger", () => {
    const [broken] = toEntries("outbound", [{ id: "o", type: "post", trigger: { type: "url" } }]) as [Entry];
    const [missing] = toEntries("outbound", [{ id: "p", type: "post" }]) as [Entry];
    expect(isDueNow(broken, context())).toBe(false);
    expect(isDueNow(missing, context())).toBe(false);
  });
});

describe("tour summaries and the authoring token", () => {
  it("summarises tours for getAvailableTours", () => {
    const [entry] = toEntries("tour", [{ ...tour, status: "in_progress", description: "A look around" }]) as [Entry];
    expect(tourSummary(entry, (selector) => selector === "#chart")).toEqual({
      id: "t1",
      name: "Welcome",
      description: "A look around",
      status: "in_progress",
      elementsAvailable: false,
    });
  });

  it("reads the authoring token from the fragment", () => {
    expect(readAuthoringToken("#opencom-authoring=oat_abc%2Bdef")).toBe("oat_abc+def");
    expect(readAuthoringToken("#x=1&opencom-authoring=oat_1")).toBe("oat_1");
    expect(readAuthoringToken("#other")).toBeNull();
    expect(readAuthoringToken("#opencom-authoring=%E0%A4%A")).toBeNull();
  });
});
