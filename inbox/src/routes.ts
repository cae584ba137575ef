/** The inbox's places, kept in the URL hash so a reload or a shared link lands in the same spot. */
export type Route =
  | { screen: "chats"; conversationId: string | null }
  | { screen: "tickets"; ticketId: string | null }
  | { screen: "contacts" }
  | { screen: "settings"; page: string | null }
  | { screen: "invite"; token: string };

export type Screen = Route["screen"];

export function parseRoute(hash: string): Route {
  const [screen = "", id = ""] = hash.replace(/^#\/?/, "").split("/").map(decodeURIComponent);
  const idOrNull = id === "" ? null : id;
  if (screen === "invite" && id !== "") return { screen: "invite", token: id };
  if (screen === "tickets") return { screen, ticketId: idOrNull };
  if (screen === "settings") return { screen, page: idOrNull };
  if (screen === "contacts") return { screen };
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
  }
}
