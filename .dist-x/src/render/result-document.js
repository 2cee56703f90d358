import { emptyChangeCounts } from '../engine/events.js';
export const RESULT_API_VERSION = 'openmcf.org/result/v1';
export function buildResultDocument(input) {
    const summary = emptyChangeCounts();
    for (const result of input.results) {
        for (const kind of Object.keys(summary))
            summary[kind] += result.changes[kind];
    }
    return {
        apiVersion: RESULT_API_VERSION,
        command: input.command,
        exitCode: input.exitCode,
        sandbox: input.sandbox,
        summary,
        results: input.results,
        ...(input.error ? { error: input.error } : {}),
    };
}
export function formatResultDocument(document) {
    return `${JSON.stringify(document, null, 2)}\n`;
}
