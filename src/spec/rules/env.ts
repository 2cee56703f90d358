// Environment rules the schema cannot state. The platform sets PORT and the SCW_* variables itself
// (Scaleway "Containers limitations", configuration restrictions); and variables and secrets land in
// one environment, so a name may be used only once across both lists. Name and value lengths
// (100 and 1000, as the Scaleway provider checks them) are in the schema.
import { DiagnosticCode } from '../../manifest/codes.js';
import { displayPath, type PathSegment } from '../../manifest/path.js';
import { code, type Finding } from '../finding.js';
import { list, record, specOf, text, type Rule } from './view.js';

interface NamedEntry {
  readonly name: string;
  readonly path: readonly PathSegment[];
}

function envEntries(data: unknown): NamedEntry[] {
  const env = record(specOf(data).env);
  if (!env) return [];
  return (['variables', 'secrets'] as const).flatMap((group) =>
    list(env[group]).flatMap((entry, index) => {
      const name = text(record(entry)?.name);
      return name === undefined ? [] : [{ name, path: ['spec', 'env', group, index, 'name'] }];
    }),
  );
}

export function isReservedEnvName(name: string): boolean {
  return name === 'PORT' || name.startsWith('SCW_');
}

export const envNamesNotReserved: Rule = (data) =>
  envEntries(data)
    .filter((entry) => isReservedEnvName(entry.name))
    .map(
      (entry): Finding => ({
        severity: 'error',
        code: DiagnosticCode.ruleReservedEnvName,
        path: entry.path,
        message: `${code(entry.name)} is reserved by the Scaleway platform (PORT and names starting with SCW_ are set by it)`,
        hint: entry.name === 'PORT' ? 'the container reads its port from PORT, which the platform sets from spec.port' : 'choose a name without the SCW_ prefix',
      }),
    );

export const envNamesUnique: Rule = (data) => {
  const firstUse = new Map<string, NamedEntry>();
  const findings: Finding[] = [];
  for (const entry of envEntries(data)) {
    const first = firstUse.get(entry.name);
    if (!first) {
      firstUse.set(entry.name, entry);
      continue;
    }
    findings.push({
      severity: 'error',
      code: DiagnosticCode.ruleDuplicateEnvName,
      path: entry.path,
      message: `${code(entry.name)} is already set by ${displayPath(first.path.slice(0, -1))}`,
      hint: 'a name may appear once across env.variables and env.secrets',
    });
  }
  return findings;
};
