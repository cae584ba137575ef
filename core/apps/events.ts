/**
 * What the inbox tells a custom app, with the payload fields of the vendor
 * "custom widgets" format, so an app written for that format reads them unchanged.
 */

// One definition of the ticket fields for the clocks and for the apps that show them.
import type { SlaMetric, SlaMetricKey, TicketPriority } from "../sla/types";
export { SLA_METRIC_KEYS, TICKET_PRIORITIES } from "../sla/types";
export type { SlaMetric, SlaMetricKey, TicketPriority };

export const APP_SCREENS = ["CHATS", "TICKETS", "CONTACTS"] as const;
export type AppScreen = (typeof APP_SCREENS)[number];

export function isAppScreen(value: unknown): value is AppScreen {
  return typeof value === "string" && (APP_SCREENS as readonly string[]).includes(value);
}

export type SlaMetrics = Partial<Record<SlaMetricKey, SlaMetric>>;

export const PROTOCOL_TICKET_STATES = ["NEW", "OPEN", "CLOSED", "CANCELLED"] as const;
export type ProtocolTicketState = (typeof PROTOCOL_TICKET_STATES)[number];

/** Our ticket states as the protocol reports them (waiting on the customer is still open). */
const PROTOCOL_STATE_OF: Record<string, ProtocolTicketState> = {
  submitted: "NEW",
  in_progress: "OPEN",
  waiting_on_customer: "OPEN",
  resolved: "CLOSED",
  cancelled: "CANCELLED",
};

/** Null for a state the protocol has no word for (a newer one), so callers decide rather than guess. */
export function protocolTicketState(state: string): ProtocolTicketState | null {
  return PROTOCOL_STATE_OF[state] ?? null;
}

export type TicketAssignee = { name: string; id: string };

export type TicketSummary = {
  ticketCode: string;
  subject: string;
  state: ProtocolTicketState;
  priority: TicketPriority;
  assignee?: TicketAssignee;
  metrics: SlaMetrics;
  /** ISO 8601. */
  creationDate: string;
};

export type AppEventPayloads = {
  "app:ready": { screen: AppScreen };
  "chat:selected": { customerId: string; customerName?: string; platform?: string };
  "chat:messageSent": { customerId: string; messageType: string; messageId?: string };
  "contacts:companySelected": { companyId: string };
  "ticket:selected": TicketSummary & { supportTeam?: string; author?: { firstName: string; lastName: string } };
  "ticket:statusChanged": { ticketCode: string; previousState: ProtocolTicketState; newState: ProtocolTicketState; metrics: SlaMetrics };
  "tickets:queueSummary": { tickets: TicketSummary[]; total: number };
};
export type AppEventName = keyof AppEventPayloads;

/** The screen each event belongs to; `app:ready` (the seed's `widget:ready`) goes to every screen. */
export const EVENT_SCREEN: Record<AppEventName, AppScreen | "ANY"> = {
  "app:ready": "ANY",
  "chat:selected": "CHATS",
  "chat:messageSent": "CHATS",
  "contacts:companySelected": "CONTACTS",
  "ticket:selected": "TICKETS",
  "ticket:statusChanged": "TICKETS",
  "tickets:queueSummary": "TICKETS",
};

export function eventBelongsTo(event: AppEventName, screen: AppScreen): boolean {
  const owner = EVENT_SCREEN[event];
  return owner === "ANY" || owner === screen;
}

/** Events that describe what is on screen now, as opposed to something that just happened: replayed to an app that (re)loads. */
export const STATE_EVENTS: ReadonlySet<AppEventName> = new Set(["chat:selected", "contacts:companySelected", "ticket:selected", "tickets:queueSummary"]);
