// `openmcf init`: writes a commented starter manifest. Values come from flags, then (on a terminal
// only) from questions, then from defaults. The result is checked by the same validator as
// `openmcf validate` before anything is written, so a bad answer is reported against the flag or
// question it came from, and the file written is valid by construction.
import { writeFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { ExitCode, invalidInput } from '../errors.js';
import { parseDocuments } from '../manifest/parse.js';
import { validateDocument } from '../spec/validate.js';
import { readManifestSchema } from '../manifest/schema-lookup.js';
import { parseImageReference, renderStarterManifest } from './init-template.js';
const ASKED = ['name', 'region', 'image', 'privacy'];
const QUESTIONS = {
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
export async function runInit(options, io, ask) {
    const values = new Map();
    for (const field of Object.keys(QUESTIONS)) {
        const given = options[field];
        if (given !== undefined)
            values.set(field, given);
    }
    // Questions only on a terminal, and only for what no flag gave.
    const asked = new Set(ask ? ASKED.filter((f) => !values.has(f)) : []);
    let pending = [...asked];
    for (let attempt = 1;; attempt++) {
        for (const field of pending) {
            values.set(field, await ask(QUESTIONS[field], defaultFor(field, values, options.path)));
        }
        const answers = starterAnswers(values, options.path);
        const problems = 'problems' in answers ? answers.problems : checkStarter(answers.answers);
        if (problems.length === 0 && 'answers' in answers) {
            return write(renderStarterManifest(answers.answers, schemaReference()), answers.answers, options, io);
        }
        const retry = problems.filter((p) => asked.has(p.field));
        if (retry.length === 0 || retry.length < problems.length || attempt >= MAX_ATTEMPTS) {
            throw invalidInput(`the starter manifest would not be valid:\n${problems.map((p) => `  ${describe(p.field, values, asked)}: ${p.message}`).join('\n')}`, 'init.invalid-value', 'fix the values above and run openmcf init again');
        }
        for (const problem of retry)
            io.err(`${QUESTIONS[problem.field]}: ${problem.message}\n`);
        pending = [...new Set(retry.map((p) => p.field))];
    }
}
function defaultFor(field, values, path) {
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
function nameFromPath(path) {
    if (path === undefined || path === '-')
        return undefined;
    const stem = basename(path, extname(path));
    return isValidName(stem) ? stem : undefined;
}
/** The platform's naming rule (the schema's `metadata.name`), to derive defaults from a name. */
function isValidName(name) {
    return /^[a-z]([a-z0-9-]*[a-z0-9])?$/.test(name) && name.length <= 34;
}
function starterAnswers(values, path) {
    const get = (field) => values.get(field) ?? defaultFor(field, values, path);
    const problems = [];
    const image = parseImageReference(get('image'));
    if ('problem' in image)
        problems.push({ field: 'image', message: image.problem });
    const portText = get('port').trim();
    const port = Number(portText);
    if (!/^\d+$/.test(portText) || !Number.isSafeInteger(port))
        problems.push({ field: 'port', message: 'must be an integer, e.g. 8080' });
    if (problems.length > 0 || 'problem' in image)
        return { problems };
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
function checkStarter(answers) {
    const text = renderStarterManifest(answers, schemaReference());
    const { documents, diagnostics } = parseDocuments({ file: 'starter manifest', text });
    const found = [...diagnostics];
    for (const doc of documents)
        found.push(...validateDocument(doc).diagnostics);
    return found
        .filter((d) => d.severity === 'error')
        .map((d) => ({ field: fieldOf(d.path), message: d.path ? `${d.path}: ${d.message}` : d.message }));
}
function fieldOf(path) {
    if (path === 'metadata.name')
        return 'name';
    if (path.startsWith('spec.region'))
        return 'region';
    if (path.startsWith('spec.image'))
        return 'image';
    if (path.startsWith('spec.privacy'))
        return 'privacy';
    if (path.startsWith('spec.port'))
        return 'port';
    if (path.includes('organization'))
        return 'organization';
    if (path.includes('project'))
        return 'project';
    if (path.includes('stack'))
        return 'env';
    // Anything else is a field init does not take from the user: the template itself is wrong.
    throw new Error(`openmcf init produced an invalid manifest at ${path || 'the document'}`);
}
/** How to name where a bad value came from: the flag, or the question. */
function describe(field, values, asked) {
    const value = values.get(field);
    if (asked.has(field))
        return `${QUESTIONS[field]} "${value ?? ''}"`;
    return value === undefined ? `default ${field}` : `--${field} ${value}`;
}
/** The `$schema` the editor line points at: the schema's published `$id`. */
function schemaReference() {
    return readManifestSchema().$id ?? 'openmcf.schema.json';
}
function write(text, answers, options, io) {
    const path = options.path ?? `${answers.name}.yaml`;
    if (path === '-') {
        io.out(text);
        return ExitCode.ok;
    }
    try {
        // `wx` refuses to replace a file, atomically: no window between a check and the write.
        writeFileSync(path, text, { flag: options.force ? 'w' : 'wx' });
    }
    catch (error) {
        const code = error.code;
        if (code === 'EEXIST')
            throw invalidInput(`${path} already exists`, 'init.exists', 'use --force to overwrite it, or give another path');
        throw invalidInput(`cannot write ${path}: ${error.message}`, 'init.unwritable', 'check that the folder exists and is writable');
    }
    io.err(`Created ${path} (${answers.name} in ${answers.region}).\nNext: openmcf validate -f ${path}, then openmcf preview -f ${path}\n`);
    return ExitCode.ok;
}
