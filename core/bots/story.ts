import { at, attempt, fail, list, oneOf, onlyKeys, record, text, type Path } from "./check";
import { ATTRIBUTE_LIMITS, ATTRIBUTE_NAME, STORY_LIMITS as L, UUID_V4 } from "./limits";
import { checkResponses, type BotResponse } from "./responses";

/*
 * A bot story: nodes joined by `next`, webhook routes and `goto` buttons.
 * Checked whole when saved: every link points at a node of the story and
 * every node can be reached from the start, with errors naming the node.
 */

export type Route = { if: { attribute: string; equals: string }; next: string };

type NodeBase = { id: string; name: string };
export type ResponsesNode = NodeBase & { type: "RESPONSES"; responses: BotResponse[]; next?: string };
export type QuestionNode = NodeBase & { type: "QUESTION"; text: string; attribute: string; next?: string };
export type WebhookNode = NodeBase & { type: "WEBHOOK"; webhookId: string; routes?: Route[]; next?: string };
export type HandoffNode = NodeBase & { type: "HANDOFF" };
export type StoryNode = ResponsesNode | QuestionNode | WebhookNode | HandoffNode;
export type Story = { name: string; startNodeId: string; nodes: StoryNode[] };

const NODE_TYPES = ["RESPONSES", "QUESTION", "WEBHOOK", "HANDOFF"] as const;
const NODE_FIELDS: Record<StoryNode["type"], readonly string[]> = {
  RESPONSES: ["id", "name", "type", "responses", "next"],
  QUESTION: ["id", "name", "type", "text", "attribute", "next"],
  WEBHOOK: ["id", "name", "type", "webhookId", "routes", "next"],
  HANDOFF: ["id", "name", "type"],
};

function nodeId(value: unknown, path: Path): string {
  const id = text(value, path, 36, 36);
  if (!UUID_V4.test(id)) fail(path, "must be a UUID v4");
  return id;
}

function attributeName(value: unknown, path: Path): string {
  const name = text(value, path, 1, ATTRIBUTE_LIMITS.nameMax);
  if (!ATTRIBUTE_NAME.test(name)) fail(path, "may hold letters, digits and _ only");
  return name;
}

function withNext<T extends StoryNode>(node: T, raw: Record<string, unknown>, path: Path): T {
  return raw["next"] === undefined ? node : { ...node, next: nodeId(raw["next"], at(path, "next")) };
}

function checkNode(raw: unknown, path: Path): StoryNode {
  const value = record(raw, path);
  const type = oneOf(value["type"], at(path, "type"), NODE_TYPES);
  onlyKeys(value, NODE_FIELDS[type], path);
  const base = { id: nodeId(value["id"], at(path, "id")), name: text(value["name"], at(path, "name"), 1, L.nodeNameMax) };
  switch (type) {
    case "RESPONSES":
      return withNext({ ...base, type, responses: checkResponses(value["responses"], at(path, "responses")) }, value, path);
    case "QUESTION":
      return withNext(
        {
          ...base,
          type,
          text: text(value["text"], at(path, "text"), 1, L.questionTextMax),
          attribute: attributeName(value["attribute"], at(path, "attribute")),
        },
        value,
        path,
      );
    case "WEBHOOK": {
      const node: WebhookNode = { ...base, type, webhookId: text(value["webhookId"], at(path, "webhookId"), 1, 64) };
      if (value["routes"] !== undefined) {
        node.routes = list(value["routes"], at(path, "routes"), 0, L.routesMax).map((item, index) => {
          const routePath = at(at(path, "routes"), index);
          const route = record(item, routePath);
          onlyKeys(route, ["if", "next"], routePath);
          const condition = record(route["if"], at(routePath, "if"));
          onlyKeys(condition, ["attribute", "equals"], at(routePath, "if"));
          return {
            if: {
              attribute: attributeName(condition["attribute"], at(at(routePath, "if"), "attribute")),
              equals: text(condition["equals"], at(at(routePath, "if"), "equals"), 0, ATTRIBUTE_LIMITS.valueMax),
            },
            next: nodeId(route["next"], at(routePath, "next")),
          };
        });
      }
      return withNext(node, value, path);
    }
    case "HANDOFF":
      return { ...base, type };
  }
}

/** Every node a node can lead to, each with the field that names it. */
export function linksOf(node: StoryNode): Array<{ field: string; target: string }> {
  const links: Array<{ field: string; target: string }> = [];
  if (node.type !== "HANDOFF" && node.next !== undefined) links.push({ field: "next", target: node.next });
  if (node.type === "WEBHOOK") node.routes?.forEach((route, index) => links.push({ field: `routes[${index}].next`, target: route.next }));
  if (node.type === "RESPONSES") {
    node.responses.forEach((response, r) => {
      const gotoOf = (buttons: Array<{ type: string; value: string }>, prefix: string) =>
        buttons.forEach((button, b) => button.type === "goto" && links.push({ field: `${prefix}.buttons[${b}].value`, target: button.value }));
      if (response.type === "quickReplies" || response.type === "buttons") gotoOf(response.buttons, `responses[${r}]`);
      if (response.type === "cards") response.elements.forEach((card, c) => gotoOf(card.buttons, `responses[${r}].elements[${c}]`));
    });
  }
  return links;
}

function checkGraph(story: Story): void {
  const byId = new Map<string, number>();
  story.nodes.forEach((node, index) => {
    if (byId.has(node.id)) fail(`nodes[${index}].id`, `repeats the id of node "${story.nodes[byId.get(node.id) ?? 0]?.name}"`);
    byId.set(node.id, index);
  });
  if (!byId.has(story.startNodeId)) fail("startNodeId", "must be the id of a node of the story");
  story.nodes.forEach((node, index) => {
    for (const link of linksOf(node)) {
      if (!byId.has(link.target)) fail(`nodes[${index}].${link.field}`, `of node "${node.name}" points at no node of the story`);
    }
  });
  const reached = new Set<string>([story.startNodeId]);
  const queue = [story.startNodeId];
  for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
    const node = story.nodes[byId.get(id) ?? -1];
    for (const { target } of node ? linksOf(node) : []) {
      if (!reached.has(target)) {
        reached.add(target);
        queue.push(target);
      }
    }
  }
  story.nodes.forEach((node, index) => {
    if (!reached.has(node.id)) fail(`nodes[${index}]`, `node "${node.name}" cannot be reached from the start node`);
  });
}

/** A story as saved: `{name, startNodeId, nodes}`; errors name the node's path and field. */
export function validateStory(raw: unknown) {
  return attempt((): Story => {
    const value = record(raw, "");
    onlyKeys(value, ["name", "startNodeId", "nodes"], "");
    const story: Story = {
      name: text(value["name"], "name", 1, L.nameMax),
      startNodeId: text(value["startNodeId"], "startNodeId", 1, 36),
      nodes: list(value["nodes"], "nodes", 1, L.nodesMax).map((node, index) => checkNode(node, `nodes[${index}]`)),
    };
    checkGraph(story);
    return story;
  });
}

/** The webhook connections a story calls, for checking they exist in the workspace. */
export function webhookIdsOf(story: Story): Array<{ path: string; webhookId: string }> {
  return story.nodes.flatMap((node, index) => (node.type === "WEBHOOK" ? [{ path: `nodes[${index}].webhookId`, webhookId: node.webhookId }] : []));
}
