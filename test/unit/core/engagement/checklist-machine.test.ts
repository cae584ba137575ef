import { describe, expect, test } from "vitest";
import {
  applyEvent,
  completionRatio,
  emptyProgress,
  type Checklist,
} from "../../../../core/engagement/checklist-machine";

const checklist: Checklist = {
  id: "onboarding",
  tasks: [
    { id: "send", title: "Send a message", completion: { type: "event", event: "$message_sent" } },
    { id: "settings", title: "Visit settings", completion: { type: "url", pattern: "*/settings*" } },
    { id: "invite", title: "Invite a teammate", completion: { type: "manual" } },
  ],
};

describe("applyEvent", () => {
  test("an event completes the tasks waiting for it", () => {
    const { progress, newlyCompleted } = applyEvent(checklist, emptyProgress(checklist), { type: "event", name: "$message_sent" }, 1);
    expect(newlyCompleted).toEqual(["send"]);
    expect(progress).toEqual({ checklistId: "onboarding", completedTaskIds: ["send"] });
  });

  test("a URL visit completes URL tasks with wildcards", () => {
    const start = emptyProgress(checklist);
    expect(applyEvent(checklist, start, { type: "url", url: "https://app.x.com/settings/team" }, 1).newlyCompleted).toEqual(["settings"]);
    expect(applyEvent(checklist, start, { type: "url", url: "https://app.x.com/home" }, 1).newlyCompleted).toEqual([]);
  });

  test("manual completion only ticks manual tasks", () => {
    const start = emptyProgress(checklist);
    expect(applyEvent(checklist, start, { type: "manual", taskId: "invite" }, 1).newlyCompleted).toEqual(["invite"]);
    expect(applyEvent(checklist, start, { type: "manual", taskId: "send" }, 1).newlyCompleted).toEqual([]);
  });

  test("no change returns the same progress object; completed tasks stay completed", () => {
    const once = applyEvent(checklist, emptyProgress(checklist), { type: "event", name: "$message_sent" }, 1).progress;
    const again = applyEvent(checklist, once, { type: "event", name: "$message_sent" }, 2);
    expect(again.progress).toBe(once);
    expect(again.newlyCompleted).toEqual([]);
  });

  test("completing the last task stamps completedAt", () => {
    let progress = emptyProgress(checklist);
    progress = applyEvent(checklist, progress, { type: "event", name: "$message_sent" }, 10).progress;
    progress = applyEvent(checklist, progress, { type: "manual", taskId: "invite" }, 20).progress;
    expect(progress.completedAt).toBeUndefined();
    progress = applyEvent(checklist, progress, { type: "url", url: "https://a/settings" }, 30).progress;
    expect(progress).toEqual({ checklistId: "onboarding", completedTaskIds: ["send", "invite", "settings"], completedAt: 30 });
    expect(completionRatio(checklist, progress)).toEqual({ done: 3, total: 3 });
  });

  test("the ratio ignores tasks the checklist no longer has", () => {
    const progress = { checklistId: "onboarding", completedTaskIds: ["send", "removed-task"] };
    expect(completionRatio(checklist, progress)).toEqual({ done: 1, total: 3 });
  });
});
