import { plural } from "./plural";

/**
 * The few strings the launcher and the page title need before the panel loads. English
 * ships in the runtime; each other locale carries its own in its dictionary (`launcher`),
 * fetched at boot only for visitors of that locale. The English names are a contract:
 * "Open messenger" / "Close messenger".
 */
export interface LauncherStrings {
  open: string;
  close: string;
  unread(count: number): string;
  /** The page title while it flashes for a new message: "(2) New message". */
  newMessage(count: number): string;
}

export const ENGLISH_LAUNCHER: LauncherStrings = {
  open: "Open messenger",
  close: "Close messenger",
  unread: (count) => plural("en", count, { one: "# unread message", other: "# unread messages" }),
  newMessage: (count) => plural("en", count, { one: "(#) New message", other: "(#) New messages" }),
};
