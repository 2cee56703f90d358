import type { Diagnostic } from '../manifest/diagnostic.js';

/** `::error file=...,line=...,col=...::message` lines for GitHub Actions; empty elsewhere. */
export function formatGithubAnnotations(_diagnostics: readonly Diagnostic[], _env: NodeJS.ProcessEnv = process.env): string {
  return '';
}
