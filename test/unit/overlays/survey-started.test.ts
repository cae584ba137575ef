import { act } from "preact/test-utils";
import { afterEach, describe, expect, it } from "vitest";
import { mount } from "../../../src/overlays/survey/index";
import type { OverlayHandle } from "../../../src/overlays/types";
import { until } from "../helpers/widget";
import { buttonNamed, overlayContext } from "./helpers";

const handles: OverlayHandle[] = [];
afterEach(() => {
  for (const handle of handles.splice(0)) handle.destroy();
  document.body.replaceChildren();
});

const survey = {
  id: "s1",
  format: "small",
  intro: null,
  thankYou: null,
  questions: [
    { id: "nps", type: "nps", title: "Recommend us?", required: true },
    { id: "why", type: "short_text", title: "Why?", required: false },
  ],
};

describe("survey results signals", () => {
  it("records `started` once, when the visitor moves past the first question", async () => {
    const setup = overlayContext(survey, { kind: "survey" });
    act(() => void handles.push(mount(setup.context)));
    const actions = () => setup.mutations.filter((m) => m.name === "surveys:recordImpression").map((m) => m.args.action);
    await until(() => expect(actions()).toEqual(["shown"]));
    const nine = [...setup.shadow.querySelectorAll<HTMLInputElement>('input[type="radio"]')][9]!;
    act(() => nine.click());
    act(() => buttonNamed(setup.shadow, "Next").click());
    await until(() => expect(actions()).toEqual(["shown", "started"]));
  });
});
