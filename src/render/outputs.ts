// Stack outputs for humans: one `name: value` line each, secrets masked unless asked for.
export interface StackOutputValue {
  readonly value: unknown;
  readonly secret: boolean;
}

export type StackOutputMap = Readonly<Record<string, StackOutputValue>>;

/** The outputs as plain values, each secret replaced by `[secret]` unless `showSecrets`. */
export function outputValues(outputs: StackOutputMap, showSecrets: boolean): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const name of Object.keys(outputs).sort()) {
    const output = outputs[name]!;
    values[name] = output.secret && !showSecrets ? '[secret]' : output.value;
  }
  return values;
}

export function renderOutputs(outputs: StackOutputMap, showSecrets: boolean, indent = '  '): string[] {
  const values = outputValues(outputs, showSecrets);
  const names = Object.keys(values);
  if (names.length === 0) return [`${indent}(no outputs)`];
  const width = Math.max(...names.map((n) => n.length));
  return names.map((name) => {
    const value = values[name];
    const text = typeof value === 'string' ? value : JSON.stringify(value);
    return `${indent}${`${name}:`.padEnd(width + 1)} ${text}`;
  });
}
