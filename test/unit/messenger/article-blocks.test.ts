import { describe, expect, it } from "vitest";
import { articleBlocks } from "../../../src/messenger/tabs/help/article-blocks";
import { ticketFormProblems } from "../../../src/messenger/tabs/tickets/form-check";
import { messages as en } from "../../../src/i18n/en";

describe("article blocks", () => {
  it("splits images on their own line from the markdown around them", () => {
    expect(articleBlocks("Intro **bold**\n\n![Screenshot](https://cdn.example.com/a.png)\n\nAfter")).toEqual([
      { type: "markdown", text: "Intro **bold**\n" },
      { type: "image", src: "https://cdn.example.com/a.png", alt: "Screenshot" },
      { type: "markdown", text: "\nAfter" },
    ]);
  });

  it("keeps unsafe or inline images as text, never as an image", () => {
    const blocks = articleBlocks("![x](javascript:alert(1))\n![y](data:image/png;base64,AAA)\nSee ![z](https://x.y/z.png) here");
    expect(blocks.every((block) => block.type === "markdown")).toBe(true);
  });
});

describe("ticket form check", () => {
  const fields = [
    { id: "kind", label: "Kind", type: "select" as const, required: true, options: ["Bug"] },
    { id: "mail", label: "Mail", type: "email" as const, required: false },
  ];
  it("names each missing or malformed answer in the visitor's language", () => {
    expect(ticketFormProblems(en, fields, " ", { mail: "nope" })).toEqual({
      title: "Subject is required.",
      kind: "Kind is required.",
      mail: en.emailInvalid,
    });
    expect(ticketFormProblems(en, fields, "Broken", { kind: "Bug" })).toEqual({});
  });
});
