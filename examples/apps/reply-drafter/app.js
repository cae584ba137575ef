// Drafts a reply for the selected chat from a template and puts it in the inbox's reply
// box (fillInput), or sends it straight away (sendMessage).
import { connect, tokenClaims } from "../shared/inbox.js";

const inbox = connect("Reply drafter");
const $ = (id) => document.getElementById(id);
const operator = tokenClaims()?.email ?? "the team";
let customer = null;

const TEMPLATES = {
  greeting: (name) => `Hi ${name}, thanks for reaching out! How can I help today?`,
  shipping: (name) => `Hi ${name}, good news: your order has shipped. You'll get the tracking link by email shortly.`,
  "follow-up": (name) => `Hi ${name}, just checking in: did that solve it? Reply here if anything is still unclear.\n— ${operator}`,
};

function redraft() {
  const name = customer?.customerName || "there";
  $("draft").value = TEMPLATES[$("template").value](name);
}

inbox.on("chat:selected", (payload) => {
  customer = payload;
  $("customer").textContent = `Replying to ${payload.customerName || payload.customerId}${payload.platform ? ` (${payload.platform})` : ""}.`;
  redraft();
});
inbox.on("chat:messageSent", (payload) => {
  $("status").textContent = `A ${payload.messageType.toLowerCase()} message went to ${payload.customerId}.`;
});

$("template").addEventListener("change", redraft);

function run(action, done) {
  const text = $("draft").value;
  inbox.act(action, { text }).then(
    () => ($("status").textContent = done),
    (error) => ($("status").textContent = `Refused: ${error.message}`),
  );
}
$("fill").addEventListener("click", () => run("fillInput", "The draft is in the reply box."));
$("send").addEventListener("click", () => run("sendMessage", "Sent."));
redraft();
