// The order of the stacks of one run: a manifest that reads another manifest of the same run
// through `valueFrom` (its referenced stack is that manifest's stack) runs after it, so that its
// first apply reads the outputs the other's apply just made, instead of failing with "has no output
// domainName" and working on the second run. Manifests that read nothing of each other keep the
// order they were given in. A cycle (a reads b, b reads a) can never be applied: invalid input,
// naming each valueFrom of the cycle at its file, line and column.
import { invalidInput } from '../core/errors.js';
import type { LoadedManifest } from '../validation/load-manifests.js';
import type { StackTarget } from '../stack/target-types.js';
import { describeValueFromRefs, type ValueFromReference } from './value-from.js';

export interface OrderedStack {
  readonly loaded: LoadedManifest;
  readonly target: StackTarget;
}

/** For each stack (by index), the indexes of the stacks of the run it reads through valueFrom. */
export function runDependencies(stacks: readonly OrderedStack[]): number[][] {
  const byEngineName = new Map<string, number>();
  stacks.forEach((stack, index) => byEngineName.set(stack.target.stackName, index));
  return stacks.map((stack, index) => {
    const reads = new Set<number>();
    for (const ref of describeValueFromRefs(stack.loaded.manifest, stack.target)) {
      const other = byEngineName.get(ref.stackName);
      if (other !== undefined && other !== index) reads.add(other);
    }
    return [...reads].sort((a, b) => a - b);
  });
}

/** Engine stack names of the stacks of the run that some other stack of the run reads. */
export function readWithinRun(stacks: readonly OrderedStack[]): Set<string> {
  const names = new Set(stacks.map((s) => s.target.stackName));
  const read = new Set<string>();
  for (const stack of stacks) {
    for (const ref of describeValueFromRefs(stack.loaded.manifest, stack.target)) {
      if (names.has(ref.stackName) && ref.stackName !== stack.target.stackName) read.add(ref.stackName);
    }
  }
  return read;
}

/**
 * The indexes in the order to run them: every stack after the stacks it reads, otherwise as given
 * (the first stack ready in input order goes next). Throws invalid input on a cycle.
 */
export function dependencyOrder(stacks: readonly OrderedStack[]): number[] {
  const dependencies = runDependencies(stacks);
  const order: number[] = [];
  const placed = new Set<number>();
  while (order.length < stacks.length) {
    const next = dependencies.findIndex((reads, index) => !placed.has(index) && reads.every((r) => placed.has(r)));
    if (next === -1) throw cycleError(stacks, dependencies, placed);
    order.push(next);
    placed.add(next);
  }
  return order;
}

function cycleError(stacks: readonly OrderedStack[], dependencies: readonly number[][], placed: ReadonlySet<number>): Error {
  // Walk from an unplaced stack along unplaced dependencies until one repeats: that loop is a cycle.
  let current = dependencies.findIndex((_reads, index) => !placed.has(index));
  const path: number[] = [];
  while (!path.includes(current)) {
    path.push(current);
    current = dependencies[current]!.find((r) => !placed.has(r))!;
  }
  const cycle = path.slice(path.indexOf(current));
  const links = cycle.map((index, position) => {
    const reader = stacks[index]!;
    const read = stacks[cycle[(position + 1) % cycle.length]!]!;
    const ref = describeValueFromRefs(reader.loaded.manifest, reader.target).find((r) => r.stackName === read.target.stackName)!;
    return `${where(reader, ref)}: ${reader.loaded.manifest.metadata.name} reads stack ${read.target.displayName} (${read.loaded.manifest.metadata.name})`;
  });
  return invalidInput(
    `the manifests read each other through valueFrom in a cycle, so none of them can be applied first:\n  ${links.join('\n  ')}`,
    'value-from-cycle',
    'remove one of these valueFrom references (write that value with value: instead), so that one manifest can be applied before the other',
  );
}

function where(stack: OrderedStack, ref: ValueFromReference): string {
  const position = stack.loaded.valueFromPositions?.[ref.field];
  const origin = position ?? stack.loaded.origin;
  return `${origin.file}:${origin.line}:${origin.column}`;
}
