/**
 * What the inbox tells a custom app, with the payload fields of the vendor
 * "custom widgets" format, so an app written for that format reads them unchanged.
 */

export const APP_SCREENS = ["CHATS", "TICKETS", "CONTACTS"] as const;
export type AppScreen = (typeof APP_SCREENS)[number];

export function isAppScreen(value: unknown): value is AppScreen {
  return typeof value === "string" && (APP_SCREENS as readonly string[]).includes(value);
}

export const SLA_METRIC_KEYS = [
  "TIME_IN_CURRENT_STATE",
  "TIME_WAITING_ASSIGNATION_IN_CURRENT_SUPPORT_TEAM",
  "TOTAL_TIME_IN_CURRENT_SUPPORT_TEAM",
  "TIME_TO_FIRST_RESPONSE",
  "TIME_TO_RESOLVE",
] as const;
export type SlaMetricKey = (typeof SLA_METRIC_KEYS)[number];

export type SlaMetric = {
  /** Elapsed milliseconds. */
  ticksMillis: number;
  /** The clock has stopped for good (the goal was met or the ticket closed). */
  finished: boolean;
  isPaused: boolean;
  pauseReason?: "BY_CALENDAR" | "BY_STATE";
  /** The SLA policy's goal, when one applies. */
  thresholdMillis?: number;
  isBreached?: boolean;
  /** Epoch milliseconds when the goal was or will be missed. */
  breachDate?: number;
};
export type SlaMetrics = Partial<Record<SlaMetricKey, SlaMetric>>;

export const PROTOCOL_TICKET_STATES = ["NEW", "OPEN", "CLOSED", "CANCELLED"] as const;
export type ProtocolTicketState = (typeof PROTOCOL_TICKET_STATES)[number];
export const TICKET_PRIORITIES = ["CRITICAL", "HIGH", "MEDIUM", "LOW", "MINOR"] as const;
export type TicketPriority = (typeof TICKET_PRIORITIES)[number];

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
