import { describe, expect, it, vi } from "vitest";
import { createSlicer, runAtOnce } from "../../../src/runtime/slices";

/** A slicer on a hand-driven clock and task queue. */
function manualSlicer(budgetMs = 10) {
  let clock = 0;
  const tasks: Array<() => void> = [];
  const slicer = createSlicer((next) => tasks.push(next), () => clock, budgetMs);
  return {
    slicer,
    advance: (ms: number) => void (clock += ms),
    pending: () => tasks.length,
    runTask: () => tasks.shift()?.(),
  };
}

describe("slicer", () => {
  it("runs nothing in the caller's task, then jobs in order until the budget is spent, the rest in later tasks", () => {
    const { slicer, advance, pending, runTask } = manualSlicer(10);
    const ran: string[] = [];
    slicer.run(() => (ran.push("a"), advance(6)));
    slicer.run(() => (ran.push("b"), advance(6)));
    slicer.run(() => ran.push("c"));
    expect(ran).toEqual([]);
    expect(pending()).toBe(1);

    runTask();
    expect(ran).toEqual(["a", "b"]); // b started within the budget; c waits for the next task
    expect(pending()).toBe(1);
    runTask();
    expect(ran).toEqual(["a", "b", "c"]);
    expect(pending()).toBe(0);
  });

  it("a job queued by a job runs after it, and one failing job does not strand the rest", () => {
    const { slicer, runTask } = manualSlicer();
    const ran: string[] = [];
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    slicer.run(() => {
      ran.push("outer");
      slicer.run(() => ran.push("inner"));
      throw new Error("broken job");
    });
    slicer.run(() => ran.push("next"));
    runTask();
    expect(ran).toEqual(["outer", "next", "inner"]);
    expect(error).toHaveBeenCalledWith(expect.stringContaining("a deferred job failed"), expect.any(Error));
    error.mockRestore();
  });

  it("stop drops the jobs not yet run", () => {
    const { slicer, runTask } = manualSlicer();
    const ran: string[] = [];
    slicer.run(() => ran.push("dropped"));
    slicer.stop();
    runTask();
    expect(ran).toEqual([]);
  });

  it("runAtOnce runs each job in the caller's task", () => {
    const ran: string[] = [];
    runAtOnce.run(() => ran.push("now"));
    expect(ran).toEqual(["now"]);
  });
});
