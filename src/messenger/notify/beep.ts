/**
 * A short two-tone chime made with Web Audio (no sound file to fetch). Browsers only let a
 * page start audio after a user gesture, so the AudioContext is created on the visitor's
 * first click or key press; before that, play() is silent.
 */
export function createBeeper(win: Window & typeof globalThis) {
  let context: AudioContext | null = null;
  const unlock = () => {
    try {
      context ??= new win.AudioContext();
      void context.resume();
    } catch {
      context = null; // no Web Audio: stay silent
    }
  };
  const gestures = ["pointerdown", "keydown"] as const;
  for (const type of gestures) win.addEventListener(type, unlock, { once: true, capture: true });

  return {
    play(): void {
      if (!context || context.state !== "running") return;
      const start = context.currentTime;
      for (const [offset, frequency] of [[0, 880], [0.12, 1320]] as const) {
        const oscillator = context.createOscillator();
        const gain = context.createGain();
        oscillator.frequency.value = frequency;
        gain.gain.setValueAtTime(0.0001, start + offset);
        gain.gain.exponentialRampToValueAtTime(0.12, start + offset + 0.02);
        gain.gain.exponentialRampToValueAtTime(0.0001, start + offset + 0.18);
        oscillator.connect(gain).connect(context.destination);
        oscillator.start(start + offset);
        oscillator.stop(start + offset + 0.2);
      }
    },
    close(): void {
      for (const type of gestures) win.removeEventListener(type, unlock, { capture: true });
      void context?.close().catch(() => {});
      context = null;
    },
  };
}
