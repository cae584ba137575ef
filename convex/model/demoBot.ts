import type { Story } from "../../core/bots";

/*
 * The demo workspace's bot: it asks the visitor's name, calls the example bot
 * server `npm run dev` starts (examples/bot-webhook, port 5180), which answers
 * with one response of every type, then offers to go again or hand off. When
 * the server is not running the call fails and the story hands off to the team.
 */

export const DEMO_BOT_TOKEN = "demo-bot-token";

export function demoBotUrl(): string {
  return `http://127.0.0.1:${process.env.OPENCOM_BOT_PORT || "5180"}/webhook`;
}

const ASK_NAME = "5b0c7a4e-1d2f-4a3b-9c8d-0e1f2a3b4c5d";
const CALL_BOT = "6c1d8b5f-2e3a-4b4c-8d9e-1f2a3b4c5d6e";
const TO_TEAM = "7d2e9c6a-3f4b-4c5d-9e0f-2a3b4c5d6e7f";

export function demoStory(connectionId: string): Story {
  return {
    name: "Demo bot",
    startNodeId: ASK_NAME,
    nodes: [
      { id: ASK_NAME, name: "Ask the name", type: "QUESTION", text: "Hi! I'm the demo bot. What's your name?", attribute: "name", next: CALL_BOT },
      {
        id: CALL_BOT,
        name: "Ask the bot server",
        type: "WEBHOOK",
        webhookId: connectionId,
        // The server's last answer offers "Show me again" (back here) and "Talk to a person".
        routes: [{ if: { attribute: "wants_human", equals: "yes" }, next: TO_TEAM }],
        next: CALL_BOT,
      },
      { id: TO_TEAM, name: "Hand off to the team", type: "HANDOFF" },
    ],
  };
}
