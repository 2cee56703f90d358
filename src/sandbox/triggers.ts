// /containers/v1/regions/{region}/triggers: what the provider's `scaleway_container_cron` (the
// SDK's containers.Cron) creates: a trigger of source type `cron` that calls the container.
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import type { CronExpressionParser as CronParser } from 'cron-parser';
import { beginTriggerDeletion } from './cascade.js';
import { nameProblem, nowText, type CallContext } from './context.js';
import { getContainer } from './containers.js';
import { notFound, transientState } from './api-errors.js';
import { BodyReader } from './fields.js';
import { begin, TRANSIENT } from './lifecycle.js';
import { triggerFilter } from './list-filters.js';
import type { Cloud } from './store.js';
import type { Body, TriggerWire } from './wire.js';

// cron-parser is CommonJS; loaded the way src/validation/cron-rules.ts loads it.
const { CronExpressionParser } = createRequire(import.meta.url)('cron-parser') as { CronExpressionParser: typeof CronParser };

export function createTrigger(cloud: Cloud, ctx: CallContext, body: Body): TriggerWire {
  const read = new BodyReader(body);
  const containerId = read.string('container_id');
  if (containerId === undefined || containerId === '') {
    read.problem('container_id', 'a container id is required', 'required');
    read.check();
  }
  const container = getContainer(cloud, ctx, containerId!);
  // Recorded behaviour of the platform: a trigger cannot be added while its container deploys.
  if (TRANSIENT.has(container.status)) throw transientState('container', container.id, container.status);
  const name = read.string('name') ?? '';
  const cron = read.object('cron_config');
  if (cron === undefined) read.problem('cron_config', 'only cron triggers are simulated: cron_config is required', 'required');
  const trigger: TriggerWire = {
    id: randomUUID(),
    name,
    description: read.string('description') ?? '',
    tags: read.strings('tags') ?? [],
    status: 'creating',
    container_id: container.id,
    destination_config: destination(read, { http_path: '/', http_method: 'post' }),
    source_type: 'cron',
    cron_config: cronConfig(read, cron ?? {}, { schedule: '', timezone: '', body: '', headers: {} }),
    created_at: nowText(ctx.now),
    updated_at: nowText(ctx.now),
    _region: ctx.region,
  };
  const problem = nameProblem('trigger', name);
  if (problem) read.problem('name', problem, 'format');
  read.check();
  begin(trigger, 'creating', ctx.now, ctx.transitionMs, 'ready');
  cloud.triggers[trigger.id] = trigger;
  return trigger;
}

export function getTrigger(cloud: Cloud, ctx: CallContext, id: string): TriggerWire {
  const trigger = cloud.triggers[id];
  if (!trigger || trigger._region !== ctx.region) throw notFound('trigger', id);
  return trigger;
}

export function listTriggers(cloud: Cloud, ctx: CallContext, query: URLSearchParams): TriggerWire[] {
  const wanted = triggerFilter(cloud, query);
  return Object.values(cloud.triggers).filter((t) => t._region === ctx.region && wanted(t));
}

export function updateTrigger(cloud: Cloud, ctx: CallContext, id: string, body: Body): TriggerWire {
  const trigger = getTrigger(cloud, ctx, id);
  if (TRANSIENT.has(trigger.status)) throw transientState('trigger', id, trigger.status);
  const read = new BodyReader(body);
  const next = structuredClone(trigger);
  next.name = read.string('name') ?? trigger.name;
  next.description = read.string('description') ?? trigger.description;
  next.tags = read.strings('tags') ?? trigger.tags;
  next.destination_config = destination(read, trigger.destination_config);
  const cron = read.object('cron_config');
  if (cron !== undefined) next.cron_config = cronConfig(read, cron, trigger.cron_config);
  const problem = nameProblem('trigger', next.name);
  if (problem) read.problem('name', problem, 'format');
  read.check();
  next.updated_at = nowText(ctx.now);
  // Recorded: a rename (or new tags, description) is applied at once; a new schedule, body or
  // destination makes the trigger `updating` first.
  const reconfigured = read.has('destination_config') || Object.values(cron ?? {}).some((v) => v !== null && v !== undefined);
  if (reconfigured) begin(next, 'updating', ctx.now, ctx.transitionMs, 'ready');
  cloud.triggers[id] = next;
  return next;
}

export function deleteTrigger(cloud: Cloud, ctx: CallContext, id: string): TriggerWire {
  const trigger = getTrigger(cloud, ctx, id);
  if (trigger.status === 'deleting') throw transientState('trigger', id, trigger.status);
  beginTriggerDeletion(ctx, trigger);
  return trigger;
}

function destination(read: BodyReader, current: TriggerWire['destination_config']): TriggerWire['destination_config'] {
  const sent = read.object('destination_config');
  if (sent === undefined) return current;
  const inner = new BodyReader(sent);
  return { http_path: inner.string('http_path') ?? current.http_path, http_method: inner.string('http_method') ?? current.http_method };
}

/** null fields of a PATCH keep what is there (recorded: `"cron_config":{"schedule":null,…}` on a rename). */
function cronConfig(read: BodyReader, sent: Body, current: TriggerWire['cron_config']): TriggerWire['cron_config'] {
  const inner = new BodyReader(sent);
  const next = {
    schedule: inner.string('schedule') ?? current.schedule,
    timezone: inner.string('timezone') ?? current.timezone,
    body: inner.string('body') ?? current.body,
    headers: inner.stringMap('headers') ?? current.headers,
  };
  for (const p of inner.problems) read.problem(`cron_config.${p.argument}`, p.help, p.reason);
  if (!validTimeZone(next.timezone)) read.problem('cron_config.timezone', `must be an IANA time zone such as Europe/Paris (got ${JSON.stringify(next.timezone)})`);
  else if (!validSchedule(next.schedule, next.timezone)) read.problem('cron_config.schedule', `must be a cron schedule of 5 fields (got ${JSON.stringify(next.schedule)})`);
  return next;
}

function validTimeZone(zone: string): boolean {
  if (zone === '') return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

function validSchedule(schedule: string, tz: string): boolean {
  if (!schedule.startsWith('@') && schedule.trim().split(/\s+/).length !== 5) return false;
  try {
    CronExpressionParser.parse(schedule, { tz });
    return true;
  } catch {
    return false;
  }
}
