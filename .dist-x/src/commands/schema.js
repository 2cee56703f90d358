// `openmcf schema`: the manifest's JSON Schema, for editors (yaml-language-server) and other tools.
import { readFileSync, writeFileSync } from 'node:fs';
import { schemaFileUrl } from '../manifest/schema-lookup.js';
import { ExitCode, invalidInput } from '../errors.js';
export async function runSchema(options, io) {
    const text = readFileSync(schemaFileUrl(), 'utf8');
    const json = text.endsWith('\n') ? text : `${text}\n`;
    if (options.output === undefined || options.output === '-') {
        io.out(json);
        return ExitCode.ok;
    }
    try {
        writeFileSync(options.output, json);
    }
    catch (error) {
        throw invalidInput(`cannot write ${options.output}: ${error.message}`, 'schema.unwritable', 'check that the folder exists and is writable');
    }
    io.err(`Wrote the manifest schema to ${options.output}.\n`);
    return ExitCode.ok;
}
