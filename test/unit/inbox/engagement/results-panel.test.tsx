import axe from "axe-core";
import { render } from "preact";
import { act } from "preact/test-utils";
import { afterEach, describe, expect, it } from "vitest";
import type { CsatResults as CsatData, SurveyResults, TourResults } from "../../../../convex/lib/engagementResultViews";
import { CsatResults, ResultsPanel } from "../../../../inbox/src/engagement/results/results-panel";
import { Services, type InboxServices } from "../../../../inbox/src/use-convex";

/** A client whose live queries answer what the test pushes, as the server would over the socket. */
function fakeClient() {
  const listeners = new Set<(value: unknown) => void>();
  let current: unknown;
  const client = {
    onUpdate(_query: unknown, _args: unknown, onValue: (value: unknown) => void) {
      listeners.add(onValue);
      if (current !== undefined) onValue(current);
      return () => listeners.delete(onValue);
    },
  };
  return {
    services: { client, auth: {} } as unknown as InboxServices,
    push(value: unknown) {
      current = value;
      for (const listener of listeners) listener(value);
    },
  };
}

let root: HTMLElement | null = null;
afterEach(() => {
  if (root !== null) render(null, root);
  root?.remove();
  root = null;
});

async function show(node: preact.ComponentChild, services: InboxServices): Promise<HTMLElement> {
  root = document.createElement("main");
  document.body.append(root);
  await act(async () => render(<Services.Provider value={services}>{node}</Services.Provider>, root!));
  return root;
}

const tour = (viewed: number, started: number, completed: number): TourResults => ({
  type: "tour",
  id: "t1",
  name: "Welcome",
  funnel: { viewed, started, completed },
  dismissed: 0,
  steps: [
    { index: 0, title: "Hello", reached: viewed },
    { index: 1, title: "Menu", reached: started },
  ],
});

/** The numbers of a figure's table fallback, row by row. */
function tableOf(figure: Element): string[][] {
  return [...figure.querySelectorAll("tbody tr")].map((row) => [...row.children].map((cell) => cell.textContent ?? ""));
}

async function axeViolations(container: Element) {
  // happy-dom lays nothing out: colour contrast is checked in the browser tests.
  const result = await axe.run(container, { rules: { "color-contrast": { enabled: false } } });
  expect(result.passes.map((rule) => rule.id)).toEqual(expect.arrayContaining(["role-img-alt", "summary-name"]));
  return result.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.html).join(" | ")}`);
}

describe("ResultsPanel", () => {
  it("draws a tour's funnel as named charts with table fallbacks, and follows the live query", async () => {
    const fake = fakeClient();
    const container = await show(<ResultsPanel workspaceId="w" type="tour" id="t1" />, fake.services);
    expect(container.textContent).toContain("Loading results");

    await act(async () => fake.push(tour(1, 1, 1)));
    const figures = [...container.querySelectorAll("figure")];
    expect(figures.map((figure) => figure.querySelector("figcaption")?.textContent)).toEqual(["Tour funnel: visitors", "Visitors who reached each step"]);
    const picture = figures[0]!.querySelector('[role="img"]');
    expect(picture?.getAttribute("aria-label")).toBe("Tour funnel: visitors. Viewed: 1 of 1 (100%); Started: 1 of 1 (100%); Completed: 1 of 1 (100%)");
    expect(tableOf(figures[0]!)).toEqual([["Viewed", "1", "100%"], ["Started", "1", "100%"], ["Completed", "1", "100%"]]);
    expect(figures[0]!.querySelector("summary")?.textContent).toBe("Show as table: Tour funnel: visitors");

    await act(async () => fake.push(tour(4, 2, 1)));
    expect(tableOf(container.querySelectorAll("figure")[0]!)).toEqual([["Viewed", "4", "100%"], ["Started", "2", "50%"], ["Completed", "1", "25%"]]);
    expect((container.querySelector(".bar-fill") as HTMLElement).style.width).toBe("80%");
    expect(await axeViolations(container)).toEqual([]);
  });

  it("shows a survey's NPS breakdown, choice distribution and newest texts", async () => {
    const fake = fakeClient();
    const survey: SurveyResults = {
      type: "survey",
      id: "s1",
      name: "NPS",
      shown: 5,
      started: 4,
      completed: 4,
      dismissed: 1,
      questions: [
        {
          id: "q1",
          title: "Recommend us?",
          questionType: "nps",
          answered: 4,
          distribution: Array.from({ length: 11 }, (_, score) => ({ value: String(score), count: score === 10 ? 2 : score === 3 || score === 8 ? 1 : 0 })),
          nps: { score: 25, promoters: 2, passives: 1, detractors: 1, responses: 4 },
          texts: [],
        },
        { id: "q2", title: "Why?", questionType: "long_text", answered: 1, distribution: [], nps: null, texts: [{ text: "Fast", createdAt: 0 }] },
      ],
    };
    await act(async () => fake.push(survey));
    const container = await show(<ResultsPanel workspaceId="w" type="survey" id="s1" />, fake.services);
    const nps = [...container.querySelectorAll("figure")].find((figure) => figure.querySelector("figcaption")?.textContent === "NPS for question 1")!;
    expect(nps.querySelector('[role="img"]')?.getAttribute("aria-label")).toContain("NPS 25.");
    expect(tableOf(nps)).toEqual([["Detractors (0–6)", "1", "25%"], ["Passives (7–8)", "1", "25%"], ["Promoters (9–10)", "2", "50%"], ["NPS", "25", ""]]);
    expect(container.querySelector('[aria-label="Newest answers to question 2"]')?.textContent).toContain("Fast");
    expect(await axeViolations(container)).toEqual([]);
  });

  it("says why when the server refuses", async () => {
    const services = {
      client: { onUpdate: (_q: unknown, _a: unknown, _v: unknown, onError: (error: Error) => void) => (onError(Object.assign(new Error("x"), { data: { message: "No such item in this workspace." } })), () => {}) },
      auth: {},
    } as unknown as InboxServices;
    const container = await show(<ResultsPanel workspaceId="w" type="tour" id="nope" />, services);
    expect(container.querySelector('[role="alert"]')?.textContent).toBe("No such item in this workspace.");
  });
});

describe("CsatResults", () => {
  it("draws ratings per day with an average line and lists only rated days in its table", async () => {
    const fake = fakeClient();
    const daily = ["2026-12-01", "2026-12-02", "2026-12-03"].map((day, index) => ({
      day,
      count: index === 1 ? 0 : 2,
      sum: index === 1 ? 0 : 8,
      average: index === 1 ? null : 4,
      ratings: index === 1 ? [0, 0, 0, 0, 0] : [0, 0, 1, 0, 1],
    }));
    const csat: CsatData = { days: 3, from: "2026-12-01", total: { count: 4, average: 4, ratings: [0, 0, 2, 0, 2] }, daily };
    await act(async () => fake.push(csat));
    const container = await show(<CsatResults workspaceId="w" />, fake.services);
    const figure = container.querySelector("figure")!;
    expect(figure.querySelector('[role="img"]')?.getAttribute("aria-label")).toContain("4 ratings, average 4 of 5");
    expect(tableOf(figure)).toEqual([
      ["2026-12-01", "2", "4", "0", "0", "1", "0", "1"],
      ["2026-12-03", "2", "4", "0", "0", "1", "0", "1"],
    ]);
    expect(figure.querySelectorAll("rect")).toHaveLength(2);
    expect(figure.querySelector("path")?.getAttribute("d")).toMatch(/^M[\d.]+ [\d.]+M[\d.]+ [\d.]+$/);
    expect(container.querySelector('[aria-pressed="true"]')?.textContent).toBe("30 days");
    expect(await axeViolations(container)).toEqual([]);
  });
});
