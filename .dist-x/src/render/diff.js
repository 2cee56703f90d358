import { formatValue } from './format-value.js';
import { resourceLabel } from './resource-label.js';
/** The steps of a replacement other than `replace` itself repeat it: show it once. */
export function isDisplayedPlanStep(step) {
    return step !== 'create-replacement' && step !== 'delete-replaced' && step !== 'discard-replaced' && step !== 'same';
}
const SYMBOL = {
    create: '+',
    update: '~',
    replace: '+-',
    delete: '-',
    same: ' ',
    read: '>',
    refresh: '~',
    import: '=',
};
function changeWord(change) {
    return change === 'replace' ? 'REPLACE' : change;
}
function colourFor(chalk, change) {
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
function propertyLine(chalk, p, creating) {
    const forces = p.replaces ? chalk.bold.red('  (forces replacement)') : '';
    if (creating)
        return `      ${p.path}: ${formatValue(p.new)}`;
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
export function renderPlannedChange(chalk, planned) {
    const colour = colourFor(chalk, planned.change);
    const symbol = SYMBOL[planned.change];
    const header = `  ${colour(`${symbol.padEnd(2)} ${changeWord(planned.change).padEnd(8)}`)} ${resourceLabel(planned.resource)}`;
    const forcing = planned.properties.filter((p) => p.replaces).map((p) => p.path);
    const reason = planned.change === 'replace' && forcing.length > 0 ? chalk.bold.red(` (replaced because ${forcing.join(', ')} changed)`) : '';
    const creating = planned.change === 'create';
    return [header + reason, ...planned.properties.map((p) => propertyLine(chalk, p, creating))];
}
/** A loud line naming every resource that will be replaced; empty when none. */
export function replacementWarning(chalk, planned) {
    const replaced = planned.filter((p) => p.change === 'replace').map((p) => resourceLabel(p.resource));
    if (replaced.length === 0)
        return [];
    const noun = replaced.length === 1 ? 'resource is' : 'resources are';
    return [chalk.bold.red(`  ! ${replaced.length} ${noun} REPLACED (destroyed and created again): ${replaced.join(', ')}`)];
}
