/**
 * The string formats the contract names, for ajv (at generation time) and for the precompiled validators
 * (at run time, imported by generated/validators.ts). `rfc2822-date` is this contract's own format.
 */
import { fullFormats } from "ajv-formats/dist/formats.js";

const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"] as const;
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"] as const;

// "Mon, 24 Sep 2018 21:00:00 +0000": RFC 2822 §3.3 with the weekday and seconds required, single spaces,
// a three-letter month and a numeric zone.
const RFC2822_DATE =
  /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), (\d{1,2}) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) (\d{4}) (\d{2}):(\d{2}):(\d{2}) [+-](\d{2})(\d{2})$/;

/** True when `value` is an RFC 2822 date whose day exists and whose weekday is that day's. */
export function isRfc2822Date(value: string): boolean {
  const match = RFC2822_DATE.exec(value);
  if (match === null) return false;
  const [, weekday, day, month, year, hour, minute, second, , zoneMinutes] = match as unknown as string[];
  const monthIndex = MONTHS.indexOf(month as (typeof MONTHS)[number]);
  const date = new Date(Date.UTC(Number(year), monthIndex, Number(day)));
  if (date.getUTCDate() !== Number(day) || date.getUTCMonth() !== monthIndex) return false;
  if (Number(hour) > 23 || Number(minute) > 59 || Number(second) > 60 || Number(zoneMinutes) > 59) return false;
  return WEEKDAYS[date.getUTCDay()] === weekday;
}

/** `date` as an RFC 2822 date in UTC: `Mon, 24 Sep 2018 21:00:00 +0000`. */
export function formatRfc2822Date(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return (
    `${WEEKDAYS[date.getUTCDay()]}, ${pad(date.getUTCDate())} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()} ` +
    `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())} +0000`
  );
}

/**
 * ajv-formats' RFC 3986 check, which backtracks once per character: on a value of megabytes V8's regular
 * expression stack runs out (RangeError). Such a value is reported as not a URI rather than making the whole
 * body unreadable, so the other fields' violations are still reported.
 */
const rfc3986Uri = fullFormats.uri as (value: string) => boolean;

function isUri(value: string): boolean {
  try {
    return rfc3986Uri(value);
  } catch {
    return false;
  }
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
