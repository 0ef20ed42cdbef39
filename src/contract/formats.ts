/**
 * The string formats the contract names, for ajv (at generation time) and for the precompiled validators
 * (at run time, imported by generated/validators.ts). `rfc2822-date` is this contract's own format; `uri`
 * is checked as ajv-formats checks it, without loading ajv-formats at run time.
 */

// RFC 3986 URIs, by the grammar of its appendix A, in the form ajv-formats' `uri` format takes (scheme
// required, and the same pattern, built from named parts), so `format: uri` means what it meant with ajv-formats.
const UNRESERVED = "a-z0-9\\-._~";
const SUB_DELIMS = "!$&'()*+,;=";
const PCT_ENCODED = "%[0-9a-f]{2}";
const PCHAR = `(?:[${UNRESERVED}${SUB_DELIMS}:@]|${PCT_ENCODED})`;
const H16 = "[0-9a-f]{1,4}";
const DEC_OCTET = "(?:25[0-5]|2[0-4]\\d|[01]?\\d\\d?)";
const IPV4 = `(?:${DEC_OCTET}\\.){3}${DEC_OCTET}`;
const LS32 = `(?:${H16}:${H16}|${IPV4})`;
const before = (n: number) => `(?:(?:${H16}:){0,${n}}${H16})?::`;
const IPV6 =
  `(?:(?:(?:${H16}:){6}|::(?:${H16}:){5}|(?:${H16})?::(?:${H16}:){4}|${before(1)}(?:${H16}:){3}|${before(2)}(?:${H16}:){2}` +
  `|${before(3)}${H16}:|${before(4)})${LS32}|${before(5)}${H16}|${before(6)})`;
const IPV_FUTURE = `[Vv][0-9a-f]+\\.[${UNRESERVED}${SUB_DELIMS}:]+`;
const HOST = `(?:\\[(?:${IPV6}|${IPV_FUTURE})\\]|${IPV4}|(?:[${UNRESERVED}${SUB_DELIMS}]|${PCT_ENCODED})*)`;
const AUTHORITY = `(?:(?:[${UNRESERVED}${SUB_DELIMS}:]|${PCT_ENCODED})*@)?${HOST}(?::\\d*)?`;
const SEGMENTS = `(?:\\/${PCHAR}*)*`;
const HIER_PART = `(?:\\/?\\/${AUTHORITY}${SEGMENTS}|\\/(?:${PCHAR}+${SEGMENTS})?|${PCHAR}+${SEGMENTS})`;
const QUERY_CHAR = `(?:[${UNRESERVED}${SUB_DELIMS}:@/?]|${PCT_ENCODED})*`;
/** The pattern of an absolute URI (exported so a test can compare it with ajv-formats' own). */
export const URI_PATTERN = new RegExp(`^(?:[a-z][a-z0-9+\\-.]*:)${HIER_PART}(?:\\?${QUERY_CHAR})?(?:#${QUERY_CHAR})?$`, "i");
const NOT_URI_FRAGMENT = /\/|:/;

/**
 * True when `value` is an absolute URI (RFC 3986), as ajv-formats' `uri` format decides it. The pattern
 * backtracks once per character: on a value of megabytes V8's regular expression stack runs out (RangeError).
 * Such a value is reported as not a URI rather than making the whole body unreadable, so the other fields'
 * violations are still reported.
 */
export function isUri(value: string): boolean {
  try {
    return NOT_URI_FRAGMENT.test(value) && URI_PATTERN.test(value);
  } catch {
    return false;
  }
}

const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"] as const;
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"] as const;

// "Mon, 24 Sep 2018 21:00:00 +0000": RFC 2822 §3.3 with the weekday and seconds required, single spaces,
// a three-letter month and a numeric zone.
// The time's and zone's ranges are in the pattern itself (hours 00-23, minutes 00-59, seconds 00-60 for a leap
// second, zone minutes 00-59); what a pattern cannot say (the day exists, the weekday is that day's) is computed.
const RFC2822_DATE =
  /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), (\d{1,2}) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) (\d{4}) (?:[01]\d|2[0-3]):[0-5]\d:(?:[0-5]\d|60) [+-]\d\d[0-5]\d$/;

const MONTH_NAMES = MONTHS.join("");
const WEEKDAY_NAMES = WEEKDAYS.join("");
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;
// Sakamoto's offsets: the weekday of a Gregorian date without building a Date (which also reads years 0-99 as 19xx).
const WEEKDAY_OFFSETS = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4] as const;

const isLeap = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

/** True when `value` is an RFC 2822 date whose day exists and whose weekday is that day's. */
export function isRfc2822Date(value: string): boolean {
  const match = RFC2822_DATE.exec(value);
  if (match === null) return false;
  const day = +match[2]!;
  const month = MONTH_NAMES.indexOf(match[3]!) / 3;
  const year = +match[4]!;
  if (day < 1 || day > (month === 1 && isLeap(year) ? 29 : DAYS_IN_MONTH[month]!)) return false;
  const y = month < 2 ? year - 1 : year;
  const weekday = (((y + Math.floor(y / 4) - Math.floor(y / 100) + Math.floor(y / 400) + WEEKDAY_OFFSETS[month]! + day) % 7) + 7) % 7;
  return WEEKDAY_NAMES.indexOf(match[1]!) / 3 === weekday;
}

/** `date` as an RFC 2822 date in UTC: `Mon, 24 Sep 2018 21:00:00 +0000`. */
export function formatRfc2822Date(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return (
    `${WEEKDAYS[date.getUTCDay()]}, ${pad(date.getUTCDate())} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()} ` +
    `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())} +0000`
  );
}

/** What ajv is given for each `format` the spec uses. */
export const formats = {
  uri: isUri,
  uuid: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
  "rfc2822-date": isRfc2822Date,
};

/** How an error message names what a format expects. */
export const formatDescriptions: Record<string, string> = {
  uri: "an absolute URI",
  uuid: "a UUID",
  "rfc2822-date": 'an RFC 2822 date such as "Mon, 24 Sep 2018 21:00:00 +0000"',
};
