import { z } from "zod";
import { TICKET_PRIORITIES } from "../../core/sla/types";
import { TICKET_STATES } from "../lib/ticketRules";

/*
 * What the REST API answers, as zod schemas: the OpenAPI document's response
 * components (named by `.meta({id})`). They describe the views built in
 * convex/lib/*Views.ts and the domain modules; test/backend/rest checks real
 * answers against them.
 */

export const epochMs = z.number().describe("Milliseconds since the Unix epoch.");
const nullableEpochMs = epochMs.nullable();

/** `{data: …}`, the envelope of every successful JSON answer. */
export const dataOf = <T extends z.ZodType>(schema: T) => z.object({ data: schema });

export const deleted = z.object({ id: z.string(), deleted: z.literal(true) }).meta({ id: "Deleted" });

export const conversationView = z
  .object({
    id: z.string(),
    status: z.enum(["open", "closed"]),
    visitor: z.object({
      id: z.string(),
      userId: z.string().nullable().describe("The host site's user id; proved only when the visitor is verified."),
      name: z.string().nullable(),
      email: z.string().nullable(),
      identified: z.boolean().describe("The page named a user (a claim unless verified)."),
      verified: z.boolean().describe("The user id was proven with the workspace's identity secret."),
    }),
    lastMessageAt: epochMs,
    lastMessagePreview: z.string().describe("One line, at most 140 characters."),
    unreadByAgent: z.number().int().min(0),
    unreadByVisitor: z.number().int().min(0),
    readByVisitorAt: nullableEpochMs.describe("When the visitor last read it; null: never."),
    readByAgentAt: nullableEpochMs.describe("When an agent last read it; null: never."),
    createdAt: epochMs,
  })
  .meta({ id: "Conversation" });

export const attachmentView = z
  .object({
    name: z.string(),
    contentType: z.string(),
    size: z.number().int().min(0),
    url: z.string().nullable().describe("A download URL (unguessable, served with the checked type); null when the file is gone."),
  })
  .meta({ id: "Attachment" });

const messageFields = {
  id: z.string(),
  conversationId: z.string(),
  senderType: z.enum(["visitor", "agent", "bot", "system"]),
  senderName: z.string().nullable(),
  body: z.string(),
  createdAt: epochMs,
};

export const messageView = z.object(messageFields).meta({ id: "Message" });

export const listedMessageView = z
  .object({ ...messageFields, attachments: z.array(attachmentView).optional().describe("Only on messages with files.") })
  .meta({ id: "ListedMessage" });

export const activityView = z
  .object({
    visitorTyping: z.boolean(),
    visitorTypingExpiresAt: nullableEpochMs,
    readByVisitorAt: nullableEpochMs,
    readByAgentAt: nullableEpochMs,
  })
  .meta({ id: "ConversationActivity" });

export const securitySettingsView = z
  .object({
    identityVerification: z.object({
      mode: z.enum(["off", "optional", "required"]),
      jwtMaxAgeSeconds: z.number().int().describe("Identity JWTs older than this (by iat) are refused."),
    }),
    allowedOrigins: z.array(z.string()),
    sessionLifetimeHours: z.number().int(),
    secretRotation: z.object({
      previousSecretExpiresAt: nullableEpochMs.describe("When the rotated-away secret stops verifying; null when there is none."),
    }),
  })
  .meta({ id: "SecuritySettings" });

export const collectionView = z
  .object({
    id: z.string(),
    name: z.string(),
    description: z.string().nullable(),
    order: z.number(),
    createdAt: epochMs,
    updatedAt: epochMs,
  })
  .meta({ id: "Collection" });

export const articleView = z
  .object({
    id: z.string(),
    title: z.string(),
    body: z.string().describe("Markdown."),
    status: z.enum(["draft", "published"]),
    collectionId: z.string().nullable(),
    order: z.number(),
    createdAt: epochMs,
    updatedAt: epochMs,
  })
  .meta({ id: "Article" });

const ticketState = z.enum(TICKET_STATES as [string, ...string[]]);

export const ticketView = z
  .object({
    id: z.string(),
    number: z.number().int().describe("The ticket's number in its workspace."),
    code: z.string().describe("The human code shown to operators and visitors, e.g. TK-12."),
    title: z.string(),
    state: ticketState,
    priority: z.enum(TICKET_PRIORITIES),
    visitorId: z.string(),
    fields: z.record(z.string(), z.string()).describe("The visitor's answers by form field id."),
    history: z.array(z.object({ state: ticketState, at: epochMs, note: z.string().nullable() })),
    createdAt: epochMs,
    updatedAt: epochMs,
  })
  .meta({ id: "Ticket" });
