// Which stacks of a backend no manifest names any more: a manifest renamed (its stack label with
// it) or deleted leaves its stack, and what it deployed, behind. Only stacks of the manifests' own
// projects and environments count: the environment is the stack name's part before the first dot
// (`dev` in `dev.ScalewayServerlessContainer.my-api`), so applying a folder of dev manifests never
// takes the prod stacks of the same project for orphans.
import type { BackendStack } from '../../engine/backend-stacks.js';
import type { StackTarget } from '../../stack/target-types.js';

/** `dev` of `dev.ScalewayServerlessContainer.my-api`; the whole name when it has no dot. */
export function environmentOf(bareStack: string): string {
  const dot = bareStack.indexOf('.');
  return dot < 0 ? bareStack : bareStack.slice(0, dot);
}

function scopeKey(project: string, bareStack: string): string {
  return `${project}\u0000${environmentOf(bareStack)}`;
}

/** The listed stacks in the targets' projects and environments that no target names. */
export function orphanStacks(listed: readonly BackendStack[], targets: readonly Pick<StackTarget, 'projectName' | 'stackName' | 'stack'>[]): BackendStack[] {
  const scopes = new Set(targets.map((t) => scopeKey(t.projectName, t.stack)));
  const named = new Set(targets.map((t) => t.stackName));
  return listed.filter((s) => scopes.has(scopeKey(s.project, s.stack)) && !named.has(s.name));
}
