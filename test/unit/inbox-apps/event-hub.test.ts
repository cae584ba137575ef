import { describe, expect, it } from "vitest";
import type { AppEventName } from "../../../core/apps/events";
import { createAppEventHub } from "../../../inbox/apps/event-hub";
import type { AppHost } from "../../../inbox/apps/host";

function recordingHost(refuse: AppEventName[] = []): AppHost & { got: [string, unknown][] } {
  const got: [string, unknown][] = [];
  return {
    got,
    emit(event, payload) {
      if (refuse.includes(event)) throw new Error(`${event} is not an event of this screen`);
      got.push([event, payload]);
    },
    dispose() {},
  };
}

describe("a screen's app event hub", () => {
  it("gives a frame that arrives later the latest of each state event, not past one-off events", () => {
    const hub = createAppEventHub();
    hub.emit("chat:selected", { customerId: "v1" });
    hub.emit("chat:messageSent", { customerId: "v1", messageType: "TEXT" });
    hub.emit("chat:selected", { customerId: "v2", customerName: "Ada" });
    const late = recordingHost();
    hub.attach(late);
    expect(late.got).toEqual([["chat:selected", { customerId: "v2", customerName: "Ada" }]]);
  });

  it("sends each event to every attached frame until it detaches, and one frame's refusal stops no other", () => {
    const hub = createAppEventHub();
    const refusing = recordingHost(["chat:messageSent"]);
    const listening = recordingHost();
    hub.attach(refusing);
    const detach = hub.attach(listening);
    hub.emit("chat:messageSent", { customerId: "v1", messageType: "TEXT", messageId: "m1" });
    expect(listening.got).toEqual([["chat:messageSent", { customerId: "v1", messageType: "TEXT", messageId: "m1" }]]);
    expect(refusing.got).toEqual([]);
    detach();
    hub.emit("chat:selected", { customerId: "v3" });
    expect(listening.got).toHaveLength(1);
    expect(refusing.got).toEqual([["chat:selected", { customerId: "v3" }]]);
  });
});
