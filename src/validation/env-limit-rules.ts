// Environment limits the JSON Schema cannot state: a secret's value is limited in bytes (the
// schema counts characters). The counts, name and value lengths are in the schema, from the same
// table (../platform-limits.ts).
import { DiagnosticCode } from '../core/diagnostic-codes.js';
import { list, record, specOf, text, type Finding, type Rule } from './finding.js';
import { PLATFORM_LIMITS } from './platform-limits.js';

export const secretValuesWithinLimit: Rule = (data) =>
  list(record(specOf(data).env)?.secrets).flatMap((entry, index): Finding[] => {
    const value = text(record(entry)?.value);
    if (value === undefined) return [];
    const bytes = Buffer.byteLength(value, 'utf8');
    if (bytes <= PLATFORM_LIMITS.secretValueMaxBytes) return [];
    return [
      {
        severity: 'error',
        code: DiagnosticCode.ruleEnvLimit,
        path: ['spec', 'env', 'secrets', index, 'value'],
        message: `is ${bytes} bytes long; the platform takes secret values of up to ${PLATFORM_LIMITS.secretValueMaxBytes} bytes (64 KiB)`,
        hint: 'keep large material (certificates bundles, files) out of the environment: mount or fetch it at start',
      },
    ];
  });
