import { defineApp } from "convex/server";
import rateLimiter from "@convex-dev/rate-limiter/convex.config.js";

/** Components the app installs. Limits themselves are defined in model/rateLimits.ts. */
const app = defineApp();
app.use(rateLimiter);

export default app;
