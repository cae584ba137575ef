import { Fragment, h, type ComponentChildren, type VNode } from "preact";
import { parseMarkdown, type MarkdownNode } from "../../../core/markdown/parse";
import { LINK_REL, LINK_TARGET, safeUrl } from "../../../core/markdown/url";

/*
 * Renders the markdown tree with createElement only: text goes in as strings
 * (text nodes), so nothing a message contains is ever parsed as HTML, and the
 * widget works under `require-trusted-types-for 'script'`.
 */

const CONTAINERS = new Set(["p", "strong", "em", "ul", "ol", "li"]);

function renderNodes(nodes: readonly MarkdownNode[]): ComponentChildren[] {
  return nodes.map(renderNode);
}

function renderNode(node: MarkdownNode, key: number): ComponentChildren {
  switch (node.type) {
    case "text":
      return String(node.text);
    case "br":
      return <br key={key} />;
    case "code":
      return <code key={key}>{String(node.text)}</code>;
    case "pre":
      return (
        <pre key={key}>
          <code>{String(node.text)}</code>
        </pre>
      );
    case "a": {
      // Checked again: a tree may be built or altered elsewhere than parseMarkdown.
      const href = safeUrl(node.href);
      const children = renderNodes(node.children);
      return href === null ? (
        <Fragment key={key}>{children}</Fragment>
      ) : (
        <a key={key} href={href} rel={LINK_REL} target={LINK_TARGET}>
          {children}
        </a>
      );
    }
    default:
      // An unknown type renders its children only, never an element of that name.
      return CONTAINERS.has(node.type)
        ? h(node.type, { key }, renderNodes(node.children))
        : h(Fragment, { key }, renderNodes(node.children ?? []));
  }
}

/** Renders an already parsed tree (re-checking every link and element name). */
export function MarkdownTree({ nodes }: { nodes: readonly MarkdownNode[] }): VNode {
  return <>{renderNodes(nodes)}</>;
}

export type MarkdownProps = { text: string };

/** A chat message body as safe markdown. */
export function Markdown({ text }: MarkdownProps): VNode {
  return <MarkdownTree nodes={parseMarkdown(text)} />;
}
