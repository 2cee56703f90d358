// The next runs of each cron trigger, in UTC (the platform runs schedules in UTC), so that a
// preview shows when a schedule fires, not only its expression.
import { CronExpressionParser } from 'cron-parser';
import type { CronTrigger } from '../spec/types.js';

export function nextCronRuns(schedule: string, count: number, from: Date): Date[] {
  const expression = CronExpressionParser.parse(schedule, { tz: 'UTC', currentDate: from });
  return expression.take(count).map((d) => new Date(d.getTime()));
}

/** `2026-11-28 03:00` (UTC). */
export function formatUtc(date: Date): string {
  return date.toISOString().slice(0, 16).replace('T', ' ');
}

/** Lines listing each trigger with its next runs; nothing when the manifest has none. */
export function renderCronSchedules(triggers: readonly CronTrigger[], from: Date, count = 3): string[] {
  if (triggers.length === 0) return [];
  const lines = ['  cron triggers, next runs (UTC):'];
  triggers.forEach((trigger, index) => {
    const name = trigger.name ?? `#${index}`;
    let runs: string;
    try {
      runs = nextCronRuns(trigger.schedule, count, from).map(formatUtc).join(', ');
    } catch {
      // Validation has already checked the schedule; this only guards the display.
      runs = '(schedule not understood)';
    }
    lines.push(`    ${name} "${trigger.schedule}": ${runs}`);
  });
  return lines;
}
