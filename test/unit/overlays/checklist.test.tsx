import { afterEach, describe, expect, it } from "vitest";
import { mount } from "../../../src/overlays/checklist/index";
import { overlayContext } from "./helpers";

afterEach(() => document.body.replaceChildren());

const task = (id: string, completed: boolean) => ({ id, title: `Task ${id}`, description: null, completion: { type: "manual" }, completed });

describe("the checklist", () => {
  it("marks done tasks with a checkmark, and leaves the others an empty circle", () => {
    const checklist = { id: "c1", name: "Get started", description: null, tasks: [task("a", true), task("b", false)], completedTaskIds: ["a"], done: 1, total: 2, completed: false, completedAt: null, priority: 0 };
    const { context, container } = overlayContext(checklist, { kind: "checklist" });
    const handle = mount(context);
    const checks = [...container.querySelectorAll(".oc-cl-check")];
    expect(checks).toHaveLength(2);
    expect(checks[0]?.querySelector("svg path")?.getAttribute("d")).toMatch(/^M/);
    expect(checks[1]?.querySelector("svg")).toBeNull();
    handle.destroy();
  });
});
