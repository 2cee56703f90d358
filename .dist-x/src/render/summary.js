import { hasChanges } from '../engine/events.js';
const WORDS = {
    create: { planned: 'to create', done: 'created' },
    update: { planned: 'to update', done: 'updated' },
    replace: { planned: 'to replace', done: 'replaced' },
    delete: { planned: 'to delete', done: 'deleted' },
    same: { planned: 'unchanged', done: 'unchanged' },
};
/** `2 to create, 1 to replace, 3 unchanged`, or `no changes`. Zero counts are left out. */
export function changeSummaryText(chalk, counts, tense) {
    if (!hasChanges(counts))
        return counts.same > 0 ? `no changes (${counts.same} unchanged)` : 'no changes';
    const parts = [];
    for (const kind of ['create', 'update', 'replace', 'delete', 'same']) {
        const n = counts[kind];
        if (n === 0)
            continue;
        const text = `${n} ${WORDS[kind][tense]}`;
        parts.push(kind === 'replace' ? chalk.bold.red(text) : kind === 'delete' ? chalk.red(text) : text);
    }
    return parts.join(', ');
}
