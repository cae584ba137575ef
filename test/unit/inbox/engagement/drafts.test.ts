import { describe, expect, it } from "vitest";
import { checklistSchemas, outboundSchemas, surveySchemas } from "../../../../convex/lib/engagementSchemas";
import { moved, nextId } from "../../../../inbox/src/engagement/editor-kit/lists";
import * as checklist from "../../../../inbox/src/engagement/checklists/draft";
import * as outbound from "../../../../inbox/src/engagement/outbound/draft";
import * as survey from "../../../../inbox/src/engagement/surveys/draft";

const named = (draft: Record<string, unknown>) => ({ ...draft, name: "Test" });

describe("list edits", () => {
  it("move within bounds, leave the input alone, and pick the first free id", () => {
    const list = ["a", "b", "c"];
    expect(moved(list, 0, 1)).toEqual(["b", "a", "c"]);
    expect(moved(list, 2, -2)).toEqual(["c", "a", "b"]);
    expect(moved(list, 0, -1)).toEqual(["a", "b", "c"]);
    expect(list).toEqual(["a", "b", "c"]);
    expect(nextId("q", [{ id: "q1" }, { id: "q3" }])).toBe("q4");
    expect(nextId("q", [{ id: "q3" }, { id: "q4" }])).toBe("q5");
    expect(nextId("q", [{ id: "q2" }])).toBe("q3");
  });
});

describe("outbound drafts", () => {
  it("round-trip through the form and give a body the REST API accepts", () => {
    let draft = outbound.emptyOutbound();
    draft = { ...draft, body: "We shipped dark mode." };
    draft = outbound.withType(draft, "banner");
    expect(draft["bannerPosition"]).toBe("top");
    draft = outbound.withText(draft, "title", "News");
    draft = outbound.withText(draft, "senderName", "   ");
    expect(draft).not.toHaveProperty("senderName");
    draft = outbound.withNewButton(draft);
    draft = outbound.withButton(draft, 0, { label: "Read", action: "url", url: "https://example.com/news" });
    draft = outbound.withNewButton(draft);
    draft = outbound.withButton(draft, 1, { label: "Later" });
    expect(outbound.outboundForm(draft)).toMatchObject({ type: "banner", title: "News", senderName: "", dismissible: true, bannerPosition: "top" });
    expect(outboundSchemas.create.safeParse(named(draft)).success).toBe(true);
  });

  it("drops a url when a button stops opening links, the banner position off banners, and stops at three buttons", () => {
    let draft = outbound.withNewButton(outbound.emptyOutbound());
    draft = outbound.withButton(draft, 0, { action: "url", url: "https://x.test" });
    draft = outbound.withButton(draft, 0, { action: "open_messenger" });
    expect(outbound.outboundForm(draft).buttons[0]).toEqual({ label: "", action: "open_messenger" });
    draft = outbound.withType(outbound.withType(draft, "banner"), "post");
    expect(draft).not.toHaveProperty("bannerPosition");
    for (let i = 0; i < 5; i++) draft = outbound.withNewButton(draft);
    expect(outbound.outboundForm(draft).buttons).toHaveLength(3);
    expect(outbound.outboundForm(outbound.withoutButton(draft, 1)).buttons).toHaveLength(2);
  });
});

describe("survey drafts", () => {
  it("give choice questions options and take them from others, keeping the answer key", () => {
    let draft = survey.emptySurvey();
    draft = survey.withNewQuestion(draft, "single_choice");
    const added = survey.surveyForm(draft).questions[1];
    expect(added).toEqual({ id: "q2", type: "single_choice", title: "", required: false, options: ["", ""] });
    draft = survey.withQuestion(draft, 1, { type: "short_text" });
    expect(survey.surveyForm(draft).questions[1]).toEqual({ id: "q2", type: "short_text", title: "", required: false });
    draft = survey.withQuestion(draft, 1, { type: "multiple_choice" });
    draft = survey.withOptions(draft, 1, (options) => [...options, "Third"]);
    expect(survey.surveyForm(draft).questions[1]?.options).toEqual(["", "", "Third"]);
  });

  it("reorder and remove questions and produce a body the REST API accepts", () => {
    let draft = survey.emptySurvey();
    expect(surveySchemas.create.safeParse(named(draft)).success).toBe(true);
    draft = survey.withQuestion(draft, 0, { title: "How likely are you to recommend us?", required: true });
    draft = survey.withNewQuestion(draft, "multiple_choice");
    draft = survey.withQuestion(draft, 1, { title: "What do you use?", options: ["Chat", "Tours"] });
    draft = survey.withNewQuestion(draft, "long_text");
    draft = survey.withQuestion(draft, 2, { title: "Anything else?" });
    draft = survey.withQuestionMoved(draft, 2, -1);
    expect(survey.surveyForm(draft).questions.map((q) => q.id)).toEqual(["q1", "q3", "q2"]);
    draft = survey.withSurveyText(draft, "intro", "Two minutes, promise.");
    draft = survey.withSurveyText(draft, "thankYou", "");
    expect(draft).not.toHaveProperty("thankYou");
    expect(surveySchemas.create.safeParse(named(draft)).success).toBe(true);
    expect(survey.surveyForm(survey.withoutQuestion(draft, 0)).questions).toHaveLength(2);
  });

  it("offers every question type the widget renders", () => {
    expect(survey.QUESTION_KINDS.map(([type]) => type)).toEqual(["nps", "rating", "single_choice", "multiple_choice", "short_text", "long_text"]);
  });
});

describe("checklist drafts", () => {
  it("switch how a task completes without keeping the old way, and give a body the REST API accepts", () => {
    let draft = checklist.emptyChecklist();
    expect(checklistSchemas.create.safeParse(named(draft)).success).toBe(true);
    draft = checklist.withTask(draft, 0, { title: "Invite a teammate", completion: { type: "event", event: "teammate_invited" } });
    draft = checklist.withNewTask(draft);
    draft = checklist.withTask(draft, 1, { title: "Open settings", completion: checklist.blankCompletion("url") });
    expect(checklist.checklistForm(draft).tasks[1]?.completion).toEqual({ type: "url", pattern: "" });
    draft = checklist.withTask(draft, 1, { completion: { type: "url", pattern: "https://app.example.com/settings/*" }, description: "  " });
    expect(checklist.checklistForm(draft).tasks[1]).not.toHaveProperty("description");
    draft = checklist.withNewTask(draft);
    draft = checklist.withTask(draft, 2, { title: "Say hi", completion: checklist.blankCompletion("manual") });
    draft = checklist.withTaskMoved(draft, 2, -2);
    expect(checklist.checklistForm(draft).tasks.map((task) => task.id)).toEqual(["task3", "task1", "task2"]);
    expect(checklistSchemas.create.safeParse(named(draft)).success).toBe(true);
  });
});
