import { describe, expect, it } from "vitest";
import { draftOf, fromLocalInput, mergeRemote, toLocalInput, withField } from "../../../../inbox/src/engagement/draft";

const tour = (steps: Array<Record<string, unknown>>, extra: Record<string, unknown> = {}) => ({ name: "Welcome", status: "draft", steps, ...extra });

describe("an item's draft", () => {
  it("leaves out the API's own columns", () => {
    expect(draftOf({ id: "k1", name: "A", createdAt: 1, updatedAt: 2, updatedBy: "Ada", status: "draft" })).toEqual({ name: "A", status: "draft" });
  });

  it("takes a selector picked on the site into its step while keeping the author's unsaved edits", () => {
    const base = tour([{ kind: "modal", title: "One", body: "" }, { kind: "modal", title: "Two", body: "" }]);
    const remote = tour([{ kind: "modal", title: "One", body: "" }, { kind: "pointer", title: "Two", body: "", selector: "#buy" }]);
    const draft = tour([{ kind: "modal", title: "One, edited", body: "" }, { kind: "modal", title: "Two", body: "" }], { description: "New" });
    expect(mergeRemote(base, remote, draft)).toEqual(
      tour([{ kind: "modal", title: "One, edited", body: "" }, { kind: "pointer", title: "Two", body: "", selector: "#buy" }], { description: "New" }),
    );
  });

  it("keeps the author's value where both sides changed it, and takes the server's copy when nothing was edited", () => {
    const base = { name: "A", status: "draft" };
    expect(mergeRemote(base, { name: "B", status: "draft" }, { name: "C", status: "draft" })).toEqual({ name: "C", status: "draft" });
    expect(mergeRemote(base, { name: "B", status: "active" }, { ...base })).toEqual({ name: "B", status: "active" });
    // A field removed on the server goes, unless the author changed it.
    expect(mergeRemote({ name: "A", title: "T" }, { name: "A" }, { name: "A", title: "T" })).toEqual({ name: "A" });
  });

  it("keeps the author's steps when they added one and the server changed another", () => {
    const base = tour([{ kind: "modal", title: "One", body: "" }]);
    const remote = tour([{ kind: "pointer", title: "One", body: "", selector: "#a" }]);
    const draft = tour([{ kind: "modal", title: "One", body: "" }, { kind: "modal", title: "Two", body: "" }]);
    expect(mergeRemote(base, remote, draft)).toEqual(draft);
  });

  it("drops an emptied optional field and converts schedule times both ways", () => {
    expect(withField({ name: "A", startsAt: 5 }, "startsAt", undefined)).toEqual({ name: "A" });
    const time = new Date(2026, 11, 3, 14, 5).getTime();
    expect(toLocalInput(time)).toBe("2026-12-03T14:05");
    expect(fromLocalInput("2026-12-03T14:05")).toBe(time);
    expect(fromLocalInput("")).toBeUndefined();
    expect(toLocalInput(undefined)).toBe("");
  });
});
