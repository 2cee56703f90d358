// Property-level diff lines of planned changes. Replacements are loud: they destroy the old
// resource (a new endpoint, downtime), so they get a red REPLACE and the property that forces them.
import type { ChalkInstance } from 'chalk';
import type { ChangeKind, PropertyChange, ResourceRef } from '../engine/events.js';
import type { ResourceChange } from '../engine/operation-collector.js';
import { formatValue } from './format-value.js';
import { resourceManifestChanges, type ManifestChange } from './manifest-terms.js';
import { resourceLabel } from './resource-label.js';
import { SECRET_MASK } from '../core/secrets.js';

/** The steps of a replacement other than `replace` itself repeat it: show it once. */
export function isDisplayedPlanStep(step: string): boolean {
  return step !== 'create-replacement' && step !== 'delete-replaced' && step !== 'discard-replaced' && step !== 'same';
}

const SYMBOL: Readonly<Record<ChangeKind, string>> = {
  create: '+',
  update: '~',
  replace: '+-',
  delete: '-',
  same: ' ',
  read: '>',
  refresh: '~',
  import: '=',
};

function changeWord(change: ChangeKind): string {
  return change === 'replace' ? 'REPLACE' : change;
}

function colourFor(chalk: ChalkInstance, change: ChangeKind): (text: string) => string {
  switch (change) {
    case 'create':
    case 'import':
      return chalk.green;
    case 'update':
    case 'refresh':
      return chalk.yellow;
    case 'replace':
      return (text) => chalk.bold.red(text);
    case 'delete':
      return chalk.red;
    default:
      return (text) => text;
  }
}

function providerNote(chalk: ChalkInstance, change: ManifestChange): string {
  return change.providerPath ? chalk.dim(`  (${change.providerPath})`) : '';
}

/** `[secret]`-safe: a secret's value is never formatted, only that it is there or changed. */
function changeLine(chalk: ChalkInstance, change: ManifestChange): string {
  const forces = change.replaces ? chalk.bold.red('  (forces replacement)') : '';
  const note = providerNote(chalk, change);
  if (change.secret) {
    const what = change.kind === 'add' ? 'added, value hidden' : change.kind === 'delete' ? 'removed' : 'value changed, hidden';
    const symbol = change.kind === 'add' ? chalk.green('+') : change.kind === 'delete' ? chalk.red('-') : chalk.yellow('~');
    return `      ${symbol} ${change.path}: (secret ${what})${note}${forces}`;
  }
  switch (change.kind) {
    case 'add':
      return `      ${chalk.green('+')} ${change.path}: ${formatValue(change.new)}${note}${forces}`;
    case 'delete':
      return `      ${chalk.red('-')} ${change.path}: ${formatValue(change.old)}${note}${forces}`;
    default:
      return `      ${chalk.yellow('~')} ${change.path}: ${formatValue(change.old)} -> ${formatValue(change.new)}${note}${forces}`;
  }
}

/** Provider arguments that only link resources together: nothing to read in a create listing. */
const LINKS = new Set(['namespaceId', 'containerId']);

/** A create as a compact listing: `field=value` pairs (manifest paths without `spec.`), wrapped. */
function createListing(changes: readonly ManifestChange[], width = 100): string[] {
  const tokens = changes
    .filter((c) => !LINKS.has(c.path))
    .map((c) => {
      // Relative to the resource: `port`, not `spec.port`; a cron trigger's `schedule`.
      const name = c.path === 'metadata.name' ? 'name' : c.path.replace(/^spec\./, '').replace(/^cronTriggers(\.[\w-]+|\[\d+\]|\["[^"]*"\])\./, '');
      const value = c.secret ? SECRET_MASK : typeof c.new === 'string' && /^[^\s"=]+$/.test(c.new) && c.new !== '' ? c.new : formatValue(c.new);
      return `${name}=${value}`;
    });
  const lines: string[] = [];
  let line = '';
  for (const token of tokens) {
    if (line !== '' && line.length + 2 + token.length > width) {
      lines.push(line);
      line = token;
    } else {
      line = line === '' ? token : `${line}  ${token}`;
    }
  }
  if (line !== '') lines.push(line);
  return lines.map((l) => `      ${l}`);
}

/** The property lines of one resource's change, in the manifest's terms. */
export function renderPropertyChanges(chalk: ChalkInstance, resource: ResourceRef, change: ChangeKind, properties: readonly PropertyChange[]): string[] {
  const changes = resourceManifestChanges(resource, properties);
  if (change === 'create') return createListing(changes);
  return changes.map((c) => changeLine(chalk, c));
}

/** Lines for one planned change: a header and, below it, its changes in the manifest's terms. */
export function renderPlannedChange(chalk: ChalkInstance, planned: ResourceChange): string[] {
  const colour = colourFor(chalk, planned.change);
  const symbol = SYMBOL[planned.change];
  const header = `  ${colour(`${symbol.padEnd(2)} ${changeWord(planned.change).padEnd(8)}`)} ${resourceLabel(planned.resource)}`;
  const forcing = [
    ...new Set(
      resourceManifestChanges(
        planned.resource,
        planned.properties.filter((p) => p.replaces),
      ).map((c) => c.path),
    ),
  ];
  const reason = planned.change === 'replace' && forcing.length > 0 ? chalk.bold.red(` (replaced because ${forcing.join(', ')} changed)`) : '';
  const order = planned.change === 'replace' && planned.deleteFirst ? chalk.red(' (deleted first, then created again)') : '';
  return [header + reason + order, ...renderPropertyChanges(chalk, planned.resource, planned.change, planned.properties)];
}

/** What a refresh found changed outside openmcf in one stack, now recorded in its state. */
export function renderRefreshedDrift(chalk: ChalkInstance, label: string, stack: string, drift: readonly ResourceChange[]): string[] {
  return [`${chalk.bold(`Drift in ${label}`)} ${chalk.dim(`(stack ${stack}); the state now records:`)}`, ...drift.flatMap((change) => renderPlannedChange(chalk, change))];
}

/**
 * A loud line naming every resource that will be replaced; empty when none. Delete-first
 * replacements (resources whose name is fixed: the platform refuses two of one name) get their own
 * line, since there the old resource is gone before the new one is up.
 */
export function replacementWarning(chalk: ChalkInstance, planned: readonly ResourceChange[]): string[] {
  const replacing = planned.filter((p) => p.change === 'replace');
  const lines: string[] = [];
  const createFirst = replacing.filter((p) => !p.deleteFirst).map((p) => resourceLabel(p.resource));
  const deleteFirst = replacing.filter((p) => p.deleteFirst).map((p) => resourceLabel(p.resource));
  const noun = (n: number): string => (n === 1 ? 'resource is' : 'resources are');
  if (createFirst.length > 0) lines.push(chalk.bold.red(`  ! ${createFirst.length} ${noun(createFirst.length)} REPLACED (destroyed and created again): ${createFirst.join(', ')}`));
  if (deleteFirst.length > 0) {
    lines.push(
      chalk.bold.red(
        `  ! ${deleteFirst.length} ${noun(deleteFirst.length)} REPLACED delete-first (their names are fixed, so each is deleted before it is created again: unavailable in between): ${deleteFirst.join(', ')}`,
      ),
    );
  }
  return lines;
}

/**
 * What a refresh found changed outside openmcf (drift), apart from the manifest's own changes, in
 * the manifest's terms, each with what the plan does about it:
 *   ! container changed outside openmcf: spec.maxScale 20 -> 3 (will be set back to 20)
 *   ! container deleted outside openmcf (will be created again)
 * A drifted property the plan does not touch (a value the platform computes, one the manifest
 * leaves to the platform) is kept as the cloud has it; it is said so. Secrets are never shown.
 */
export function renderDrift(chalk: ChalkInstance, drift: readonly ResourceChange[], planned: readonly ResourceChange[]): string[] {
  const lines: string[] = [];
  for (const drifted of drift) {
    const label = resourceLabel(drifted.resource);
    const plan = planned.find((p) => p.resource.urn === drifted.resource.urn && isDisplayedPlanStep(p.step));
    if (drifted.change === 'delete') {
      const next = plan?.change === 'create' ? 'will be created again' : 'not created again by this run';
      lines.push(chalk.yellow(`  ! ${label} deleted outside openmcf (${next})`));
      continue;
    }
    const planChanges = plan ? resourceManifestChanges(plan.resource, plan.properties) : [];
    const changes = driftedManifestChanges(drifted, planChanges);
    if (changes.length === 0) {
      lines.push(chalk.yellow(`  ! ${label} changed outside openmcf${plan ? '' : ' (nothing the manifest sets)'}`));
      continue;
    }
    for (const change of changes) {
      const setBack = planChanges.find((p) => p.path === change.path);
      const what = change.secret ? `${change.path} (secret, value hidden)` : `${change.path} ${formatValue(change.old)} -> ${formatValue(change.new)}`;
      const next = setBack ? (setBack.secret ? ' (will be set back)' : ` (will be set back to ${formatValue(setBack.new)})`) : ' (kept: the manifest does not set it)';
      lines.push(chalk.yellow(`  ! ${label} changed outside openmcf: ${what}${next}`));
    }
  }
  return lines;
}

/**
 * The drifted properties worth a line: those the manifest sets (a manifest path), or the plan sets
 * back. Outputs the platform computes (`status`, timestamps) under their provider names are left
 * out unless the plan touches them.
 */
export function driftedManifestChanges(drifted: ResourceChange, planChanges: readonly ManifestChange[]): ManifestChange[] {
  const planned = new Set(planChanges.map((c) => c.path));
  return resourceManifestChanges(drifted.resource, drifted.properties).filter((c) => c.path.startsWith('spec.') || c.path.startsWith('metadata.') || planned.has(c.path));
}
