import type { TabId } from "../tabs";

/** Where the panel is: a tab, and inside it, what is open. */
export type Route =
  | { tab: "home" }
  | { tab: "tours" }
  | { tab: "tasks" }
  | { tab: "messages"; conversation?: { key: string; draft?: string } }
  | { tab: "help"; articleId?: string; query?: string }
  | { tab: "tickets"; ticketId?: string; creating?: boolean };

export const tabRoute = (tab: TabId): Route => ({ tab });
