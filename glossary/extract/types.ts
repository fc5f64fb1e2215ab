/**
 * One abbreviation defined in a text, e.g. "intrahepatic cholangiocarcinoma (ICC)".
 *
 * Offsets are UTF-16 code-unit indexes into the text that was searched (what `String.prototype.slice`
 * uses), end exclusive, so that `text.slice(shortStart, shortEnd) === short` and
 * `text.slice(longStart, longEnd) === long` always hold: callers can highlight or quote the exact spot.
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
}
