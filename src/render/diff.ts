// Property-level diff lines of planned changes. Replacements are loud: they destroy the old
// resource (a new endpoint, downtime), so they get a red REPLACE and the property that forces them.
import type { ChalkInstance } from 'chalk';
import type { ChangeKind, PropertyChange, ResourceRef } from '../engine/events.js';
import { formatValue } from './format-value.js';
import { resourceLabel } from './resource-label.js';

export interface PlannedChange {
  readonly resource: ResourceRef;
  readonly change: ChangeKind;
  /** The engine step; only the one step that stands for a replacement is shown. */
  readonly step: string;
  readonly properties: readonly PropertyChange[];
  /** Replaced delete-first: the old resource goes before the new one exists. */
  readonly deleteFirst?: boolean;
}

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

function propertyLine(chalk: ChalkInstance, p: PropertyChange, creating: boolean): string {
  const forces = p.replaces ? chalk.bold.red('  (forces replacement)') : '';
  if (creating) return `      ${p.path}: ${formatValue(p.new)}`;
  switch (p.kind) {
    case 'add':
      return `      ${chalk.green('+')} ${p.path}: ${formatValue(p.new)}${forces}`;
    case 'delete':
      return `      ${chalk.red('-')} ${p.path}: ${formatValue(p.old)}${forces}`;
    default:
      return `      ${chalk.yellow('~')} ${p.path}: ${formatValue(p.old)} => ${formatValue(p.new)}${forces}`;
  }
}

/** Lines for one planned change: a header and, below it, one line per property. */
export function renderPlannedChange(chalk: ChalkInstance, planned: PlannedChange): string[] {
  const colour = colourFor(chalk, planned.change);
  const symbol = SYMBOL[planned.change];
  const header = `  ${colour(`${symbol.padEnd(2)} ${changeWord(planned.change).padEnd(8)}`)} ${resourceLabel(planned.resource)}`;
  const forcing = planned.properties.filter((p) => p.replaces).map((p) => p.path);
  const reason = planned.change === 'replace' && forcing.length > 0 ? chalk.bold.red(` (replaced because ${forcing.join(', ')} changed)`) : '';
  const order = planned.change === 'replace' && planned.deleteFirst ? chalk.red(' (deleted first, then created again)') : '';
  const creating = planned.change === 'create';
  return [header + reason + order, ...planned.properties.map((p) => propertyLine(chalk, p, creating))];
}

/**
 * A loud line naming every resource that will be replaced; empty when none. Delete-first
 * replacements (resources whose name is fixed: the platform refuses two of one name) get their own
 * line, since there the old resource is gone before the new one is up.
 */
export function replacementWarning(chalk: ChalkInstance, planned: readonly PlannedChange[]): string[] {
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
