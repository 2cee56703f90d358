// Text from manifests (names, descriptions, keys, values) reaches the terminal in previews,
// diagnostics, errors and outputs. Characters that change what a terminal shows instead of being
// shown are written as visible escapes (`\u202E`): C0 controls but newline, tab and carriage
// return; DEL and the C1 controls; bidirectional overrides and isolates (U+202A-202E, U+2066-2069,
// the "Trojan Source" characters); and the other invisible format characters (zero-width spaces
// and joiners, marks, the BOM, line and paragraph separators). ESC is kept only where it starts one
// of the CSI sequences openmcf itself writes (colours, the live line: `ESC [ params letter`); every
// other ESC (window titles, hyperlinks, OSC and DCS strings) is escaped. Text from manifests never
// carries a CSI sequence here: values are quoted with JSON.stringify, which escapes every ESC.
const INVISIBLE =
  // eslint-disable-next-line no-misleading-character-class -- combining marks and variation selectors are matched one by one, on purpose
  /[\u0000-\u0008\u000b\u000c\u000e-\u001a\u001c-\u001f\u007f-\u009f\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u2028-\u202e\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff0-\ufffb]|\u001b(?!\[[0-9;?]*[A-Za-z])/g;

/** `\u202E`: the code point, four hex digits, upper case. */
function visible(character: string): string {
  return `\\u${character.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/** The text with every character a terminal would act on instead of showing written as `\uXXXX`. */
export function escapeForTerminal(text: string): string {
  return text.replace(INVISIBLE, visible);
}
