import { CONTENT_TYPES, isContentType, type ContentType } from "../../core/engagement/content-types";

/** The inbox's places, kept in the URL hash so a reload or a shared link lands in the same spot. */
export type Route =
  | { screen: "chats"; conversationId: string | null }
  | { screen: "tickets"; ticketId: string | null }
  | { screen: "contacts" }
  /** `item` is an item's id, "new" for one being created, or null for the type's list (always null for CSAT). */
  | { screen: "engagement"; type: EngagementTab; item: string | null }
  | { screen: "settings"; page: string | null }
  | { screen: "invite"; token: string };

export type Screen = Route["screen"];

/** The studio's tabs: a list per content type, and the CSAT settings (one form, no items). */
export type EngagementTab = ContentType | "csat";

/** The studio's route for creating an item. */
export const NEW_ITEM = "new";

export function parseRoute(hash: string): Route {
  const [screen = "", id = "", sub = ""] = hash.replace(/^#\/?/, "").split("/").map(decodeURIComponent);
  const idOrNull = id === "" ? null : id;
  if (screen === "invite" && id !== "") return { screen: "invite", token: id };
  if (screen === "tickets") return { screen, ticketId: idOrNull };
  if (screen === "settings") return { screen, page: idOrNull };
  if (screen === "contacts") return { screen };
  if (screen === "engagement") {
    const type: EngagementTab = isContentType(id) || id === "csat" ? id : CONTENT_TYPES[0];
    return { screen, type, item: isContentType(id) && sub !== "" ? sub : null };
  }
  return { screen: "chats", conversationId: idOrNull };
}

export function hrefOf(route: Route): string {
  const withId = (id: string | null) => (id === null ? `#/${route.screen}` : `#/${route.screen}/${encodeURIComponent(id)}`);
  switch (route.screen) {
    case "chats":
      return withId(route.conversationId);
    case "tickets":
      return withId(route.ticketId);
    case "settings":
      return withId(route.page);
    case "invite":
      return withId(route.token);
    case "contacts":
      return "#/contacts";
    case "engagement":
      return route.item === null ? `#/engagement/${route.type}` : `#/engagement/${route.type}/${encodeURIComponent(route.item)}`;
  }
}

/** The route a section link opens: the screen itself, nothing selected. */
export function screenRoute(screen: Exclude<Screen, "invite">): Route {
  switch (screen) {
    case "chats":
      return { screen, conversationId: null };
    case "tickets":
      return { screen, ticketId: null };
    case "settings":
      return { screen, page: null };
    case "contacts":
      return { screen };
    case "engagement":
      return { screen, type: CONTENT_TYPES[0], item: null };
  }
}
