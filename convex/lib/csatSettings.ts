import { invalidArgument } from "./errors";

/**
 * The CSAT prompt's settings and their rules. Custom texts are optional: left
 * empty, the widget uses its own words in the visitor's language, which a single
 * custom text cannot offer.
 */

export type CsatSettings = {
  enabled: boolean;
  question: string;
  commentPrompt: string;
  offerForDays: number;
};

export const CSAT_TEXT_MAX = 200;
export const CSAT_OFFER_DAYS_MAX = 30;

export const CSAT_DEFAULTS: CsatSettings = { enabled: true, question: "", commentPrompt: "", offerForDays: 7 };

/** The settings as stored: texts trimmed; INVALID_ARGUMENT naming the first bad field. */
export function checkCsatSettings(input: CsatSettings): CsatSettings {
  const question = input.question.trim();
  const commentPrompt = input.commentPrompt.trim();
  if (question.length > CSAT_TEXT_MAX) throw invalidArgument("question", `The question must be at most ${CSAT_TEXT_MAX} characters.`);
  if (commentPrompt.length > CSAT_TEXT_MAX) {
    throw invalidArgument("commentPrompt", `The comment prompt must be at most ${CSAT_TEXT_MAX} characters.`);
  }
  const days = input.offerForDays;
  if (!Number.isInteger(days) || days < 1 || days > CSAT_OFFER_DAYS_MAX) {
    throw invalidArgument("offerForDays", `Offer the rating for a whole number of days from 1 to ${CSAT_OFFER_DAYS_MAX}.`);
  }
  return { enabled: input.enabled, question, commentPrompt, offerForDays: days };
}
