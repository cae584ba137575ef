import { Fragment } from "preact";
import { api } from "../../../convex/_generated/api";
import type { Workspace } from "../workspace";
import { useQuery } from "../use-convex";

const STATUS: Record<string, string> = {
  waiting_reply: "Waiting for the visitor's answer",
  waiting_choice: "Waiting for the visitor's choice",
  calling: "Calling its webhook",
  finished: "Story finished",
  handed_off: "Handed off to the team",
};

/** What the bot learnt before the team came in: its story, its state, why it handed off, the attributes it collected. */
export function BotRunSection({ workspace, conversationId }: { workspace: Workspace; conversationId: string }) {
  const { data: run } = useQuery(api.botSettings.runForInbox, { workspaceId: workspace.workspaceId, conversationId });
  if (!run) return null;
  const attributes = Object.entries(run.attributes);
  return (
    <section aria-labelledby="bot-run-heading">
      <h3 id="bot-run-heading">Bot</h3>
      <dl>
        <dt>Story</dt>
        <dd>{run.storyName}</dd>
        <dt>State</dt>
        <dd>{STATUS[run.status] ?? run.status}</dd>
        {run.handoffReason !== null && (
          <>
            <dt>Why it handed off</dt>
            <dd class="wrap">{run.handoffReason}</dd>
          </>
        )}
      </dl>
      <h4>Bot attributes</h4>
      {attributes.length === 0 ? (
        <p class="muted">None.</p>
      ) : (
        <dl aria-label="Bot attributes">
          {attributes.map(([key, value]) => (
            <Fragment key={key}>
              <dt>{key}</dt>
              <dd class="wrap">{value}</dd>
            </Fragment>
          ))}
        </dl>
      )}
    </section>
  );
}
