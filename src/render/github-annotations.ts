// GitHub Actions workflow commands, so that manifest problems show up on the pull request's
// "Files changed" tab next to the offending line. Printed in addition to the normal diagnostics,
// and only when running inside GitHub Actions.
import { isAbsolute, relative, sep } from 'node:path';
import type { Diagnostic } from '../core/diagnostic.js';

/** `::error file=...,line=...,col=...::message` lines for GitHub Actions; empty elsewhere. */
export function formatGithubAnnotations(diagnostics: readonly Diagnostic[], env: NodeJS.ProcessEnv = process.env): string {
  if (env.GITHUB_ACTIONS !== 'true') return '';
  return diagnostics.map((d) => formatAnnotation(d, env.GITHUB_WORKSPACE)).join('');
}

function formatAnnotation(diagnostic: Diagnostic, workspace: string | undefined): string {
  const properties: string[] = [];
  // A problem with a flag (`--set ...`) or the command line has no file in the repository: the
  // annotation then carries no position and names its origin in the message instead.
  const inFile = diagnostic.line > 0;
  if (inFile) {
    properties.push(`file=${escapeProperty(repositoryPath(diagnostic.file, workspace))}`, `line=${diagnostic.line}`, `col=${diagnostic.column}`);
  }
  properties.push(`title=${escapeProperty(`openmcf ${diagnostic.code}`)}`);
  const where = inFile ? '' : `${diagnostic.file}: `;
  const path = diagnostic.path ? `${diagnostic.path}: ` : '';
  const hint = diagnostic.hint ? `\n${diagnostic.hint}` : '';
  const command = diagnostic.severity === 'error' ? 'error' : 'warning';
  return `::${command} ${properties.join(',')}::${escapeData(`${where}${path}${diagnostic.message}${hint}`)}\n`;
}

/** GitHub links annotations to files by their path in the repository (the workspace). */
function repositoryPath(file: string, workspace: string | undefined): string {
  if (!workspace || !isAbsolute(file)) return file;
  const inside = relative(workspace, file);
  return inside.startsWith('..') || isAbsolute(inside) ? file : inside.split(sep).join('/');
}

/** GitHub's escaping for the message part of a workflow command. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** GitHub's escaping for a property value (`file=`, `title=`): also `:` and `,`. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
