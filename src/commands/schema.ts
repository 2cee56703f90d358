// `openmcf schema`: the manifest's JSON Schema, for editors (yaml-language-server) and other tools.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Io } from '../core/io.js';
import { schemaFileUrl } from '../manifest/schema-lookup.js';
import { ExitCode, invalidInput } from '../core/errors.js';

export interface SchemaOptions {
  /** Write the schema to this file instead of stdout. */
  readonly output?: string;
}

export async function runSchema(options: SchemaOptions, io: Io): Promise<number> {
  const text = readFileSync(schemaFileUrl(), 'utf8');
  const json = text.endsWith('\n') ? text : `${text}\n`;
  if (options.output === undefined || options.output === '-') {
    io.out(json);
    return ExitCode.ok;
  }
  try {
    // `--output .vscode/openmcf.schema.json` in a fresh checkout: the folder is made as needed.
    mkdirSync(dirname(options.output), { recursive: true });
    writeFileSync(options.output, json);
  } catch (error) {
    throw invalidInput(`cannot write ${options.output}: ${(error as Error).message}`, 'schema.unwritable', 'choose a path in a folder you can write to');
  }
  io.err(`Wrote the manifest schema to ${options.output}.\n`);
  return ExitCode.ok;
}
