import { describe, expect, test } from "vitest";
import { parseMarkdown, type MarkdownNode } from "../../../../core/markdown/parse";

const t = (text: string): MarkdownNode => ({ type: "text", text });
const p = (...children: MarkdownNode[]): MarkdownNode => ({ type: "p", children });

describe("parseMarkdown: blocks", () => {
  test("paragraphs split on blank lines; single newlines are line breaks", () => {
    expect(parseMarkdown("Hello\nthere\n\nSecond")).toEqual([p(t("Hello"), { type: "br" }, t("there")), p(t("Second"))]);
    expect(parseMarkdown("")).toEqual([]);
    expect(parseMarkdown("\r\n\r\n  \n")).toEqual([]);
  });

  test("fenced code blocks keep their text verbatim, markdown and HTML included", () => {
    expect(parseMarkdown("```js\nconst a = **b**;\n<b>x</b>\n```\nafter")).toEqual([
      { type: "pre", text: "const a = **b**;\n<b>x</b>" },
      p(t("after")),
    ]);
    expect(parseMarkdown("~~~\nunclosed")).toEqual([{ type: "pre", text: "unclosed" }]);
  });

  test("bulleted and numbered lists, with continuation lines", () => {
    expect(parseMarkdown("- one\n* **two**\n  more\n\n1. first\n2) second")).toEqual([
      {
        type: "ul",
        children: [
          { type: "li", children: [t("one")] },
          { type: "li", children: [{ type: "strong", children: [t("two")] }, { type: "br" }, t("more")] },
        ],
      },
      { type: "ol", children: [{ type: "li", children: [t("first")] }, { type: "li", children: [t("second")] }] },
    ]);
  });
});

describe("parseMarkdown: inline", () => {
  test("bold, italic, nested, and inline code", () => {
    expect(parseMarkdown("**b** *i* __B__ _I_ **a *b* c** `x * y`")).toEqual([
      p(
        { type: "strong", children: [t("b")] },
        t(" "),
        { type: "em", children: [t("i")] },
        t(" "),
        { type: "strong", children: [t("B")] },
        t(" "),
        { type: "em", children: [t("I")] },
        t(" "),
        { type: "strong", children: [t("a "), { type: "em", children: [t("b")] }, t(" c")] },
        t(" "),
        { type: "code", text: "x * y" },
      ),
    ]);
  });

  test("unmatched markers, intraword underscores and escapes stay text", () => {
    expect(parseMarkdown("2 * 3 * x and snake_case_name")).toEqual([p(t("2 * 3 * x and snake_case_name"))]);
    expect(parseMarkdown("\\*not em\\* \\`no code\\`")).toEqual([p(t("*not em* `no code`"))]);
  });

  test("links with safe URLs; unsafe ones keep only their text", () => {
    expect(parseMarkdown("[Docs](https://example.com/docs) [bad](javascript:alert(1))")).toEqual([
      p(
        { type: "a", href: "https://example.com/docs", children: [t("Docs")] },
        t(" "),
        t("bad"),
      ),
    ]);
    expect(parseMarkdown("[**b**](https://x.test/a_(b))")).toEqual([
      p({ type: "a", href: "https://x.test/a_(b)", children: [{ type: "strong", children: [t("b")] }] }),
    ]);
  });

  test("bare URLs are autolinked without trailing punctuation", () => {
    expect(parseMarkdown("See https://example.com/a?b=1. Or (http://x.test/y).")).toEqual([
      p(
        t("See "),
        { type: "a", href: "https://example.com/a?b=1", children: [t("https://example.com/a?b=1")] },
        t(". Or ("),
        { type: "a", href: "http://x.test/y", children: [t("http://x.test/y")] },
        t(")."),
      ),
    ]);
    expect(parseMarkdown("xhttps://example.com")).toEqual([p(t("xhttps://example.com"))]);
  });

  test("<autolinks> only for safe schemes", () => {
    expect(parseMarkdown("<mailto:a@b.test> <javascript:alert(1)>")).toEqual([
      p({ type: "a", href: "mailto:a@b.test", children: [t("mailto:a@b.test")] }, t(" "), t("<javascript:alert(1)>")),
    ]);
  });

  test("raw HTML is text", () => {
    expect(parseMarkdown('<img src=x onerror="alert(1)">')).toEqual([p(t('<img src=x onerror="alert(1)">'))]);
  });
});
