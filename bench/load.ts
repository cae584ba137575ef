// Many visitors at once, each sending a short conversation: are any messages lost or stored
// twice? Every visitor boots, then sends MESSAGES messages in order (the first opens its
// conversation), as fast as the rate limit allows (5 at once, then 1 a second; a RATE_LIMITED
// answer is waited out and the same message retried). Every third message is sent a second
// time with the same clientMessageId, as the widget's outbox does when a response is lost:
// the backend must store it once. Afterwards each visitor reads its conversation back.
import { BenchVisitor } from "./visitor";

export interface LoadFigures {
  visitors: number;
  messagesPerVisitor: number;
  sent: number;
  stored: number;
  lost: number;
  duplicated: number;
  /** Sends answered RATE_LIMITED and retried after the wait it asked for. */
  rateLimitedRetries: number;
  failedVisitors: number;
  seconds: number;
}

export async function measureLoad(convexUrl: string, workspaceId: string, visitors: number, messages: number): Promise<LoadFigures> {
  const started = performance.now();
  const results = await Promise.allSettled(Array.from({ length: visitors }, (_, v) => oneVisitor(convexUrl, workspaceId, v, messages)));
  const figures: LoadFigures = { visitors, messagesPerVisitor: messages, sent: 0, stored: 0, lost: 0, duplicated: 0, rateLimitedRetries: 0, failedVisitors: 0, seconds: 0 };
  for (const result of results) {
    if (result.status === "rejected") {
      figures.failedVisitors += 1;
      figures.lost += messages;
      continue;
    }
    const { expected, stored, retries } = result.value;
    figures.sent += expected.length;
    figures.stored += stored.length;
    figures.rateLimitedRetries += retries;
    const counts = new Map<string, number>();
    for (const id of stored) counts.set(id, (counts.get(id) ?? 0) + 1);
    for (const id of expected) if (!counts.has(id)) figures.lost += 1;
    for (const count of counts.values()) figures.duplicated += Math.max(0, count - 1);
  }
  figures.seconds = (performance.now() - started) / 1000;
  return figures;
}

async function oneVisitor(convexUrl: string, workspaceId: string, v: number, messages: number) {
  const visitor = await BenchVisitor.boot(convexUrl, workspaceId);
  try {
    const expected: string[] = [];
    let conversationId: string | undefined;
    let retries = 0;
    for (let m = 0; m < messages; m++) {
      const clientMessageId = `load-${v}-${m}`;
      const result = await visitor.send(`Message ${m + 1} of visitor ${v}`, clientMessageId, conversationId);
      conversationId = result.conversationId;
      retries += result.attempts - 1;
      if (m % 3 === 2) await visitor.send(`Message ${m + 1} of visitor ${v}`, clientMessageId, conversationId);
      expected.push(clientMessageId);
    }
    const stored = (await visitor.messages(conversationId!)).filter((message) => message.senderType === "visitor").map((message) => message.clientMessageId ?? "");
    return { expected, stored, retries };
  } finally {
    await visitor.close();
  }
}
