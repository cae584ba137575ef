// The message round trip through the local backend, as a visitor and an agent live it:
//   t0  the visitor sends (messages:send over the visitor's ConvexClient WebSocket)
//   t1  the agent sees the message (polling GET /api/v1/conversations/{id}/messages back to back)
//   t2  the agent's reply (POST …/messages) reaches the visitor's live messages:list subscription
// round trip = t2 − t0, on one clock (this process). Rendering is left out: the widget renders
// a subscription update in one Preact pass. Each visitor sends one message to open its
// conversation, then SAMPLES_PER_VISITOR timed ones, staying inside the burst rate limit
// (5 at once, then 1 a second), so no sample waits on a limiter.
import { BenchAgent, BenchVisitor, type BenchMessage } from "./visitor";
import { quantile } from "./stats";

export const SAMPLES_PER_VISITOR = 4;

export interface RoundTripFigures {
  samples: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  /** t1 − t0: until the agent's REST poll returns the message. */
  agentSeesP50Ms: number;
  /** t2 − t1: the agent's reply until the visitor's subscription has it. */
  replyP50Ms: number;
}

export async function measureRoundTrip(convexUrl: string, workspaceId: string, siteUrl: string, agentKeys: string[], samples: number): Promise<RoundTripFigures> {
  const totals: number[] = [];
  const seen: number[] = [];
  const replies: number[] = [];
  const visitors = Math.ceil(samples / SAMPLES_PER_VISITOR);
  if (agentKeys.length < visitors) throw new Error(`round trip: ${visitors} visitors need as many agent keys, got ${agentKeys.length}`);

  for (let v = 0; v < visitors; v++) {
    const visitor = await BenchVisitor.boot(convexUrl, workspaceId);
    const agent = new BenchAgent(siteUrl, agentKeys[v]!);
    try {
      const { conversationId } = await visitor.send("Hello, round trip bench", `rt-${v}-open`);
      let latest: BenchMessage[] = [];
      let onChange = () => {};
      const stop = visitor.watch(conversationId, (messages) => {
        latest = messages;
        onChange();
      });
      const until = (predicate: () => boolean) =>
        new Promise<void>((done) => {
          if (predicate()) return done();
          onChange = () => predicate() && done();
        });

      for (let s = 0; s < SAMPLES_PER_VISITOR && totals.length < samples; s++) {
        const text = `round trip ${v}.${s}`;
        const replyText = `reply to ${text}`;
        const t0 = performance.now();
        const sent = visitor.send(text, `rt-${v}-${s}`, conversationId);
        while (!(await agent.messageBodies(conversationId)).includes(text)) {
          // poll again at once: the figure is how soon REST can see it
        }
        const t1 = performance.now();
        await agent.reply(conversationId, replyText);
        await until(() => latest.some((m) => m.body === replyText));
        const t2 = performance.now();
        await sent;
        totals.push(t2 - t0);
        seen.push(t1 - t0);
        replies.push(t2 - t1);
      }
      stop();
    } finally {
      await visitor.close();
    }
  }
  return {
    samples: totals.length,
    p50Ms: quantile(totals, 0.5),
    p99Ms: quantile(totals, 0.99),
    maxMs: Math.max(...totals),
    agentSeesP50Ms: quantile(seen, 0.5),
    replyP50Ms: quantile(replies, 0.5),
  };
}
