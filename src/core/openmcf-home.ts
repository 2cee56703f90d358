// Where openmcf keeps its own files: the engine cache (engine/v<version>/bin/pulumi), the sandbox
// (sandbox/state, sandbox/api) and the default local backend. One function so every part agrees.
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { ensureFolder } from './folders.js';

/** `$OPENMCF_HOME` when set and non-empty, else `~/.openmcf`. Always absolute. */
export function openmcfHome(env: NodeJS.ProcessEnv = process.env): string {
  const configured = env.OPENMCF_HOME;
  if (configured !== undefined && configured.trim() !== '') return resolve(configured);
  return join(homedir(), '.openmcf');
}

/**
 * The home, made sure to be a folder openmcf can write to, before anything is put there. An
 * OPENMCF_HOME that is a file, or that cannot be created (its parent is a file, no permission, a
 * read-only file system), is invalid input naming the path and the reason, not an internal error.
 */
export function ensureOpenmcfHome(env: NodeJS.ProcessEnv = process.env): string {
  const home = openmcfHome(env);
  ensureFolder(home, env.OPENMCF_HOME !== undefined && env.OPENMCF_HOME.trim() !== '' ? 'OPENMCF_HOME' : 'the openmcf home (~/.openmcf)');
  return home;
}
