/** SVG path data shared by the launcher (plain DOM) and the panel (Preact). */
export const CHAT_PATH =
  "M12 3C6.9 3 3 6.5 3 10.9c0 2.4 1.2 4.6 3.1 6.1-.1 1.3-.6 2.6-1.6 3.6-.2.2 0 .6.3.6 2 0 3.7-.7 4.9-1.6.7.2 1.5.2 2.3.2 5.1 0 9-3.5 9-7.9S17.1 3 12 3Zm-4 9.1a1.2 1.2 0 1 1 0-2.4 1.2 1.2 0 0 1 0 2.4Zm4 0a1.2 1.2 0 1 1 0-2.4 1.2 1.2 0 0 1 0 2.4Zm4 0a1.2 1.2 0 1 1 0-2.4 1.2 1.2 0 0 1 0 2.4Z";
export const CHEVRON_DOWN_PATH = "m6 9 6 6 6-6";
