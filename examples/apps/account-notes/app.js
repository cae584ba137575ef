// Keeps the team's notes on each customer company, on the app's own origin (its own
// storage, out of the inbox's reach), keyed by the company id the Contacts screen sends.
import { connect } from "../shared/inbox.js";

const inbox = connect("Account notes");
const $ = (id) => document.getElementById(id);
let companyId = null;

// A browser that blocks storage in third-party frames still gets notes for this visit.
const memory = new Map();
const storageKey = (id) => `account-notes:${id}`;
function readNotes(id) {
  try {
    return localStorage.getItem(storageKey(id)) ?? memory.get(id) ?? "";
  } catch {
    return memory.get(id) ?? "";
  }
}
function writeNotes(id, text) {
  memory.set(id, text);
  try {
    localStorage.setItem(storageKey(id), text);
    return "Saved on this device.";
  } catch {
    return "Saved until this page closes (this browser keeps no storage for framed apps).";
  }
}

inbox.on("contacts:companySelected", (payload) => {
  companyId = payload.companyId;
  $("company").textContent = `Company ${companyId}`;
  $("notes").disabled = false;
  $("notes").value = readNotes(companyId);
  $("status").textContent = "";
});

$("notes").addEventListener("input", () => {
  if (companyId === null) return;
  $("status").textContent = writeNotes(companyId, $("notes").value);
});
