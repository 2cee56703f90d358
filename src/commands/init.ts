// `openmcf init`: writes a commented starter manifest. Values come from flags, then (on a terminal
// only) from questions, then from defaults. The result is checked by the same validator as
// `openmcf validate` before anything is written, so a bad answer is reported against the flag or
// question it came from, and the file written is valid by construction.
import { writeFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import type { Io } from '../core/io.js';
import { ExitCode, invalidInput } from '../core/errors.js';
import { parseDocuments } from '../manifest/parse.js';
import { validateDocument } from '../validation/validate-spec.js';
import { readManifestSchema } from '../manifest/schema-lookup.js';
import { parseImageReference, renderStarterManifest, type StarterAnswers } from './init-template.js';

export interface InitOptions {
  /** Where to write; `-` for stdout; default `<name>.yaml`. */
  readonly path?: string;
  readonly name?: string;
  readonly region?: string;
  /** `<registry>/<name>:<tag>`. */
  readonly image?: string;
  readonly privacy?: string;
  readonly port?: string;
  readonly organization?: string;
  readonly project?: string;
  readonly env?: string;
  /** Overwrite an existing file. */
  readonly force?: boolean;
}

/** Asks the user on a terminal; resolves to the answer, or the default for an empty answer. */
export type Ask = (question: string, defaultValue: string) => Promise<string>;

/** The answers a user may be asked for, in the order they are asked. */
type Field = 'name' | 'region' | 'image' | 'privacy' | 'port' | 'organization' | 'project' | 'env';
const ASKED: readonly Field[] = ['name', 'region', 'image', 'privacy'];
const QUESTIONS: Readonly<Record<Field, string>> = {
  name: 'Name (lowercase letters, digits, dashes)',
  region: 'Region (fr-par, nl-ams, pl-waw)',
  image: 'Image (<registry>/<name>:<tag>)',
  privacy: 'Privacy (public, private)',
  port: 'Port',
  organization: 'Pulumi organization',
  project: 'Pulumi project',
  env: 'Environment',
};
const MAX_ATTEMPTS = 3;

export async function runInit(options: InitOptions, io: Io, ask?: Ask): Promise<number> {
  const values = new Map<Field, string>();
  for (const field of Object.keys(QUESTIONS) as Field[]) {
    const given = options[field];
    if (given !== undefined) values.set(field, given);
  }
  // Questions only on a terminal, and only for what no flag gave.
  const asked = new Set<Field>(ask ? ASKED.filter((f) => !values.has(f)) : []);

  // Each answer is checked as it is given (against the real validator, with the answers so far),
  // and a rejected one is not kept: the defaults of later questions follow accepted answers only.
  for (const field of asked) {
    for (let attempt = 1; ; attempt++) {
      const answer = await (ask as Ask)(QUESTIONS[field], defaultFor(field, values, options.path));
      values.set(field, answer);
      const problems = problemsWith(values, options.path).filter((p) => p.field === field);
      if (problems.length === 0) break;
      values.delete(field);
      if (attempt >= MAX_ATTEMPTS) {
        throw invalidInput(
          `${QUESTIONS[field]} "${answer}": ${problems.map((p) => p.message).join('; ')}`,
          'init.invalid-value',
          'run openmcf init again with a valid value (or pass it as a flag)',
        );
      }
      for (const problem of problems) io.err(`${QUESTIONS[field]}: ${problem.message}\n`);
    }
  }

  const answers = starterAnswers(values, options.path);
  const problems = 'problems' in answers ? answers.problems : checkStarter(answers.answers);
  if (problems.length === 0 && 'answers' in answers) {
    return write(renderStarterManifest(answers.answers, schemaReference()), answers.answers, options, io);
  }
  throw invalidInput(
    `the starter manifest would not be valid:\n${problems.map((p) => `  ${describe(p.field, values, asked)}: ${p.message}`).join('\n')}`,
    'init.invalid-value',
    'fix the values above and run openmcf init again',
  );
}

/** The problems of the starter manifest the values so far (defaults for the rest) would make. */
function problemsWith(values: ReadonlyMap<Field, string>, path: string | undefined): FieldProblem[] {
  const answers = starterAnswers(values, path);
  return 'problems' in answers ? answers.problems : checkStarter(answers.answers);
}

interface FieldProblem {
  readonly field: Field;
  readonly message: string;
}

function defaultFor(field: Field, values: ReadonlyMap<Field, string>, path: string | undefined): string {
  const given = values.get('name');
  const name = (given !== undefined && isValidName(given) ? given : undefined) ?? nameFromPath(path) ?? 'my-api';
  const region = values.get('region') ?? 'fr-par';
  switch (field) {
    case 'name':
      return name;
    case 'region':
      return 'fr-par';
    case 'image':
      // A Scaleway Container Registry namespace in the same region: replace with your own.
      return `rg.${region}.scw.cloud/my-registry/${name}:latest`;
    case 'privacy':
      return 'public';
    case 'port':
      return '8080';
    case 'organization':
      return 'my-org';
    case 'project':
      return 'my-project';
    case 'env':
      return 'dev';
  }
}

/** `my-api.yaml` suggests the name `my-api`, when that is a valid name. */
function nameFromPath(path: string | undefined): string | undefined {
  if (path === undefined || path === '-') return undefined;
  const stem = basename(path, extname(path));
  return isValidName(stem) ? stem : undefined;
}

/** The platform's naming rule (the schema's `metadata.name`), to derive defaults from a name. */
function isValidName(name: string): boolean {
  return /^[a-z]([a-z0-9-]*[a-z0-9])?$/.test(name) && name.length <= 34;
}

function starterAnswers(values: ReadonlyMap<Field, string>, path: string | undefined): { answers: StarterAnswers } | { problems: FieldProblem[] } {
  const get = (field: Field) => values.get(field) ?? defaultFor(field, values, path);
  const problems: FieldProblem[] = [];
  const image = parseImageReference(get('image'));
  if ('problem' in image) problems.push({ field: 'image', message: image.problem });
  const portText = get('port').trim();
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || !Number.isSafeInteger(port)) problems.push({ field: 'port', message: 'must be an integer, e.g. 8080' });
  if (problems.length > 0 || 'problem' in image) return { problems };
  return {
    answers: {
      name: get('name').trim(),
      region: get('region').trim(),
      image,
      privacy: get('privacy').trim(),
      port,
      organization: get('organization').trim(),
      project: get('project').trim(),
      env: get('env').trim(),
    },
  };
}

/** Runs the real validator on the rendered manifest and maps each problem back to its source. */
function checkStarter(answers: StarterAnswers): FieldProblem[] {
  const text = renderStarterManifest(answers, schemaReference());
  const { documents, diagnostics } = parseDocuments({ file: 'starter manifest', text });
  const found = [...diagnostics];
  for (const doc of documents) found.push(...validateDocument(doc).diagnostics);
  return found.filter((d) => d.severity === 'error').map((d) => ({ field: fieldOf(d.path), message: d.path ? `${d.path}: ${d.message}` : d.message }));
}

function fieldOf(path: string): Field {
  if (path === 'metadata.name') return 'name';
  if (path.startsWith('spec.region')) return 'region';
  if (path.startsWith('spec.image')) return 'image';
  if (path.startsWith('spec.privacy')) return 'privacy';
  if (path.startsWith('spec.port')) return 'port';
  if (path.includes('organization')) return 'organization';
  if (path.includes('project')) return 'project';
  if (path.includes('stack')) return 'env';
  // Anything else is a field init does not take from the user: the template itself is wrong.
  throw new Error(`openmcf init produced an invalid manifest at ${path || 'the document'}`);
}

/** How to name where a bad value came from: the flag, or the question. */
function describe(field: Field, values: ReadonlyMap<Field, string>, asked: ReadonlySet<Field>): string {
  const value = values.get(field);
  if (asked.has(field)) return `${QUESTIONS[field]} "${value ?? ''}"`;
  return value === undefined ? `default ${field}` : `--${field} ${value}`;
}

/** The `$schema` the editor line points at: the schema's published `$id`. */
function schemaReference(): string {
  return readManifestSchema().$id ?? 'openmcf.schema.json';
}

function write(text: string, answers: StarterAnswers, options: InitOptions, io: Io): number {
  const path = options.path ?? `${answers.name}.yaml`;
  if (path === '-') {
    io.out(text);
    return ExitCode.ok;
  }
  try {
    // `wx` refuses to replace a file, atomically: no window between a check and the write.
    writeFileSync(path, text, { flag: options.force ? 'w' : 'wx' });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw invalidInput(`${path} already exists`, 'init.exists', 'use --force to overwrite it, or give another path');
    throw invalidInput(`cannot write ${path}: ${(error as Error).message}`, 'init.unwritable', 'check that the folder exists and is writable');
  }
  io.err(`Created ${path} (${answers.name} in ${answers.region}).\nNext: openmcf validate -f ${path}, then openmcf preview -f ${path}\n`);
  return ExitCode.ok;
}
