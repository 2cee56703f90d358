const HELP_AFTER = `
Without a terminal (CI, pipes) nothing is asked: flags, then defaults, are used.

Examples:
  $ openmcf init                                   # asks for name, region, image, privacy
  $ openmcf init my-api.yaml --name my-api --region nl-ams \\
      --image rg.nl-ams.scw.cloud/acme/my-api:v1.0.0 --privacy private
  $ openmcf init - --name my-api > my-api.yaml     # print instead of writing a file
`;
export function registerInit(program, context) {
    program
        .command('init')
        .description('write a commented starter manifest, valid as written')
        .argument('[file]', 'where to write it; - for stdout (default: <name>.yaml)')
        .option('--name <name>', 'container name: lowercase letters, digits and dashes (default: my-api)')
        .option('--region <region>', 'fr-par, nl-ams or pl-waw (default: fr-par)')
        .option('--image <ref>', 'image as <registry>/<name>:<tag> (default: rg.<region>.scw.cloud/my-registry/<name>:latest)')
        .option('--privacy <mode>', 'public or private (default: public)')
        .option('--port <port>', 'port the container listens on (default: 8080)')
        .option('--organization <org>', 'Pulumi organization label (default: my-org)')
        .option('--project <project>', 'Pulumi project label (default: my-project)')
        .option('--env <env>', 'environment, the first part of the stack name (default: dev)')
        .option('--force', 'overwrite the file if it exists')
        .addHelpText('after', HELP_AFTER)
        .action(async (file, flags) => {
        const { runInit } = await import('../../commands/init.js');
        const prompt = context.io.interactive ? await terminalPrompt() : undefined;
        try {
            context.setExitCode(await runInit({ ...flags, ...(file !== undefined ? { path: file } : {}) }, context.io, prompt?.ask));
        }
        finally {
            prompt?.close();
        }
    });
}
/** Questions on the terminal: asked on stderr so that `init -` can still pipe stdout. */
async function terminalPrompt() {
    const { createInterface } = await import('node:readline/promises');
    const readline = createInterface({ input: process.stdin, output: process.stderr });
    return {
        ask: async (question, defaultValue) => {
            const answer = await readline.question(`${question} [${defaultValue}]: `);
            return answer.trim() === '' ? defaultValue : answer.trim();
        },
        close: () => readline.close(),
    };
}
