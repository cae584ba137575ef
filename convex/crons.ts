import { cronJobs } from "convex/server";
import { internal } from "./_generated/api";

const crons = cronJobs();

crons.interval("purge expired widget sessions", { hours: 1 }, internal.widgetSessions.purgeExpired, {});

crons.interval("sweep expired upload grants and unsaved files", { hours: 1 }, internal.attachments.sweepExpired, {});

// Outgoing calls: attempts lost in flight retry; settled deliveries are kept 30 days.
crons.interval("sweep lost outgoing attempts", { minutes: 5 }, internal.outgoing.maintenance.sweepLost, {});
crons.interval("purge settled outgoing deliveries", { hours: 24 }, internal.outgoing.maintenance.purgeSettled, {});

export default crons;
