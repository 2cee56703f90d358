// Where output goes. Results go to stdout, everything meant for humans to stderr, so that
// `--json` output can be piped while progress stays visible.
import { redact } from './redact.js';
export function colorEnabled(stream, env = process.env) {
    if (env.NO_COLOR !== undefined && env.NO_COLOR !== '')
        return false;
    if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0')
        return true;
    return stream.isTTY === true && env.TERM !== 'dumb';
}
export function processIo() {
    return {
        out: (text) => process.stdout.write(redact(text)),
        err: (text) => process.stderr.write(redact(text)),
        interactive: process.stderr.isTTY === true && process.stdin.isTTY === true,
        color: colorEnabled(process.stderr),
    };
}
