/**
 * The contract's formats spelled as JSON Schema `pattern`s, for the tools that read a pattern and not a
 * format (Specmatic builds values from `pattern` alone; Portman's schema check stops on an unknown format).
 * Each is a plain ECMA-262 pattern, anchored at both ends, with no flag, lookaround or shorthand class
 * (`\d`, `\w`), so a tool that turns it into an automaton (Specmatic) reads what ajv reads.
 * test/tool-documents.test.ts compares each with the format it stands for.
 */

const HEX = "[0-9a-fA-F]";
/** A UUID in either letter case, as the `uuid` format takes it. */
export const UUID = `${HEX}{8}-${HEX}{4}-${HEX}{4}-${HEX}{4}-${HEX}{12}`;

// RFC 3986's parts, as src/contract/formats.ts builds `format: uri` (ajv-formats' grammar), with the letter
// case spelled out (a JSON Schema pattern has no `i` flag) and each set of characters as ASCII ranges.
// Unreserved (`A-Z a-z 0-9 - . _ ~`), sub-delims (`! $ & ' ( ) * + , ; =`) and `:` are `!$&-.0-;=A-Z_a-z~`
// (`&-.` is `&'()*+,-.`, `0-;` is the digits, `:` and `;`); `@-Z` adds `@`, `?-Z` adds `?` and `@`, and
// `&-;` also holds `/`.
const PCT_ENCODED = `%${HEX}{2}`;
const oneOf = (characters: string) => `(?:[${characters}]|${PCT_ENCODED})`;
const USER_INFO_CHAR = oneOf("!$&-.0-;=A-Z_a-z~");
const PCHAR = oneOf("!$&-.0-;=@-Z_a-z~");
const PCHAR_OR_SLASH = oneOf("!$&-;=@-Z_a-z~");
/** A query's or fragment's character: a pchar, `/` or `?`. */
const QUERY_CHAR = oneOf("!$&-;=?-Z_a-z~");
const H16 = `${HEX}{1,4}`;
const DEC_OCTET = "(?:25[0-5]|2[0-4][0-9]|[01]?[0-9][0-9]?)";
const LS32 = `(?:${H16}:${H16}|(?:${DEC_OCTET}\\.){3}${DEC_OCTET})`;
const before = (n: number) => `(?:(?:${H16}:){0,${n}}${H16})?::`;
const IPV6 =
  `(?:(?:(?:${H16}:){6}|::(?:${H16}:){5}|(?:${H16})?::(?:${H16}:){4}|${before(1)}(?:${H16}:){3}|${before(2)}(?:${H16}:){2}` +
  `|${before(3)}${H16}:|${before(4)})${LS32}|${before(5)}${H16}|${before(6)})`;
const IP_LITERAL = `\\[(?:${IPV6}|[Vv]${HEX}+\\.[!$&-.0-;=A-Z_a-z~]+)\\]`;

/**
 * What `format: uri` and the contract's `^[Hh][Tt][Tt][Pp][Ss]?://[^\s/?#]+` admit together: an absolute
 * http(s) URL. After `//`, ajv-formats' grammar takes any run of path characters and slashes (it reads
 * `http://a:b:c` as `http:/` and the path `/a:b:c`), so the pattern's first branch is that run, starting with
 * a character the contract's prefix admits; an IP literal's brackets, which are no path characters, need the
 * second branch (user info, the literal, a port, a path). Then a query and a fragment.
 */
export const HTTP_URL =
  `[Hh][Tt][Tt][Pp][Ss]?://(?:${PCHAR}${PCHAR_OR_SLASH}*|(?:${USER_INFO_CHAR}*@)?${IP_LITERAL}(?::[0-9]*)?(?:/${PCHAR_OR_SLASH}*)?)` +
  `(?:\\?${QUERY_CHAR}*)?(?:#${QUERY_CHAR}*)?`;

const WEEKDAY = "(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)";
const DAY_31 = "(?:0?[1-9]|[12][0-9]|3[01]) (?:Jan|Mar|May|Jul|Aug|Oct|Dec)";
const DAY_30 = "(?:0?[1-9]|[12][0-9]|30) (?:Apr|Jun|Sep|Nov)";
const DAY_28 = "(?:0?[1-9]|1[0-9]|2[0-8]) Feb";
const LEAP_YEAR = "(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:[02468][048]|[13579][26])00)";
const TIME_ZONE = "(?:[01][0-9]|2[0-3]):[0-5][0-9]:(?:[0-5][0-9]|60) [+-][0-9]{2}[0-5][0-9]";

/**
 * An RFC 2822 date as `format: rfc2822-date` takes it, but for the weekday: the day exists (29 February only
 * in a leap year), the time and zone are in range. Which weekday a date falls on is arithmetic a short pattern
 * cannot do (an exact one is 26 kB); this package's validators, built from `openapi.json`, still check it.
 */
export const RFC2822_DATE_BUT_WEEKDAY = `${WEEKDAY}, (?:(?:${DAY_31}|${DAY_30}|${DAY_28}) [0-9]{4}|29 Feb ${LEAP_YEAR}) ${TIME_ZONE}`;

/** A non-empty string, as `minLength: 1` says it (`.` leaves out line terminators, `\s` has them). */
export const NON_EMPTY = "(?:.|\\s)+";

/** `body` as a whole-string pattern. */
export const whole = (body: string) => `^${body}$`;
/** `body` or the empty string, as a whole-string pattern. */
export const wholeOrEmpty = (body: string) => `^(?:${body})?$`;
