import { cronJobs } from "convex/server";
import { internal } from "./_generated/api";

const crons = cronJobs();

crons.interval("purge expired widget sessions", { hours: 1 }, internal.widgetSessions.purgeExpired, {});

export default crons;
