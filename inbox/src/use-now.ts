import { useEffect, useState } from "preact/hooks";

/** The page's clock, ticking every second: countdowns redraw from it with no server call. */
export function useNow(intervalMillis = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMillis);
    return () => clearInterval(timer);
  }, [intervalMillis]);
  return now;
}
