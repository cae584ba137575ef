import { safeImageUrl } from "../../format";

/**
 * An article body split into what the chat markdown renders (src/ui/markdown) and images,
 * which articles may carry on a line of their own: `![alt](https://…)`. Only http(s)
 * images survive; anything else stays text. Pure.
 */
export type ArticleBlock = { type: "markdown"; text: string } | { type: "image"; src: string; alt: string };

const IMAGE_LINE = /^\s*!\[([^\]]*)\]\(\s*<?([^\s()<>]+)>?(?:\s+"[^"]*")?\s*\)\s*$/;

export function articleBlocks(body: string): ArticleBlock[] {
  const blocks: ArticleBlock[] = [];
  let text: string[] = [];
  const flush = () => {
    if (text.join("").trim() !== "") blocks.push({ type: "markdown", text: text.join("\n") });
    text = [];
  };
  for (const line of body.replace(/\r\n?/g, "\n").split("\n")) {
    const match = IMAGE_LINE.exec(line);
    const src = match ? safeImageUrl(match[2]) : null;
    if (match && src) {
      flush();
      blocks.push({ type: "image", src, alt: (match[1] ?? "").trim() });
    } else {
      text.push(line);
    }
  }
  flush();
  return blocks;
}
