import { useEffect, useRef, useState } from "preact/hooks";
import { logError } from "../../sdk/log";
import { backend } from "../../runtime/functions";
import type { MessengerController } from "../types";
import { parseActivity } from "../wire";
import { useQuery } from "./hooks";

/** How often a visitor who keeps typing re-announces it (the server keeps it ~5 s). */
export const TYPING_REPORT_MS = 2_500;

/**
 * The team's side of the conversation: whether an agent is typing (hidden at its expiry,
 * since the query does not re-run as time passes) and when an agent last read it.
 */
export function useTeamActivity(controller: MessengerController, conversationId: string | null) {
  const [activity] = useQuery(controller, backend.conversationActivity.get, conversationId ? { conversationId } : null, parseActivity);
  const data = activity.status === "ready" ? activity.data : null;
  const expiresAt = data?.agentTyping?.expiresAt ?? 0;
  const [, setTick] = useState(0);
  useEffect(() => {
    const remaining = expiresAt - Date.now();
    if (remaining <= 0) return;
    const timer = setTimeout(() => setTick((n) => n + 1), remaining + 50);
    return () => clearTimeout(timer);
  }, [expiresAt]);
  return {
    typing: data?.agentTyping && data.agentTyping.expiresAt > Date.now() ? { name: data.agentTyping.name } : null,
    readByAgentAt: data?.readByAgentAt ?? null,
  };
}

/** A function to call on each keystroke: tells the team the visitor is typing, at most every 2.5 s. */
export function useTypingReporter(controller: MessengerController, conversationId: string | null): () => void {
  const lastReport = useRef(0);
  return () => {
    const now = Date.now();
    if (!conversationId || now - lastReport.current < TYPING_REPORT_MS) return;
    lastReport.current = now;
    controller
      .mutate(backend.conversationActivity.setVisitorTyping, { conversationId, typing: true })
      .catch((error: unknown) => logError("could not report typing", error));
  };
}
