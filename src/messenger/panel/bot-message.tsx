import { createContext } from "preact";
import { useContext, useEffect, useState } from "preact/hooks";
import { logError } from "../../sdk/log";
import type { DisplayMessage } from "../merge";
import { MessageBody } from "./message-body";

/** What a bot message may do: pick a choice (server-side), adopt the chunk's stylesheet. */
export interface BotActions {
  choose(
    messageId: string,
    buttonIndex: number,
    elementIndex?: number,
  ): Promise<void>;
  addStyles(css: string): void;
}

export const BotActionsContext = createContext<BotActions | null>(null);

type BotReplyModule = typeof import("./bot-reply/index");
let loading: Promise<BotReplyModule> | null = null;
let loaded: BotReplyModule | null = null;

/**
 * The rich-reply renderer (quick replies, cards, buttons, webviews) is its own
 * chunk, fetched the first time a bot message shows: most conversations never
 * meet a bot, and opening the messenger should not pay for it.
 */
function loadBotReply(
  addStyles: (css: string) => void,
): Promise<BotReplyModule> {
  loading ??= import("./bot-reply/index").then((module) => {
    addStyles(module.CSS);
    return (loaded = module);
  });
  return loading;
}

/** A bot's message: its plain summary at once, the rich rendering once the chunk is in. */
export function BotMessage({
  message,
}: {
  message: DisplayMessage & { bot: NonNullable<DisplayMessage["bot"]> };
}) {
  const actions = useContext(BotActionsContext);
  const [module, setModule] = useState<BotReplyModule | null>(loaded);
  useEffect(() => {
    if (module || !actions) return;
    let current = true;
    loadBotReply(actions.addStyles).then(
      (m) => current && setModule(m),
      (error: unknown) => logError("could not load the bot reply view", error),
    );
    return () => void (current = false);
  }, [module, actions]);
  if (module && actions)
    return <module.BotReply bot={message.bot} actions={actions} />;
  return <MessageBody body={message.body} class="oc-delivered" />;
}
