import { checkTargetUrl } from "./addresses";
import { invalidArgument } from "./errors";
import type { GatewayTemplates } from "./gatewayTables";

/*
 * The rules of a chat gateway's settings: sizes, the callback URL, the app
 * secret, and the templates whose `{{variables}}` are checked when saved and
 * escaped when rendered.
 */

export const GATEWAY_LIMITS = {
  nameMax: 100,
  callbackUrlMax: 2048,
  secretMin: 16,
  secretMax: 200,
  templateMax: 1000,
  gatewaysPerWorkspace: 20,
  broadcastRecipientsMax: 100,
};

/** `{siteUrl}/gateway/{token}`: outside /api/v1, because the signature, not a key, authenticates it. */
export const GATEWAY_PATH = "/gateway/";

export const TEMPLATE_VARIABLES = [
  "agent.name",
  "visitor.name",
  "visitor.nickname",
  "visitor.platform",
  "chat.id",
  "gateway.name",
] as const;
export type TemplateVariable = (typeof TEMPLATE_VARIABLES)[number];
export type TemplateValues = Partial<Record<TemplateVariable, string>>;
export type TemplateName = keyof GatewayTemplates;

export const DEFAULT_TEMPLATES: GatewayTemplates = {
  memberName: "{{agent.name}}",
  chatComplete: "The chat is complete. Thank you, {{visitor.name}}!",
  agentJoined: "{{agent.name}} joined the chat",
  agentLeft: "{{agent.name}} left the chat",
};

const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;

/** The template as saved, or INVALID_ARGUMENT naming `templates.<name>` and the unknown variable. */
export function checkTemplate(name: TemplateName, template: string): string {
  const field = `templates.${name}`;
  if (template.length > GATEWAY_LIMITS.templateMax) {
    throw invalidArgument(field, `${field} must be at most ${GATEWAY_LIMITS.templateMax} characters.`);
  }
  for (const match of template.matchAll(PLACEHOLDER)) {
    const variable = match[1] ?? "";
    if (!(TEMPLATE_VARIABLES as readonly string[]).includes(variable)) {
      throw invalidArgument(
        field,
        `${field} uses the unknown variable {{${variable}}}; known: ${TEMPLATE_VARIABLES.map((known) => `{{${known}}}`).join(", ")}.`,
      );
    }
  }
  return template;
}

export function checkTemplates(templates: Partial<GatewayTemplates>, base: GatewayTemplates = DEFAULT_TEMPLATES): GatewayTemplates {
  const merged = { ...base };
  for (const name of Object.keys(DEFAULT_TEMPLATES) as TemplateName[]) {
    const template = templates[name];
    if (template !== undefined) merged[name] = checkTemplate(name, template);
  }
  return merged;
}

const HTML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/**
 * Fills the variables in one pass. Values come from outside (a visitor picks
 * their own name), so they are HTML-escaped: many chat platforms render
 * markup, and a name must not become a link or a tag there. One pass also
 * means a value that looks like `{{agent.name}}` stays text.
 */
export function renderTemplate(template: string, values: TemplateValues): string {
  return template.replace(PLACEHOLDER, (_, variable: string) =>
    (values[variable as TemplateVariable] ?? "").replace(/[&<>"']/g, (char) => HTML_ESCAPES[char] ?? char),
  );
}

export function checkGatewayName(name: string): string {
  const trimmed = name.trim();
  if (trimmed.length === 0 || trimmed.length > GATEWAY_LIMITS.nameMax) {
    throw invalidArgument("name", `name must be 1 to ${GATEWAY_LIMITS.nameMax} characters.`);
  }
  return trimmed;
}

/** An http(s) URL, not to a private address unless the deployment allows it (development). */
export function checkCallbackUrl(url: string, allowPrivate: boolean): string {
  if (url.length > GATEWAY_LIMITS.callbackUrlMax) {
    throw invalidArgument("callbackUrl", `callbackUrl must be at most ${GATEWAY_LIMITS.callbackUrlMax} characters.`);
  }
  const target = checkTargetUrl(url.trim(), allowPrivate);
  if (!target.ok) throw invalidArgument("callbackUrl", `callbackUrl ${target.reason}.`);
  return target.url.toString();
}

/** A typed app secret: printable ASCII without spaces, long enough to resist guessing. */
export function checkAppSecret(secret: string): string {
  if (secret.length < GATEWAY_LIMITS.secretMin || secret.length > GATEWAY_LIMITS.secretMax) {
    throw invalidArgument("appSecret", `appSecret must be ${GATEWAY_LIMITS.secretMin} to ${GATEWAY_LIMITS.secretMax} characters.`);
  }
  if (!/^[\x21-\x7e]+$/.test(secret)) {
    throw invalidArgument("appSecret", "appSecret must be printable ASCII without spaces.");
  }
  return secret;
}
