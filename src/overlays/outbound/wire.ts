import * as v from "valibot";
import { parseOrNull } from "../shared/wire";

const button = v.object({
  label: v.string(),
  action: v.picklist(["dismiss", "url", "open_messenger"]),
  url: v.nullable(v.string()),
});

const message = v.object({
  id: v.string(),
  type: v.picklist(["post", "chat", "banner"]),
  title: v.nullable(v.string()),
  body: v.string(),
  senderName: v.nullable(v.string()),
  buttons: v.array(button),
  bannerPosition: v.fallback(v.picklist(["top", "bottom"]), "top"),
  dismissible: v.fallback(v.boolean(), true),
});

export type OutboundMessage = v.InferOutput<typeof message>;
export type OutboundButton = v.InferOutput<typeof button>;

export function parseOutbound(value: unknown): OutboundMessage | null {
  return parseOrNull(message, value);
}
