import { z } from "zod";
import { GATEWAY_LIMITS } from "../lib/gatewayRules";
import { epochMs } from "./views";

/*
 * What the /gateways routes take and answer, as zod schemas (OpenAPI
 * components). They describe GatewayView (convex/model/gateways.ts) and
 * BroadcastView (convex/gatewayBroadcasts.ts).
 */

const template = z.string().max(GATEWAY_LIMITS.templateMax);
export const templatesInput = z.strictObject({
  memberName: template.optional().describe("The operator's name as the service shows it, e.g. `{{agent.name}}`."),
  chatComplete: template.optional().describe("Sent when an operator closes the chat (empty: nothing is sent)."),
  agentJoined: template.optional(),
  agentLeft: template.optional(),
});

export const routingInput = z
  .strictObject({ type: z.literal("team"), teamId: z.string().nullable().default(null) })
  .describe("Where new chats go: a support team, or none. (Routing to a bot story is planned.)");

const templatesView = z.object({ memberName: z.string(), chatComplete: z.string(), agentJoined: z.string(), agentLeft: z.string() });

export const gatewayView = z
  .object({
    id: z.string(),
    name: z.string(),
    uri: z.string().describe("Where the service POSTs, signed: `{siteUrl}/gateway/{token}`."),
    callbackUrl: z.string().describe("Where operators' messages and events are POSTed, signed."),
    appSecret: z.string().describe("The HMAC-SHA256 key of `X-Opencom-Sign`, both ways."),
    routing: z.object({ type: z.literal("team"), teamId: z.string().nullable() }),
    templates: templatesView,
    createdAt: epochMs,
    updatedAt: epochMs,
  })
  .meta({ id: "Gateway" });

export const broadcastView = z
  .object({
    id: z.string(),
    eventId: z.string().describe("As sent in `broadcast.eventId`; the service's error report names it."),
    text: z.string(),
    metadata: z.record(z.string(), z.string()).nullable(),
    recipients: z.array(
      z.object({ id: z.string(), type: z.string(), status: z.enum(["sent", "failed"]), error: z.string().nullable() }),
    ),
    deliveryStatus: z.enum(["queued", "in_flight", "failed", "succeeded", "dead"]).nullable(),
    createdAt: epochMs,
  })
  .meta({ id: "GatewayBroadcast" });
