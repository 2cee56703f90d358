// A last line of defence for secrets: every value registered here is masked in anything the CLI
// writes (stdout, stderr, JSON, error messages). Secrets are also kept out of messages by
// construction; this catches what slips through (e.g. a cloud error echoing an argument).

const MASK = '[secret]';
const secrets = new Set<string>();

/** Values shorter than this are not masked: masking "1" or "on" would garble unrelated output. */
const MIN_SECRET_LENGTH = 4;

export function registerSecret(value: string | undefined): void {
  if (value !== undefined && value.length >= MIN_SECRET_LENGTH) secrets.add(value);
}

export function redact(text: string): string {
  if (secrets.size === 0) return text;
  let out = text;
  // Longest first, so a secret containing another is masked whole.
  for (const secret of [...secrets].sort((a, b) => b.length - a.length)) {
    if (out.includes(secret)) out = out.split(secret).join(MASK);
  }
  return out;
}
