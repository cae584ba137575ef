import type {
  ChecklistResults,
  EngagementResults,
  OutboundResults,
  SurveyResults,
  TooltipResults,
  TourResults,
} from "../../../../convex/lib/engagementResultViews";
import { BarChart } from "./bar-chart";
import { SurveyQuestions } from "./survey-results";

/** Headline numbers, read before the charts. */
function Totals({ rows }: { rows: Array<[string, number]> }) {
  return (
    <dl class="result-totals">
      {rows.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function TourView({ results }: { results: TourResults }) {
  const { funnel } = results;
  return (
    <>
      <Totals rows={[["Viewed", funnel.viewed], ["Started", funnel.started], ["Completed", funnel.completed], ["Dismissed", results.dismissed]]} />
      <BarChart
        title="Tour funnel: visitors"
        of={funnel.viewed}
        valueLabel="Visitors"
        bars={[{ label: "Viewed", value: funnel.viewed }, { label: "Started", value: funnel.started }, { label: "Completed", value: funnel.completed }]}
      />
      <BarChart
        title="Visitors who reached each step"
        of={funnel.viewed}
        valueLabel="Visitors"
        bars={results.steps.map((step) => ({ label: `${step.index + 1}. ${step.title}`, value: step.reached }))}
      />
    </>
  );
}

function TooltipView({ results }: { results: TooltipResults }) {
  return (
    <>
      <Totals rows={[["Visitors shown", results.shown], ["Times opened", results.opened], ["Dismissed", results.dismissed]]} />
      <BarChart title="Tooltip: visitors" bars={[{ label: "Shown", value: results.shown }, { label: "Dismissed", value: results.dismissed }]} of={results.shown} valueLabel="Visitors" />
    </>
  );
}

function OutboundView({ results }: { results: OutboundResults }) {
  return (
    <>
      <Totals rows={[["Shown", results.shown], ["Clicked", results.clicked], ["Replies", results.replies], ["Dismissed", results.dismissed]]} />
      <BarChart title="Message: visitors" of={results.shown} valueLabel="Visitors" bars={[{ label: "Shown", value: results.shown }, { label: "Clicked", value: results.clicked }, { label: "Dismissed", value: results.dismissed }]} />
      {results.buttons.length > 0 && (
        <BarChart title="Clicks per button" valueLabel="Clicks" bars={results.buttons.map((button) => ({ label: button.label, value: button.clicks }))} />
      )}
    </>
  );
}

function ChecklistView({ results }: { results: ChecklistResults }) {
  return (
    <>
      <Totals rows={[["Visitors who started", results.visitors], ["Completed every task", results.completed]]} />
      <BarChart title="Visitors who completed each task" of={results.visitors} valueLabel="Visitors" bars={results.tasks.map((task) => ({ label: task.title, value: task.completed }))} />
    </>
  );
}

function SurveyView({ results }: { results: SurveyResults }) {
  return (
    <>
      <Totals rows={[["Shown", results.shown], ["Started", results.started], ["Responses", results.completed], ["Dismissed", results.dismissed]]} />
      <SurveyQuestions questions={results.questions} />
    </>
  );
}

/** One item's results, by its kind. */
export function ItemResults({ results }: { results: EngagementResults }) {
  switch (results.type) {
    case "tour":
      return <TourView results={results} />;
    case "tooltip":
      return <TooltipView results={results} />;
    case "outbound":
      return <OutboundView results={results} />;
    case "checklist":
      return <ChecklistView results={results} />;
    case "survey":
      return <SurveyView results={results} />;
  }
}

