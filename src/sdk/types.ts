/** Public types of `window.OpencomWidget`. Everything here is part of the contract. */

/** Values allowed in custom attributes and event properties: scalars only. */
export type AttributeValue = string | number | boolean | null;
export type Attributes = Record<string, AttributeValue>;

/** Who the visitor is, as far as the host page knows. */
export interface UserIdentity {
  userId?: string;
  email?: string;
  name?: string;
  /** HMAC-SHA256 of `userId` with the workspace's identity secret (identity verification). */
  userHash?: string;
  /** A JWT signed by the host's backend, an alternative to `userHash`. */
  userJwt?: string;
  customAttributes?: Attributes;
  /** The company the user belongs to: operators see its people together in Contacts. */
  company?: CompanyIdentity;
}

/** A company as the host knows it; `id` is the host's own and links later identifies to the same company. */
export interface CompanyIdentity {
  id: string;
  name?: string;
  plan?: string;
  /** Number of employees, a whole number. */
  size?: number;
  /** An http(s) URL. */
  website?: string;
  industry?: string;
  customAttributes?: Attributes;
}

export interface WidgetConfig {
  /** The Convex deployment URL, e.g. `https://happy-otter-123.convex.cloud`. */
  convexUrl: string;
  /** The workspace's public id (`demo` on the local backend). */
  workspaceId: string;
  /**
   * Record a `$pageview` on load and on every SPA navigation (pushState, replaceState, popstate).
   * @default true
   */
  trackPageViews?: boolean;
  /** Identify the visitor at boot instead of calling `identify` later. */
  user?: UserIdentity;
  onboardingVerificationToken?: string;
  clientIdentifier?: string;
  /**
   * Hide the round launcher button: the page opens the messenger itself (a custom launcher,
   * `customLauncherSelector`, or `OpencomWidget.open()`).
   * @default false
   */
  hideDefaultLauncher?: boolean;
  /**
   * A CSS selector: a click on any matching element (also ones added later) toggles the
   * messenger. Draw your own unread badge from the `unreadCountChange` event.
   */
  customLauncherSelector?: string;
  /**
   * Play a short sound when a team message arrives while the page is hidden (one tab plays
   * it, even with several open).
   * @default false
   */
  sound?: boolean;
  /**
   * The messenger's language: `en`, `fr`, `de`, `es` or `ar` (regional tags such as
   * `fr-CA` match their language). Change it later with `setLocale`.
   * @default the first of navigator.languages that the widget speaks, else "en"
   */
  locale?: string;
  /**
   * A widget configuration of the workspace (theme, layout, event listeners) to apply instead
   * of the workspace's default one. Also `data-opencom-configuration-id` on the script tag.
   * @default the workspace's default configuration
   */
  configurationId?: string;
  /**
   * The launcher's colour (hex, `#1f7a5c`) until the workspace's own settings have arrived:
   * set it to the workspace's colour and a visitor's first visit paints right from the first
   * frame. Later visits paint from the look cached in the browser. The workspace's settings
   * win once they arrive. Also `data-opencom-primary-color` on the script tag.
   * @default "#2563eb", until the workspace's settings arrive
   */
  primaryColor?: string;
  /**
   * The corner the launcher sits in until the workspace's own settings have arrived (see
   * `primaryColor`). Also `data-opencom-launcher-position` on the script tag.
   * @default "right", until the workspace's settings arrive
   */
  launcherPosition?: "left" | "right";
}

/** A team (agent or bot) message, as `messageReceived` reports it. */
export interface ReceivedMessage {
  id: string;
  conversationId: string;
  senderType: "agent" | "bot";
  /** The agent's display name, when the team set one. */
  senderName: string | null;
  /** The message text (markdown source). */
  body: string;
  /** Milliseconds since the Unix epoch. */
  createdAt: number;
}

/** Events of `OpencomWidget.on(event, listener)` and their payloads. */
export interface WidgetEvents {
  ready: { visitorId: string };
  open: undefined;
  close: undefined;
  unreadCountChange: { unreadCount: number };
  /** Fires when the visitor's unread count goes up, i.e. the team or a bot wrote: with the newest such message. */
  messageReceived: { unreadCount: number; message: ReceivedMessage };
  error: { code: string; message: string };
  /** An `emit` listener of the widget configuration fired: the event and the listener's payload. */
  configEvent: { eventType: string; payload: Record<string, string | number | boolean> };
}

export type WidgetEventName = keyof WidgetEvents;

/** One entry of `getAvailableTours()`. */
export interface TourSummary {
  id: string;
  name: string;
  description: string | null;
  /** The visitor's progress; a tour they closed early reads "new" again. */
  status: "new" | "in_progress" | "completed";
  /** Every step's element is on the current page (a tour only starts by itself then). */
  elementsAvailable: boolean;
}

export interface OpencomWidgetApi {
  init(config: WidgetConfig): void;
  identify(user: UserIdentity): void;
  trackEvent(name: string, properties?: Attributes): void;
  startTour(tourId: string): void;
  /**
   * The tours this visitor may take on this page, at once. Empty before the runtime has
   * loaded and until the visitor's tour list has arrived (shortly after boot).
   */
  getAvailableTours(): TourSummary[];
  destroy(): void;
  open(): void;
  close(): void;
  toggle(): void;
  showMessages(): void;
  showNewMessage(text?: string): void;
  showArticle(articleId: string): void;
  startSurvey(surveyId: string): void;
  startChecklist(checklistId: string): void;
  setLocale(locale: string): void;
  /** The visitor id once booted, else null. (The loader's stub returns a promise of it.) */
  getVisitorId(): string | null;
  on<K extends WidgetEventName>(event: K, listener: (payload: WidgetEvents[K]) => void): void;
  off<K extends WidgetEventName>(event: K, listener: (payload: WidgetEvents[K]) => void): void;
}
