/** The new-message sound is a per-browser choice: kept in this browser's storage, off by default. */
const KEY = "opencom.inbox.sound";

export function soundEnabled(storage: Pick<Storage, "getItem"> = localStorage): boolean {
  try {
    return storage.getItem(KEY) === "on";
  } catch {
    return false;
  }
}

export function setSoundEnabled(on: boolean, storage: Pick<Storage, "setItem" | "removeItem"> = localStorage): void {
  try {
    if (on) storage.setItem(KEY, "on");
    else storage.removeItem(KEY);
  } catch {
    // Storage refused (private mode, quota): the choice lasts for this page only.
  }
}

let context: AudioContext | null = null;

/** A short two-note chime made on the spot: no audio file to fetch. */
export function playChime(): void {
  if (typeof AudioContext === "undefined") return;
  context ??= new AudioContext();
  const start = context.currentTime;
  for (const [index, frequency] of [880, 1320].entries()) {
    const oscillator = context.createOscillator();
    const gain = context.createGain();
    oscillator.frequency.value = frequency;
    gain.gain.setValueAtTime(0.0001, start + index * 0.12);
    gain.gain.exponentialRampToValueAtTime(0.2, start + index * 0.12 + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, start + index * 0.12 + 0.25);
    oscillator.connect(gain).connect(context.destination);
    oscillator.start(start + index * 0.12);
    oscillator.stop(start + index * 0.12 + 0.3);
  }
}
