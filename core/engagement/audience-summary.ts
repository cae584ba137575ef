/**
 * A short plain-text description of an audience rule (rules.ts), for lists and
 * editors: "Everyone", "Identified users on /pricing*", "Visitors where plan is
 * pro". It describes; it never judges validity (validateRule does that), so a
 * malformed part reads as "a custom rule".
 */

const MAX_LENGTH = 120;

const OP_WORDS: Readonly<Record<string, string>> = {
  eq: "is",
  neq: "is not",
  contains: "contains",
  gt: "is over",
  lt: "is under",
  exists: "is set",
};
const COUNT_WORDS: Readonly<Record<string, string>> = { gt: "more than", lt: "fewer than", eq: "exactly" };

type Node = Readonly<Record<string, unknown>>;

const isNode = (value: unknown): value is Node => typeof value === "object" && value !== null && !Array.isArray(value);
const quoted = (value: unknown) => (typeof value === "string" ? `"${value}"` : String(value));

function describeCondition(node: Node): string {
  if (typeof node["url"] === "string") return `on ${node["url"]}`;
  if (typeof node["identified"] === "boolean") return node["identified"] ? "identified" : "anonymous";
  const name = node["attribute"] ?? node["customAttribute"];
  if (typeof name === "string") {
    const op = OP_WORDS[String(node["op"])] ?? String(node["op"]);
    return node["op"] === "exists" ? `${name} ${op}` : `${name} ${op} ${quoted(node["value"])}`;
  }
  if (typeof node["event"] === "string") {
    const count = Number(node["count"]);
    return `did ${node["event"]} ${COUNT_WORDS[String(node["op"])] ?? String(node["op"])} ${count} time${count === 1 ? "" : "s"}`;
  }
  return "a custom rule";
}

function describeNode(node: unknown): string {
  if (!isNode(node)) return "a custom rule";
  if (Array.isArray(node["all"])) return node["all"].length === 0 ? "everyone" : node["all"].map(describeNode).join(" and ");
  if (Array.isArray(node["any"])) return node["any"].length === 0 ? "no one" : `(${node["any"].map(describeNode).join(" or ")})`;
  if ("not" in node) return `not ${describeNode(node["not"])}`;
  return describeCondition(node);
}

/** The subject ("Identified users"), where they are ("on /pricing*") and the rest ("where plan is \"pro\""). */
function describeTop(parts: readonly unknown[]): string {
  let subject = "Visitors";
  const places: string[] = [];
  const others: string[] = [];
  for (const part of parts) {
    if (isNode(part) && typeof part["identified"] === "boolean") subject = part["identified"] ? "Identified users" : "Anonymous visitors";
    else if (isNode(part) && typeof part["url"] === "string") places.push(part["url"]);
    else others.push(describeNode(part));
  }
  const place = places.length === 0 ? "" : ` on ${places.join(" and ")}`;
  const rest = others.length === 0 ? "" : ` where ${others.join(" and ")}`;
  return `${subject}${place}${rest}`;
}

export function summarizeAudience(rule: unknown): string {
  if (rule === undefined || rule === null) return "Everyone";
  const parts = isNode(rule) && Array.isArray(rule["all"]) ? rule["all"] : [rule];
  if (parts.length === 0) return "Everyone";
  const summary = isNode(rule) && Array.isArray(rule["any"]) && rule["any"].length === 0 ? "No one" : describeTop(parts);
  return summary.length <= MAX_LENGTH ? summary : `${summary.slice(0, MAX_LENGTH - 1)}…`;
}
