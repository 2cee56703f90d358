// The fault campaign (issue 16): seeded trials that drive apply, replace and destroy of one stack
// through random fault schedules of the local API (every kind OPENMCF_SANDBOX_FAULTS has: 409 and
// 500 on create, update, delete and read, delays, a container ending in `error`, at each resource
// type) and random interrupts (SIGTERM, SIGKILL), then recover by following only the commands the
// tool's own messages print, and check after each trial:
//   - exit codes as documented (0, 1, 130 for an interrupt; 4 only for a lock a kill left);
//   - state == cloud: the stack's namespace, container and triggers in its checkpoint are the
//     ones the cloud has under its owner tag, with the manifest's values (port, image, min scale);
//   - no duplicate (one namespace of the name in the region, each trigger name once) and no orphan
//     (every object of that name in the region is in the state);
//   - the neighbour stack (same metadata.name, another environment and region) untouched.
// The state is read from the stack's checkpoint file, the cloud through the local API's HTTP list
// endpoints (`openmcf sandbox api` on the same store, without faults).
// Shared by test/recovery/fault-campaign.test.ts (a few trials) and bench/campaign.mjs (many).
import type { CloudHome, CloudRun } from '../e2e/cloud-run.js';
import { cloudIds, listCloud, stackOf, stateIds, suggestedCommands, waitForStaleLock, writeManifest, type ListedCloud, type ManifestShape } from './recovery-kit.js';
import { SANDBOX_CREDENTIALS } from '../../src/stack/credentials.js';

export interface TrialRecord {
  readonly trial: number;
  readonly action: string;
  readonly faults: string;
  readonly interrupt: string;
  readonly firstExit: number | null;
  readonly steps: readonly string[];
}

export interface CampaignReport {
  readonly seed: number;
  readonly trials: TrialRecord[];
  /** Engine runs of openmcf, all trials together. */
  readonly runs: number;
}

/** mulberry32: small, seedable, good enough to pick faults. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const RESOURCES = ['Namespace', 'Container', 'Cron'] as const;
const OPERATIONS = ['create', 'update', 'delete', 'read'] as const;

export function pick<T>(next: () => number, items: readonly T[]): T {
  return items[Math.floor(next() * items.length)]!;
}

/** One to two fault rules; a counted API fault fires once or twice, a delay slows every call. */
export function faultSchedule(next: () => number): string {
  const rules: string[] = [];
  const count = 1 + Math.floor(next() * 2);
  for (let i = 0; i < count; i += 1) {
    const kind = next();
    const resource = pick(next, RESOURCES);
    if (kind < 0.6) rules.push(`${pick(next, OPERATIONS)}:${resource}=${pick(next, ['409', '500'])}*${1 + Math.floor(next() * 2)}`);
    else if (kind < 0.85) rules.push(`delay:${resource}=${300 + Math.floor(next() * 1200)}`);
    else rules.push('status:Container=error:campaign says the image cannot start');
  }
  return rules.join(',');
}

const ALLOWED_EXITS = new Set<number | null>([0, 1, 130, null]);

export async function runCampaign(home: CloudHome, seed: number, trials: number, log: (line: string) => void = () => undefined): Promise<CampaignReport> {
  const next = random(seed);
  const records: TrialRecord[] = [];
  let runs = 0;
  const run = (args: string[], env: Record<string, string> = {}): CloudRun => {
    runs += 1;
    return home.run(args, { env });
  };
  const fail = (message: string): never => {
    throw new Error(`campaign seed ${seed} (OPENMCF_CAMPAIGN_SEED=${seed}): ${message}`);
  };

  const neighbour: ManifestShape = { name: 'camp', env: 'staging', region: 'nl-ams', crons: ['n1'] };
  const neighbourFile = writeManifest(home, neighbour);
  const first = run(['apply', '-f', neighbourFile, '--sandbox', '--yes']);
  if (first.code !== 0) fail(`the neighbour stack did not apply:\n${first.stderr}`);
  // The cloud as its list endpoints give it: `openmcf sandbox api` on the same store, no faults.
  const api = home.start(['sandbox', 'api']);
  try {
    await api.waitFor(/sandbox API on/);
    const apiUrl = api.stdout.split('\n')[0]!;
    const cloudNow = (): Promise<ListedCloud> => listCloud(apiUrl, SANDBOX_CREDENTIALS.secretKey, ['fr-par', 'nl-ams']);
    return await trialsOf(cloudNow);
  } finally {
    api.signal('SIGINT');
    await api.done;
  }

  async function trialsOf(cloudNow: () => Promise<ListedCloud>): Promise<CampaignReport> {
    const neighbourBefore = neighbourSnapshot(await cloudNow());

    let deployed = false;
    for (let trial = 1; trial <= trials; trial += 1) {
      const desired: ManifestShape = {
        name: 'camp',
        env: 'dev',
        port: pick(next, [8080, 9000]),
        tag: pick(next, ['v1', 'v2']),
        minScale: pick(next, [0, 1]),
        crons: ['a', 'b', 'c'].filter(() => next() < 0.6),
      };
      const action: string = !deployed ? 'apply' : pick(next, ['apply', 'apply', 'replace', 'destroy']);
      const faults = faultSchedule(next);
      const interruptRoll = next();
      const interrupt = interruptRoll < 0.6 ? 'none' : interruptRoll < 0.8 ? 'SIGTERM' : 'SIGKILL';
      const interruptAfterMs = 1000 + Math.floor(next() * 5000);
      const file = writeManifest(home, desired);
      const intended =
        action === 'destroy'
          ? ['destroy', '-f', file, '--sandbox', '--yes']
          : ['apply', '-f', file, '--sandbox', '--yes', ...(action === 'replace' ? ['--replace', 'container'] : [])];
      const what = `trial ${trial}: ${action} port=${desired.port} tag=${desired.tag} minScale=${desired.minScale} crons=[${desired.crons!.join(',')}] faults=${faults} interrupt=${interrupt}${interrupt !== 'none' ? `@${interruptAfterMs}ms` : ''}`;
      log(what);

      // The faulty run.
      runs += 1;
      const background = home.start(intended, { env: { OPENMCF_SANDBOX_FAULTS: faults } });
      let timer: NodeJS.Timeout | undefined;
      if (interrupt !== 'none') timer = setTimeout(() => background.signal(interrupt as NodeJS.Signals), interruptAfterMs);
      const firstExit = await background.done;
      clearTimeout(timer);
      if (!ALLOWED_EXITS.has(firstExit)) fail(`${what}: exit ${firstExit} is not documented for this run:\n${background.stderr}`);
      if (interrupt === 'none' && firstExit === 130) fail(`${what}: exit 130 without an interrupt:\n${background.stderr}`);
      if (firstExit === null) await waitForStaleLock(home);

      // Recovery: only what the tool says, then the intended command again.
      const steps: string[] = [];
      let queue = suggestedCommands(background.stderr).filter((c) => c.includes(file));
      let converged = firstExit === 0;
      for (let step = 0; step < 8 && !converged; step += 1) {
        const command = queue.shift() ?? intended;
        const args = (command[0] === 'apply' || command[0] === 'destroy') && !command.includes('--yes') ? [...command, '--yes'] : command;
        const result = run(args);
        steps.push(`${args[0]} -> ${result.code}`);
        // A lock is left only by a kill; its message names the cancel command.
        if (result.code === 4 && firstExit !== null) fail(`${what}: locked although no run was killed:\n${result.stderr}`);
        if (![0, 1, 4].includes(result.code ?? -1)) fail(`${what}: \`openmcf ${args.join(' ')}\` exited ${result.code}:\n${result.stderr}`);
        if (result.code === 0 && args[0] === intended[0]) converged = true;
        queue = [...queue, ...suggestedCommands(result.stderr).filter((c) => c.includes(file) && c[0] !== intended[0])];
      }
      if (!converged) fail(`${what}: no convergence after ${steps.join(', ')}`);
      records.push({ trial, action, faults, interrupt, firstExit, steps });
      deployed = action !== 'destroy';
      checkInvariants(home, await cloudNow(), desired, deployed, neighbourBefore, what, fail);
      if (deployed) {
        const settled = run(['preview', '-f', file, '--sandbox', '--detailed-exitcode']);
        if (settled.code !== 0) fail(`${what}: preview after recovery exited ${settled.code} (drift or changes left):\n${settled.stdout}${settled.stderr}`);
      }
    }
    return { seed, trials: records, runs };
  }
}

/** Everything under the neighbour's namespaces (nl-ams), as listed. */
function neighbourSnapshot(cloud: ListedCloud): string {
  const namespaces = Object.values(cloud.namespaces).filter((n) => n.region === 'nl-ams');
  const containers = Object.values(cloud.containers).filter((c) => namespaces.some((n) => n.id === c.namespace_id));
  const triggers = Object.values(cloud.triggers).filter((t) => containers.some((c) => c.id === t.container_id));
  return JSON.stringify([namespaces, containers, triggers]);
}

function checkInvariants(
  home: CloudHome,
  cloud: ListedCloud,
  desired: ManifestShape,
  deployed: boolean,
  neighbourBefore: string,
  what: string,
  fail: (message: string) => never,
): void {
  const state = stateIds(home, stackOf(desired));
  const owned = cloudIds(home, desired, cloud);
  if (JSON.stringify(state) !== JSON.stringify(owned)) fail(`${what}: state != cloud\nstate ${JSON.stringify(state)}\ncloud ${JSON.stringify(owned)}`);
  const named = Object.values(cloud.namespaces).filter((n) => n.region === 'fr-par' && n.name === desired.name);
  if (named.length !== (deployed ? 1 : 0)) fail(`${what}: ${named.length} namespaces named ${desired.name} in fr-par (orphan or duplicate)`);
  if (deployed) {
    if (owned.containers.length !== 1) fail(`${what}: ${owned.containers.length} containers`);
    const container = cloud.containers[owned.containers[0]!]!;
    if (container.port !== desired.port || !container.image.endsWith(`:${desired.tag}`) || container.min_scale !== desired.minScale) {
      fail(`${what}: the cloud's container is not the manifest's: port ${container.port}, image ${container.image}, min_scale ${container.min_scale}`);
    }
    const names = owned.triggers.map((id) => cloud.triggers[id]!.name).sort();
    if (JSON.stringify(names) !== JSON.stringify([...desired.crons!].sort())) fail(`${what}: triggers ${names.join(',')} for crons ${desired.crons!.join(',')}`);
  } else if (owned.containers.length + owned.triggers.length + owned.namespaces.length > 0) fail(`${what}: destroyed, yet the cloud keeps ${JSON.stringify(owned)}`);
  if (neighbourSnapshot(cloud) !== neighbourBefore) fail(`${what}: the neighbour stack's objects changed`);
}
