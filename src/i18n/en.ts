import { ENGLISH_LAUNCHER } from "./launcher";
import { formatNumber, plural } from "./plural";

/**
 * English: the messenger's every string.
 * It is the reference: other locales implement `Messages`, and tests check they have
 * every key. Functions take what varies; numbers and plurals go through Intl.
 */
const en = {
  /** The launcher's names and the flashing page title (also needed before the panel loads). */
  launcher: ENGLISH_LAUNCHER,
  hideMessenger: "Hide messenger",
  messenger: "Messenger",
  sections: "Messenger sections",
  tabs: { home: "Home", messages: "Messages", help: "Help", tours: "Tours", tasks: "Tasks", tickets: "Tickets" },
  loading: "Loading…",
  tryAgain: "Try again",
  back: "Back",
  failed: "Something went wrong loading this.",
  connecting: "Connecting…",
  reconnecting: "Reconnecting… your messages will be sent once you're back online.",

  // Messages
  yourConversations: "Your conversations",
  newConversation: "New conversation",
  noConversations: "No conversations yet. Ask us anything: we're happy to help.",
  conversationsFailed: "We couldn't load your conversations.",
  messagesFailed: "We couldn't load this conversation.",
  backToConversations: "Back to conversations",
  downloadTranscript: "Download transcript",
  conversationLog: "Conversation",
  startHint: "Send a message to start the conversation.",
  you: "You",
  bot: "Bot",
  today: "Today",
  yesterday: "Yesterday",
  justNow: "now",
  sending: "Sending…",
  notDelivered: "Not delivered.",
  retry: "Retry",
  seen: "Seen",
  typing: (name: string | null) => (name ? `${name} is typing…` : "The team is typing…"),

  // Composer
  message: "Message",
  send: "Send",
  placeholder: "Write a message…",
  emptyMessage: "Write something before sending.",
  tooLong: (max: number) => `That message is too long. Please keep it under ${formatNumber("en", max)} characters.`,
  characterCount: (count: number, max: number) => `${formatNumber("en", count)} / ${formatNumber("en", max)}`,
  sendingTooFast: "Sending too fast",
  retryingIn: (seconds: number) => ` — retrying in ${seconds} s`,
  retryingSoon: "; your messages will be sent automatically in a moment.",
  attach: "Attach files",
  emoji: {
    open: "Insert emoji",
    dialog: "Emoji",
    search: "Search emoji",
    results: "Search results",
    none: "No emoji found.",
    groups: { smileys: "Smileys & emotion", people: "People & body", nature: "Animals & nature", food: "Food & drink", travel: "Travel & places", activities: "Activities", objects: "Objects", symbols: "Symbols", flags: "Flags" },
  },
  attachments: "Attachments",
  dropFiles: "Drop files to attach them",
  removeFile: (name: string) => `Remove ${name}`,
  uploading: "Uploading…",
  uploadFailed: (name: string) => `${name} could not be uploaded. Remove it and try again.`,
  fileTooBig: (name: string, limit: string) => `${name} is larger than ${limit}.`,
  fileType: (name: string) => `${name} can't be attached: use images (PNG, JPEG, GIF, WebP), PDF or text files.`,
  tooManyFiles: (max: number) => `You can attach up to ${max} files to a message.`,
  openFile: (name: string) => `Open ${name}`,

  // Availability and email capture
  online: "We're online",
  away: "We're away",
  replyTime: { minutes: "Typically replies in a few minutes", hours: "Typically replies in a few hours", day: "Typically replies in a day" },
  backAt: (when: string) => `Back ${when}`,
  emailPrompt: "Leave your email and we'll reply there if you've gone by then.",
  emailLabel: "Email",
  emailSave: "Notify me",
  emailSkip: "No thanks",
  emailInvalid: "Enter an email address such as name@example.com.",
  emailSaved: (email: string) => `Thanks! We'll reply to ${email}.`,

  // Home
  recentConversation: "Recent conversation",
  sendUsAMessage: "Send us a message",
  team: "Our team",
  searchForHelp: "Search for help",

  // Help
  searchArticles: "Search articles",
  searchPlaceholder: "Search for help…",
  searchResults: (count: number) => plural("en", count, { one: "# article found", other: "# articles found" }),
  noResults: "No articles match your search.",
  articleCount: (count: number) => plural("en", count, { one: "# article", other: "# articles" }),
  noArticles: "There are no articles yet.",
  articleFailed: "We couldn't load this article.",
  articleMissing: "This article does not exist, or is no longer published.",
  updatedOn: (date: string) => `Updated ${date}`,

  // Tours
  toursIntro: "Take a guided tour of this page.",
  noTours: "There are no tours on this page.",
  startTour: "Start tour",
  restartTour: "Take again",
  tourStatus: { new: "New", in_progress: "In progress", completed: "Completed" },

  // Tasks
  tasksIntro: "Your checklists and how far you've got.",
  noTasks: "You have no tasks right now.",
  taskProgress: (done: number, total: number) => `${formatNumber("en", done)} of ${formatNumber("en", total)} done`,
  openChecklist: (name: string) => `Open ${name}`,
  taskDone: "Done",
  taskTodo: "To do",

  // Tickets
  yourTickets: "Your tickets",
  newTicket: "New ticket",
  noTickets: "You haven't opened any tickets.",
  ticketSubject: "Subject",
  submitTicket: "Submit ticket",
  submitting: "Submitting…",
  required: "required",
  fieldRequired: (label: string) => `${label} is required.`,
  chooseOption: "Choose…",
  ticketCode: (code: string) => `Ticket ${code}`,
  ticketState: { submitted: "Submitted", in_progress: "In progress", waiting_on_customer: "Waiting on you", resolved: "Resolved", cancelled: "Cancelled" },
  ticketHistory: "History",
  ticketDetails: "Details",
  ticketReplies: "Conversation",
  ticketYou: "You",
  ticketTeam: "Support team",
  ticketReply: "Your reply",
  sendTicketReply: "Send reply",
  ticketReplyFailed: "Your reply could not be sent.",
  ticketFailed: "Your ticket could not be submitted.",
  backToTickets: "Back to tickets",
  bots: {
    talkToPerson: "Talk to a person",
    typing: "The bot is typing…",
    cards: "Cards",
    card: (index: number, count: number) => `${index} of ${count}`,
    previousCard: "Previous card",
    nextCard: "Next card",
    quickReplies: "Quick replies",
    closeWebview: "Close",
    opensInNewTab: "(opens in a new tab)",
    call: (number: string) => `Call ${number}`,
  },
};

export type Messages = typeof en;
export const messages: Messages = en;
