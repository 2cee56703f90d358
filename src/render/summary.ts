// One-line summaries of what changed or would change.
import type { ChalkInstance } from 'chalk';
import { hasChanges, type ChangeCounts } from '../engine/events.js';

export type SummaryTense = 'planned' | 'done';

const WORDS: Readonly<Record<keyof ChangeCounts, { planned: string; done: string }>> = {
  create: { planned: 'to create', done: 'created' },
  update: { planned: 'to update', done: 'updated' },
  replace: { planned: 'to replace', done: 'replaced' },
  delete: { planned: 'to delete', done: 'deleted' },
  same: { planned: 'unchanged', done: 'unchanged' },
};

/** `2 to create, 1 to replace, 3 unchanged`, or `no changes`. Zero counts are left out. */
export function changeSummaryText(chalk: ChalkInstance, counts: ChangeCounts, tense: SummaryTense): string {
  if (!hasChanges(counts)) return counts.same > 0 ? `no changes (${counts.same} unchanged)` : 'no changes';
  const parts: string[] = [];
  for (const kind of ['create', 'update', 'replace', 'delete', 'same'] as const) {
    const n = counts[kind];
    if (n === 0) continue;
    const text = `${n} ${WORDS[kind][tense]}`;
    parts.push(kind === 'replace' ? chalk.bold.red(text) : kind === 'delete' ? chalk.red(text) : text);
  }
  return parts.join(', ');
}
