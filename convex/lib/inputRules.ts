import { invalidArgument } from "./errors";
import type { Attributes, CompanyInput } from "./validators";
import { MESSAGE_MAX_LENGTH } from "../../core/messages/text";
import { markdownToPlainText } from "../../core/markdown/plain-text";

/**
 * Limits on what visitors may send. Validators in function definitions check
 * types; these check sizes and shapes, throwing INVALID_ARGUMENT naming the field.
 */

/** One limit for both sides: the composer and the backend read the same constant. */
export const MESSAGE_BODY_MAX = MESSAGE_MAX_LENGTH;
export const EVENT_NAME_MAX = 100;
export const PREVIEW_MAX = 140;
const ID_MAX = 128;
const USER_FIELD_MAX = 255;
const EMAIL_MAX = 320;
const URL_MAX = 2048;
const ATTRIBUTES_MAX_KEYS = 50;
const ATTRIBUTE_KEY_MAX = 100;
const ATTRIBUTE_STRING_MAX = 1000;

/** Trims and checks a message body: 1..5000 characters after trimming. */
export function normalizeMessageBody(body: string, field = "body"): string {
  const trimmed = body.trim();
  if (trimmed.length === 0) throw invalidArgument(field, "Message must not be empty.");
  if (trimmed.length > MESSAGE_BODY_MAX) {
    throw invalidArgument(field, `Message must be at most ${MESSAGE_BODY_MAX} characters.`);
  }
  return trimmed;
}

export function normalizeEventName(name: string): string {
  const trimmed = name.trim();
  if (trimmed.length === 0 || trimmed.length > EVENT_NAME_MAX) {
    throw invalidArgument("name", `Event name must be 1 to ${EVENT_NAME_MAX} characters.`);
  }
  return trimmed;
}

/** Ids chosen by the client (sessionId, clientMessageId): printable, bounded. */
export function checkClientId(value: string, field: string): string {
  if (value.length === 0 || value.length > ID_MAX || !/^[\x21-\x7e]+$/.test(value)) {
    throw invalidArgument(field, `${field} must be 1 to ${ID_MAX} printable ASCII characters.`);
  }
  return value;
}

export function checkLength(value: string | undefined, field: string, max: number): void {
  if (value !== undefined && value.length > max) {
    throw invalidArgument(field, `${field} must be at most ${max} characters.`);
  }
}

export function checkUrl(value: string | undefined, field: string): void {
  checkLength(value, field, URL_MAX);
}

export function checkUserFields(user: { userId?: string; email?: string; name?: string; company?: CompanyInput }): void {
  checkLength(user.userId, "user.userId", USER_FIELD_MAX);
  checkLength(user.email, "user.email", EMAIL_MAX);
  checkLength(user.name, "user.name", USER_FIELD_MAX);
  if (user.userId !== undefined && user.userId.trim() === "") {
    throw invalidArgument("user.userId", "user.userId must not be blank.");
  }
  checkCompany(user.company, "user.company");
}

const DEVICE_FIELD_MAX = 64;

/** What boot says of the browser: short labels, each named when too long. */
export function checkDevice(device: { browser: string; os: string; deviceType: string; locale?: string; timeZone?: string } | undefined): void {
  if (device === undefined) return;
  for (const field of ["browser", "os", "deviceType", "locale", "timeZone"] as const) checkLength(device[field], `device.${field}`, DEVICE_FIELD_MAX);
}

const COMPANY_LABEL_MAX = 100;
const COMPANY_SIZE_MAX = 10_000_000;

/** A user's company: the host's id and what it says of the company, each field named when refused. */
export function checkCompany(company: CompanyInput | undefined, field: string): void {
  if (company === undefined) return;
  if (company.id.trim() === "") throw invalidArgument(`${field}.id`, `${field}.id must not be blank.`);
  checkLength(company.id, `${field}.id`, USER_FIELD_MAX);
  checkLength(company.name, `${field}.name`, USER_FIELD_MAX);
  checkLength(company.plan, `${field}.plan`, COMPANY_LABEL_MAX);
  checkLength(company.industry, `${field}.industry`, COMPANY_LABEL_MAX);
  checkUrl(company.website, `${field}.website`);
  if (company.website !== undefined && !/^https?:\/\/[^\s/]+/i.test(company.website)) {
    throw invalidArgument(`${field}.website`, `${field}.website must be an http(s) URL.`);
  }
  if (company.size !== undefined && !(Number.isInteger(company.size) && company.size >= 0 && company.size <= COMPANY_SIZE_MAX)) {
    throw invalidArgument(`${field}.size`, `${field}.size must be a whole number from 0 to ${COMPANY_SIZE_MAX}.`);
  }
  checkAttributes(company.customAttributes, `${field}.customAttributes`);
}

export function checkAttributes(attributes: Attributes | undefined, field: string): void {
  if (attributes === undefined) return;
  const entries = Object.entries(attributes);
  if (entries.length > ATTRIBUTES_MAX_KEYS) {
    throw invalidArgument(field, `${field} may hold at most ${ATTRIBUTES_MAX_KEYS} keys.`);
  }
  for (const [key, value] of entries) {
    if (key.length > ATTRIBUTE_KEY_MAX) throw invalidArgument(field, `Key too long: ${key.slice(0, 20)}…`);
    if (typeof value === "string" && value.length > ATTRIBUTE_STRING_MAX) {
      throw invalidArgument(field, `Value of ${key} is longer than ${ATTRIBUTE_STRING_MAX} characters.`);
    }
  }
}

/**
 * One line of the newest message, for conversation lists and rating prompts: its text as
 * a reader sees it (the widget's own markdown parser, markup gone), cut at a word.
 */
export function messagePreview(body: string): string {
  const oneLine = markdownToPlainText(body);
  if (oneLine.length <= PREVIEW_MAX) return oneLine;
  const cut = oneLine.slice(0, PREVIEW_MAX - 1);
  const lastSpace = cut.lastIndexOf(" ");
  return (lastSpace > PREVIEW_MAX / 2 ? cut.slice(0, lastSpace) : cut).trimEnd() + "…";
}
