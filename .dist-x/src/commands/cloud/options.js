// The options of the commands that touch stacks, normalised once from the flags (see
// src/cli/commands/<verb>.ts). Every field is read-only; defaults are documented where they apply.
import { invalidInput } from '../../errors.js';
export const DEFAULT_PARALLEL = 4;
export function parseParallel(raw) {
    if (raw === undefined)
        return DEFAULT_PARALLEL;
    const value = Number(raw);
    if (!/^\d+$/.test(raw.trim()) || !Number.isInteger(value) || value < 1 || value > 64) {
        throw invalidInput(`--parallel must be a whole number from 1 to 64, got "${raw}"`, 'flag.parallel', 'e.g. --parallel 4');
    }
    return value;
}
export function cloudOptionsFromFlags(flags, env = process.env, cwd = process.cwd()) {
    return {
        manifestFlags: {
            ...(flags.file ? { file: flags.file } : {}),
            ...(flags.kustomizeDir !== undefined ? { kustomizeDir: flags.kustomizeDir } : {}),
            ...(flags.overlay !== undefined ? { overlay: flags.overlay } : {}),
            ...(flags.set ? { set: flags.set } : {}),
            ...(flags.envFile ? { envFile: flags.envFile } : {}),
            json: flags.json ?? false,
        },
        json: flags.json ?? false,
        sandbox: flags.sandbox ?? false,
        ...(flags.backend !== undefined ? { backend: flags.backend } : {}),
        ...(flags.providerConfig !== undefined ? { providerConfig: flags.providerConfig } : {}),
        ...(flags.stack !== undefined ? { stack: flags.stack } : {}),
        yes: flags.yes ?? false,
        parallel: parseParallel(flags.parallel),
        refresh: flags.refresh ?? false,
        target: flags.target ?? [],
        replace: flags.replace ?? [],
        detailedExitcode: flags.detailedExitcode ?? false,
        showSecrets: flags.showSecrets ?? false,
        clearPendingCreates: flags.clearPendingCreates ?? false,
        remove: flags.remove ?? false,
        env,
        cwd,
    };
}
