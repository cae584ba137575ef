/** The inbox's places, kept in the URL hash so a reload or a shared link lands in the same spot. */
export type Route =
  | { screen: "chats"; conversationId: string | null }
  | { screen: "tickets" | "contacts" | "settings" }
  | { screen: "invite"; token: string };

export function parseRoute(hash: string): Route {
  const [screen = "", id = ""] = hash.replace(/^#\/?/, "").split("/").map(decodeURIComponent);
  if (screen === "invite" && id !== "") return { screen: "invite", token: id };
  if (screen === "tickets" || screen === "contacts" || screen === "settings") return { screen };
  return { screen: "chats", conversationId: id === "" ? null : id };
}

export function hrefOf(route: Route): string {
  if (route.screen === "chats") return route.conversationId === null ? "#/chats" : `#/chats/${encodeURIComponent(route.conversationId)}`;
  if (route.screen === "invite") return `#/invite/${encodeURIComponent(route.token)}`;
  return `#/${route.screen}`;
}
