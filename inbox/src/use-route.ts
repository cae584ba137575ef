import { useEffect, useState } from "preact/hooks";
import { parseRoute, type Route } from "./routes";

export function useRoute(win: Window = window): Route {
  const [route, setRoute] = useState(() => parseRoute(win.location.hash));
  useEffect(() => {
    const update = () => setRoute(parseRoute(win.location.hash));
    win.addEventListener("hashchange", update);
    return () => win.removeEventListener("hashchange", update);
  }, [win]);
  return route;
}
