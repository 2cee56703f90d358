// Stand-ins for `pulumi` and `go` so the resolver's search order and install paths can be tested
// in milliseconds. (The real engine is exercised by the sandbox tests.)
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
/** A `pulumi` that prints `v<version>` and counts its runs in `<dir>/runs`. */
export function fakePulumi(dir, version) {
    mkdirSync(dir, { recursive: true });
    const path = join(dir, 'pulumi');
    writeFileSync(path, `#!/bin/sh\necho run >> "${join(dir, 'runs')}"\necho v${version}\n`);
    chmodSync(path, 0o755);
    return path;
}
export function runsOf(dir) {
    try {
        return readFileSync(join(dir, 'runs'), 'utf8').split('\n').filter(Boolean).length;
    }
    catch {
        return 0;
    }
}
/** A `go` whose `build -o X` writes a fake pulumi reporting `v<version>`; logs its arguments. */
export function fakeGo(dir, version) {
    mkdirSync(dir, { recursive: true });
    const path = join(dir, 'go');
    writeFileSync(path, [
        '#!/bin/sh',
        `echo "$*" >> "${join(dir, 'go-calls')}"`,
        'case "$1" in',
        '  version) echo "go version go1.26.8 linux/amd64" ;;',
        '  mod) exit 0 ;;',
        '  build)',
        '    while [ $# -gt 0 ]; do if [ "$1" = "-o" ]; then out="$2"; fi; shift; done',
        `    printf '#!/bin/sh\\necho v${version}\\n' > "$out"; chmod +x "$out" ;;`,
        'esac',
        '',
    ].join('\n'));
    chmodSync(path, 0o755);
    return path;
}
export function goCalls(dir) {
    try {
        return readFileSync(join(dir, 'go-calls'), 'utf8').split('\n').filter(Boolean);
    }
    catch {
        return [];
    }
}
