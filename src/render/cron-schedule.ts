// The next runs of each cron trigger, in the time zone the platform runs them in (Europe/Paris,
// see CRON_TIME_ZONE), with the UTC time beside, so that a preview shows when a schedule
// really fires, not only its expression.
import { CronExpressionParser } from 'cron-parser';
import { CRON_TIME_ZONE } from '../validation/defaults.js';
import type { CronTrigger } from '../validation/spec-types.js';

export function nextCronRuns(schedule: string, count: number, from: Date, timeZone: string = CRON_TIME_ZONE): Date[] {
  const expression = CronExpressionParser.parse(schedule, { tz: timeZone, currentDate: from });
  return expression.take(count).map((d) => new Date(d.getTime()));
}

/** `2026-11-28 03:00` in UTC. */
export function formatUtc(date: Date): string {
  return date.toISOString().slice(0, 16).replace('T', ' ');
}

/** `2026-11-28 04:00` in `timeZone`. */
export function formatInZone(date: Date, timeZone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(date)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}

/** `2026-11-28 04:00 (03:00 UTC)`. */
function formatRun(date: Date): string {
  return `${formatInZone(date, CRON_TIME_ZONE)} (${formatUtc(date).slice(11)} UTC)`;
}

/** Lines listing each trigger with its next runs; nothing when the manifest has none. */
export function renderCronSchedules(triggers: readonly CronTrigger[], from: Date, count = 3): string[] {
  if (triggers.length === 0) return [];
  const lines = [`  cron triggers, next runs (${CRON_TIME_ZONE} time, as the platform runs them):`];
  triggers.forEach((trigger, index) => {
    const name = trigger.name ?? `#${index}`;
    let runs: string;
    try {
      runs = nextCronRuns(trigger.schedule, count, from).map(formatRun).join(', ');
    } catch {
      // Validation has already checked the schedule; this only guards the display.
      runs = '(schedule not understood)';
    }
    lines.push(`    ${name} "${trigger.schedule}": ${runs}`);
  });
  return lines;
}
