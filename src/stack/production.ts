// Which stacks are production, for the confirmations that ask for more than a "y". The rule is
// the stack-name convention `<env>.<kind>.<name>` (README, "Manifest reference"): a stack whose
// environment segment, the part before the first dot, is `prod` or `production` (any case).
import type { StackTarget } from './target-types.js';

const PRODUCTION_ENVIRONMENTS = new Set(['prod', 'production']);

export function isProductionStack(target: Pick<StackTarget, 'stack'>): boolean {
  const environment = target.stack.split('.')[0] ?? '';
  return PRODUCTION_ENVIRONMENTS.has(environment.toLowerCase());
}
