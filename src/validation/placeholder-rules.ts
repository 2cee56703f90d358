// `[secret]` is what openmcf prints in place of a secret (src/core/secrets.ts). Pasted back from a
// hint or a listing (`--set 'spec.env.secrets[2].value=[secret]'`), it would silently become the
// secret's value; so a value holding it is refused, wherever it came from: the file, a `${VAR}`
// filled from the environment or --env-file, or --set (diagnostics name the flag then).
import { DiagnosticCode } from '../core/diagnostic-codes.js';
import type { PathSegment } from '../manifest/path.js';
import { code, type Finding, type Rule } from './finding.js';
import { SECRET_MASK } from '../core/secrets.js';

export const SECRET_PLACEHOLDER = SECRET_MASK;

export const noPlaceholderValues: Rule = (data) => {
  const found: Finding[] = [];
  const visit = (node: unknown, path: PathSegment[]): void => {
    if (typeof node === 'string') {
      if (node.includes(SECRET_PLACEHOLDER)) found.push(placeholder(path));
    } else if (Array.isArray(node)) {
      node.forEach((item, index) => visit(item, [...path, index]));
    } else if (node !== null && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) visit(value, [...path, key]);
    }
  };
  visit(data, []);
  return found;
};

function placeholder(path: readonly PathSegment[]): Finding {
  // Never the value itself: it may be a secret with the placeholder pasted into it.
  return {
    severity: 'error',
    code: DiagnosticCode.rulePlaceholderValue,
    path,
    message: `holds ${code(SECRET_PLACEHOLDER)}, the placeholder openmcf prints in place of a secret, not a value`,
    hint: 'give the real value: write it here, or fill it from the environment with ${VAR} (e.g. --set "spec.env.secrets[0].value=$DB_PASSWORD")',
  };
}
