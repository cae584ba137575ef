import { afterEach, describe, expect, it, vi } from "vitest";
import { createEmitter } from "../../../src/sdk/emitter";

interface Events {
  ping: { n: number };
  done: undefined;
}

afterEach(() => vi.restoreAllMocks());

describe("createEmitter", () => {
  it("calls listeners with the payload until they are removed", () => {
    const emitter = createEmitter<Events>();
    const seen: number[] = [];
    const listener = ({ n }: { n: number }) => seen.push(n);
    emitter.on("ping", listener);
    emitter.emit("ping", { n: 1 });
    emitter.off("ping", listener);
    emitter.emit("ping", { n: 2 });
    expect(seen).toEqual([1]);
  });

  it("isolates a throwing listener and logs it", () => {
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    const emitter = createEmitter<Events>();
    const after = vi.fn();
    emitter.on("done", () => {
      throw new Error("boom");
    });
    emitter.on("done", after);
    emitter.emit("done", undefined);
    expect(after).toHaveBeenCalledTimes(1);
    expect(error).toHaveBeenCalledTimes(1);
    expect(String(error.mock.calls[0]?.[0])).toMatch(/^\[OpencomWidget\] a "done" listener threw/);
  });

  it("lets a listener remove itself while emitting", () => {
    const emitter = createEmitter<Events>();
    const calls: string[] = [];
    const once = () => {
      calls.push("once");
      emitter.off("done", once);
    };
    emitter.on("done", once);
    emitter.on("done", () => calls.push("always"));
    emitter.emit("done", undefined);
    emitter.emit("done", undefined);
    expect(calls).toEqual(["once", "always", "always"]);
  });
});
