import { SLA_METRIC_KEYS } from "../../../core/sla";
import type { OperatorTicketSummary } from "../../../convex/model/ticketDetails";
import { formatDuration, METRIC_LABELS, metricsAt, slaStatus } from "./sla";
import { SlaBadge } from "./sla-badge";

/** The five clocks of a ticket at the page's `now`: time counted, target, and what it says. */
export function SlaMetrics({ ticket, now }: { ticket: OperatorTicketSummary; now: number }) {
  const metrics = metricsAt(ticket, now);
  return (
    <section aria-labelledby="sla-heading" class="card">
      <h2 id="sla-heading">SLA</h2>
      <table class="sla-table">
        <thead>
          <tr><th scope="col">Clock</th><th scope="col">Counted</th><th scope="col">Target</th><th scope="col">Status</th></tr>
        </thead>
        <tbody>
          {SLA_METRIC_KEYS.map((key) => {
            const metric = metrics[key];
            return (
              <tr key={key} data-metric={key} data-breach-date={metric.breachDate}>
                <th scope="row">{METRIC_LABELS[key]}</th>
                <td>{formatDuration(metric.ticksMillis)}</td>
                <td>{metric.thresholdMillis === undefined ? "—" : formatDuration(metric.thresholdMillis)}</td>
                <td><SlaBadge status={slaStatus(metric, now)} /></td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
