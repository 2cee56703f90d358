// Cron trigger rules. Scaleway runs triggers on standard 5-field unix cron schedules (in Europe/Paris time), or the
// @-macros (../shared/reference/scaleway-containers.md, "Cron"); the schedule is checked by a real
// cron parser (cron-parser), after a stricter check of the form, because that parser also accepts
// 6-field, 4-field and Jenkins-style `H` schedules the platform does not. `args` is a string
// holding a JSON object.
import { createRequire } from 'node:module';
import type { CronExpressionParser as CronParser } from 'cron-parser';
import { DiagnosticCode } from '../core/diagnostic-codes.js';
import { code, list, record, specOf, text, type Finding, type Rule } from './finding.js';

export const CRON_MACROS: readonly string[] = ['@yearly', '@annually', '@monthly', '@weekly', '@daily', '@hourly'];
const FIELD_NAMES = ['minute', 'hour', 'day-of-month', 'month', 'day-of-week'] as const;
const MONTH_NAMES = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const DAY_NAMES = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

/** Loaded on first use only: manifests without cron triggers never pay for the parser. */
let parser: typeof CronParser | undefined;
function cronParser(): typeof CronParser {
  parser ??= (createRequire(import.meta.url)('cron-parser') as { CronExpressionParser: typeof CronParser }).CronExpressionParser;
  return parser;
}

type ScheduleProblem = { message: string; hint?: string } | undefined;

/** Schedules already checked: many manifests share a few schedules, and parsing one is not free. */
const checked = new Map<string, ScheduleProblem>();

/** Why a schedule is not one Scaleway accepts, or undefined when it is. */
export function scheduleProblem(schedule: string): ScheduleProblem {
  if (!checked.has(schedule)) checked.set(schedule, findScheduleProblem(schedule));
  return checked.get(schedule);
}

function findScheduleProblem(schedule: string): ScheduleProblem {
  const trimmed = schedule.trim();
  if (trimmed.startsWith('@')) {
    if (CRON_MACROS.includes(trimmed.toLowerCase())) return undefined;
    return { message: `${code(trimmed)} is not a cron macro Scaleway accepts`, hint: `use one of ${CRON_MACROS.join(', ')}, or 5 fields` };
  }
  const fields = trimmed.split(/\s+/).filter((field) => field.length > 0);
  if (fields.length !== 5) {
    return {
      message: `has ${fields.length} field${fields.length === 1 ? '' : 's'}; a schedule has 5: minute hour day-of-month month day-of-week`,
      ...(fields.length === 6 ? { hint: 'seconds are not supported: drop the first field' } : { hint: 'e.g. "0 * * * *" (every hour) or "@daily"' }),
    };
  }
  for (const [index, field] of fields.entries()) {
    const names = index === 3 ? MONTH_NAMES : index === 4 ? DAY_NAMES : [];
    if (!/^[0-9A-Za-z*,/-]+$/.test(field)) {
      return { message: `${FIELD_NAMES[index]} field ${code(field)} uses characters unix cron does not know (only digits, names, * , - /)` };
    }
    for (const word of field.match(/[A-Za-z]+/g) ?? []) {
      if (!names.includes(word.toLowerCase())) {
        return {
          message: `${FIELD_NAMES[index]} field ${code(field)}: ${code(word)} is not a ${names.length > 0 ? `${FIELD_NAMES[index] === 'month' ? 'month' : 'day'} name` : 'number'}`,
        };
      }
    }
  }
  try {
    cronParser().parse(`0 ${fields.join(' ')}`, { tz: 'UTC' });
    return undefined;
  } catch (error) {
    return { message: `is not a valid cron schedule: ${error instanceof Error ? error.message : String(error)}` };
  }
}

function triggers(data: unknown): { index: number; trigger: Readonly<Record<string, unknown>> }[] {
  return list(specOf(data).cronTriggers).flatMap((entry, index) => {
    const trigger = record(entry);
    return trigger ? [{ index, trigger }] : [];
  });
}

export const cronSchedulesParse: Rule = (data) =>
  triggers(data).flatMap(({ index, trigger }): Finding[] => {
    const schedule = text(trigger.schedule);
    if (schedule === undefined || schedule.length === 0) return [];
    const problem = scheduleProblem(schedule);
    if (!problem) return [];
    return [
      {
        severity: 'error',
        code: DiagnosticCode.ruleCronSchedule,
        path: ['spec', 'cronTriggers', index, 'schedule'],
        message: problem.message,
        ...(problem.hint ? { hint: problem.hint } : {}),
      },
    ];
  });

export const cronArgsAreJsonObjects: Rule = (data) =>
  triggers(data).flatMap(({ index, trigger }): Finding[] => {
    const args = text(trigger.args);
    if (args === undefined || args.length === 0) return [];
    const path = ['spec', 'cronTriggers', index, 'args'];
    let parsed: unknown;
    try {
      parsed = JSON.parse(args);
    } catch (error) {
      return [
        {
          severity: 'error',
          code: DiagnosticCode.ruleCronArgs,
          path,
          message: 'is not valid JSON',
          hint: `${error instanceof Error ? `${error.message}; ` : ''}write a JSON object in single quotes, e.g. '{"task": "sync"}'`,
        },
      ];
    }
    if (record(parsed)) return [];
    return [
      {
        severity: 'error',
        code: DiagnosticCode.ruleCronArgs,
        path,
        message: `must be a JSON object, but it holds ${Array.isArray(parsed) ? 'a JSON array' : parsed === null ? 'null' : `a JSON ${typeof parsed}`}`,
        hint: `e.g. '{"task": "sync"}'; use '{}' for no arguments`,
      },
    ];
  });

export const cronNamesUnique: Rule = (data) => {
  const firstUse = new Map<string, number>();
  const findings: Finding[] = [];
  for (const { index, trigger } of triggers(data)) {
    const name = text(trigger.name);
    if (name === undefined) continue;
    const first = firstUse.get(name);
    if (first === undefined) {
      firstUse.set(name, index);
      continue;
    }
    findings.push({
      severity: 'error',
      code: DiagnosticCode.ruleDuplicateCronName,
      path: ['spec', 'cronTriggers', index, 'name'],
      message: `${code(name)} is already the name of spec.cronTriggers[${first}]`,
      hint: 'each trigger needs its own name',
    });
  }
  return findings;
};
