import { ConvexClient, ConvexHttpClient } from "convex/browser";
import { render } from "preact";
import { App } from "./app";
import { AuthSession } from "../session";
import { convexUrlOf } from "../config";
import { Services } from "../use-convex";

const url = convexUrlOf(document);
const client = new ConvexClient(url);
const auth = new AuthSession(client, new ConvexHttpClient(url), window.localStorage, window);

render(
  <Services.Provider value={{ client, auth }}>
    <App />
  </Services.Provider>,
  document.getElementById("app")!,
);
