import { cronJobs } from "convex/server";
import { internal } from "./_generated/api";

const crons = cronJobs();

crons.interval("purge expired widget sessions", { hours: 1 }, internal.widgetSessions.purgeExpired, {});

crons.interval("sweep expired upload grants and unsaved files", { hours: 1 }, internal.attachments.sweepExpired, {});

export default crons;
