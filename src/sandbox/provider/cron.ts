// scaleway:containers/cron:Cron, as the bridged Terraform resource behaves. Two upstream traits
// are kept on purpose, because a program has to deal with them on the real cloud too:
//   - `args` is read back as the API's JSON object re-encoded by Go (keys sorted, no spaces), so
//     a non-canonical args string shows a change on every run;
//   - a changed `containerId` is an update that never reaches the API (the upstream update only
//     sends schedule, args and name), so the cron stays on the old container unless the program
//     asks for replacement (replaceOnChanges: ['containerId']).
import { CronExpressionParser } from 'cron-parser';
import type { CronRecord } from '../store.js';
import { bridged } from './api-errors.js';
import { autoName, checkRegion, checkRequired, Failures, known } from './checks.js';
import { changedInputs, type DiffSpec } from './diff.js';
import { isNotFound, parseRegionalId, regionalId, type ResourceContext, type SandboxResourceType } from './resource.js';
import { compact, goJson, reveal, str, type Props } from './wire.js';

const SPEC: DiffSpec = {
  inputs: ['containerId', 'schedule', 'args', 'name', 'region'],
  computed: ['name', 'region'],
  replaces: ['region'],
};

const DESCRIPTORS = ['@yearly', '@annually', '@monthly', '@weekly', '@daily', '@midnight', '@hourly'];

export function cronType(context: ResourceContext): SandboxResourceType {
  const { api, defaults } = context;

  const outputs = (record: CronRecord): Props =>
    compact({
      containerId: regionalId(record.region, record.containerId),
      schedule: record.schedule,
      args: goJson(record.args),
      name: record.name,
      region: record.region,
      status: record.status,
    });

  return {
    check(resourceName, olds, news) {
      const failures = new Failures();
      checkRequired(failures, news, 'containerId');
      checkRequired(failures, news, 'schedule');
      checkRequired(failures, news, 'args');
      checkRegion(failures, news);
      if (known(news.schedule)) {
        const problem = scheduleProblem(String(reveal(news.schedule)));
        if (problem) failures.add('schedule', problem);
      }
      return { inputs: autoName(news, olds, resourceName), failures: failures.list };
    },

    diffSpec: SPEC,

    async create(inputs) {
      try {
        const region = str(inputs.region) ?? defaults.region;
        const record = await api.createCron({
          region,
          containerId: parseRegionalId(str(reveal(inputs.containerId)) ?? '', region).id,
          name: str(inputs.name) ?? '',
          schedule: str(reveal(inputs.schedule)) ?? '',
          args: decodeArgs(reveal(inputs.args)),
        });
        return { id: regionalId(region, record.id), outs: outputs(record) };
      } catch (error) {
        throw bridged(undefined, error);
      }
    },

    async read(id) {
      const where = parseRegionalId(id, defaults.region);
      try {
        return { id, props: outputs(await api.getCron(where.region, where.id, 'read')) };
      } catch (error) {
        if (isNotFound(error)) return { id: '' };
        throw bridged(undefined, error);
      }
    },

    async update(id, olds, news) {
      const where = parseRegionalId(id, defaults.region);
      try {
        const changed = changedInputs(SPEC, olds, news);
        const patch = compact({
          schedule: changed.includes('schedule') ? String(reveal(news.schedule)) : undefined,
          args: changed.includes('args') ? decodeArgs(reveal(news.args)) : undefined,
          name: changed.includes('name') ? String(news.name) : undefined,
        }) as Partial<Pick<CronRecord, 'schedule' | 'args' | 'name'>>;
        const record = Object.keys(patch).length > 0 ? await api.updateCron(where.region, where.id, patch) : await api.getCron(where.region, where.id);
        return outputs(record);
      } catch (error) {
        throw bridged(undefined, error);
      }
    },

    async delete(id) {
      const where = parseRegionalId(id, defaults.region);
      try {
        await api.deleteCron(where.region, where.id);
      } catch (error) {
        if (!isNotFound(error)) throw bridged(undefined, error);
      }
    },
  };
}

/** The provider's `scw.DecodeJSONObject`: args must be a JSON object. */
function decodeArgs(value: unknown): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(String(value));
  } catch (error) {
    throw new Error(`invalid cron args: ${(error as Error).message}`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new Error(`invalid cron args: json: cannot unmarshal ${Array.isArray(parsed) ? 'array' : typeof parsed} into Go value of type map[string]interface {}`);
  }
  return parsed as Record<string, unknown>;
}

/** Standard 5-field cron or an @-descriptor, as the provider's ValidateCronExpression accepts. */
function scheduleProblem(schedule: string): string | undefined {
  const text = schedule.trim();
  if (text.startsWith('@')) return DESCRIPTORS.includes(text) ? undefined : `cron schedule "${schedule}" is not valid: unrecognized descriptor ${text}`;
  const fields = text.split(/\s+/);
  if (fields.length !== 5) return `cron schedule "${schedule}" is not valid: expected exactly 5 fields, found ${fields.length}`;
  try {
    CronExpressionParser.parse(text, { tz: 'UTC' });
    return undefined;
  } catch (error) {
    return `cron schedule "${schedule}" is not valid: ${(error as Error).message}`;
  }
}
