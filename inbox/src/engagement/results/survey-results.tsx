import type { QuestionResults } from "../../../../convex/lib/engagementResultViews";
import { BarChart } from "./bar-chart";
import { NpsBreakdown } from "./nps-breakdown";

function QuestionView({ question, number }: { question: QuestionResults; number: number }) {
  const heading = `Question ${number}: ${question.title}`;
  const isText = question.questionType === "short_text" || question.questionType === "long_text";
  return (
    <section class="result-question" aria-label={heading}>
      <h3>{heading}</h3>
      <p class="muted">{question.answered} answered</p>
      {question.nps !== null && <NpsBreakdown title={`NPS for question ${number}`} nps={question.nps} />}
      {!isText && (
        <BarChart
          title={`Answers to question ${number}`}
          of={question.answered}
          valueLabel="Answers"
          bars={question.distribution.map((entry) => ({ label: entry.value, value: entry.count }))}
        />
      )}
      {isText &&
        (question.texts.length === 0 ? (
          <p class="empty">No answers yet.</p>
        ) : (
          <ul class="text-answers" aria-label={`Newest answers to question ${number}`}>
            {question.texts.map((entry, index) => (
              <li key={`${entry.createdAt}-${index}`}>
                <q>{entry.text}</q> <time dateTime={new Date(entry.createdAt).toISOString()}>{new Date(entry.createdAt).toLocaleString()}</time>
              </li>
            ))}
          </ul>
        ))}
    </section>
  );
}

/** Every question of a survey: distributions, NPS, the newest free-text answers. */
export function SurveyQuestions({ questions }: { questions: readonly QuestionResults[] }) {
  return (
    <>
      {questions.map((question, index) => (
        <QuestionView key={question.id} question={question} number={index + 1} />
      ))}
    </>
  );
}
