/**
 * One abbreviation defined in a text, e.g. "intrahepatic cholangiocarcinoma (ICC)".
 *
 * Offsets are UTF-16 code-unit indexes into the text that was searched (what `String.prototype.slice`
 * uses), end exclusive, so that `text.slice(shortStart, shortEnd) === short` and
 * `text.slice(longStart, longEnd) === long` hold: callers can highlight or quote the exact spot.
 *
 * One exception, marked by `longParts`: a long form the text writes in two pieces, when coordinated
 * modifiers share a head noun, "scanning (SEM) and transmission (TEM) electron microscopy" (ellipsis.ts).
 * Then `long` is the pieces joined ("transmission electron microscopy"), `longParts` holds their
 * offsets, and longStart/longEnd span from the first piece's start to the last piece's end.
 */
export interface AbbreviationPair {
  /** The short form as written, e.g. "ICC" or "ICCs". */
  short: string;
  /** The long form as written, e.g. "intrahepatic cholangiocarcinoma". */
  long: string;
  shortStart: number;
  shortEnd: number;
  longStart: number;
  longEnd: number;
  /** Only for a long form written in pieces: each piece's offsets, in text order (see above). */
  longParts?: readonly { start: number; end: number }[];
}
