// The engine's own rules for the three parts of a stack name, checked before anything runs (the
// manifest rules in validation/label-rules.ts and the target in stack/stack-target.ts share them).
// From the Pulumi sources (pulumi/pulumi, v3):
//
// - stack: `tokens.ParseStackName`: not empty, at most 100 characters, only `[A-Za-z0-9_.-]`.
// - project: `tokens.ValidateProjectName`: not empty, at most 100 characters, `tokens.IsName`:
//   first character `[A-Za-z_.]`, then `[A-Za-z0-9_.-]*` (so no leading digit or dash).
// - organization: on Pulumi Cloud the owner rule of `pkg/backend/httpstate`
//   (`^[a-zA-Z0-9][a-zA-Z0-9-_]{1,38}[a-zA-Z0-9]$`). Self-managed backends ignore the part (their
//   engine stack is always `organization/<project>/<stack>`), so where the backend is not known
//   (`validate`) or is self-managed, the organization gets the stack rule.
//
// One more rule the engine lacks: `.` and `..` pass both of its checks, yet self-managed backends
// join the project and stack into a file path (`.pulumi/stacks/<project>/<stack>.json`), where they
// mean "this folder" and "the parent folder": `p1/..` and `p2/..` are then one state file, and
// applying one deletes what the other deployed. They are refused everywhere.

export type StackNamePart = 'organization' | 'project' | 'stack';

const MAX_LENGTH = 100;
const STACK = /^[A-Za-z0-9_.-]+$/;
const PROJECT = /^[A-Za-z_.][A-Za-z0-9_.-]*$/;
const ORGANIZATION = /^[a-zA-Z0-9][a-zA-Z0-9-_]{1,38}[a-zA-Z0-9]$/;

/**
 * What is wrong with `value` as that part of a stack name (a phrase that follows "it": "must not
 * be empty"), or undefined when the engine takes it.
 */
export function stackNamePartProblem(part: StackNamePart, value: string, onPulumiCloud = false): string | undefined {
  if (value === '') return 'must not be empty';
  if (value === '.' || value === '..') {
    return 'names a folder in the state paths of self-managed backends, where two such stacks would share one state file';
  }
  if (part === 'organization' && onPulumiCloud) {
    return ORGANIZATION.test(value)
      ? undefined
      : "must be 3 to 40 letters, digits, `-` and `_`, starting and ending with a letter or digit (Pulumi Cloud's rule for organizations)";
  }
  if (value.length > MAX_LENGTH) return `must be at most ${MAX_LENGTH} characters (it has ${value.length})`;
  const bad = firstInvalidCharacter(part, value);
  if (bad === undefined) return undefined;
  const allowed = 'letters, digits, `-`, `_` and `.`';
  if (part === 'project' && bad.index === 0 && /[0-9-]/.test(bad.char)) {
    return `must start with a letter, \`_\` or \`.\`, not ${JSON.stringify(bad.char)} (Pulumi's rule for projects; then ${allowed})`;
  }
  return `may only contain ${allowed}: ${JSON.stringify(bad.char)} at position ${bad.index + 1}`;
}

function firstInvalidCharacter(part: StackNamePart, value: string): { char: string; index: number } | undefined {
  const pattern = part === 'project' ? PROJECT : STACK;
  if (pattern.test(value)) return undefined;
  const chars = [...value];
  for (let i = 0; i < chars.length; i++) {
    const prefix = chars.slice(0, i + 1).join('');
    if (!pattern.test(prefix)) return { char: chars[i] as string, index: i };
  }
  return undefined;
}
