// convex-test does not run crons, so the backend arms convex/crons.ts itself on real timers.
import { nextRunAt, type CronScheduleSpec } from "./cron-schedule";

export interface CronJobSpec {
  name: string;
  args: unknown[];
  schedule: CronScheduleSpec;
}

export class CronRunner {
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private stopped = false;

  constructor(
    private readonly run: (udfPath: string, argsJson: unknown) => Promise<void>,
    private readonly log: (line: string) => void,
  ) {}

  start(jobs: Record<string, CronJobSpec>): void {
    for (const [identifier, job] of Object.entries(jobs)) this.arm(identifier, job);
  }

  stop(): void {
    this.stopped = true;
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }

  private arm(identifier: string, job: CronJobSpec): void {
    if (this.stopped) return;
    let dueAt: number;
    try {
      dueAt = nextRunAt(job.schedule, Date.now());
    } catch (error) {
      this.log(`cron "${identifier}" has an invalid schedule and will not run: ${(error as Error).message}`);
      return;
    }
    const timer = setTimeout(() => {
      this.run(job.name, job.args[0] ?? {})
        .catch((error: unknown) => this.log(`cron "${identifier}" (${job.name}) failed: ${(error as Error).message}`))
        .finally(() => this.arm(identifier, job));
    }, dueAt - Date.now());
    timer.unref?.();
    this.timers.set(identifier, timer);
  }
}
