// The live line on a terminal, drawn by ora. ora intercepts other writes to stderr while it
// spins, so finished-resource lines land above the spinner instead of through it.
import ora from 'ora';
/** A live line when stderr is a terminal that knows its width; none otherwise (a terminal of
 * zero columns, as some pseudo-terminals report, would make the spinner's line count infinite). */
export function liveStatusLine(io, stream = process.stderr) {
    if (!io.interactive || !stream.isTTY || !(stream.columns > 0))
        return undefined;
    return spinnerStatusLine(io);
}
/** `{ statusLine }` for ProgressRenderer's options when a live line can be drawn, else `{}`. */
export function liveStatusOption(io) {
    const statusLine = liveStatusLine(io);
    return statusLine ? { statusLine } : {};
}
export function spinnerStatusLine(io) {
    let spinner;
    return {
        update(text) {
            if (text === '') {
                spinner?.stop();
                spinner = undefined;
                return;
            }
            if (!spinner) {
                // discardStdin would put the terminal in raw mode and re-send Ctrl-C itself; the commands
                // handle Ctrl-C on their own.
                spinner = ora({ stream: process.stderr, discardStdin: false, color: io.color ? 'cyan' : false, isEnabled: true, text });
                spinner.start();
            }
            else {
                spinner.text = text;
            }
        },
        stop() {
            spinner?.stop();
            spinner = undefined;
        },
    };
}
