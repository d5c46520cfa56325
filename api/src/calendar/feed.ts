// Renders an iCalendar feed in Europe/Amsterdam with a VTIMEZONE, so calendar apps show the right
// local times on both sides of a daylight-saving change.
import ical from "ical-generator";
import { DateTime } from "luxon";
import { tzlib_get_ical_block } from "timezones-ical-library";

export const ZONE = "Europe/Amsterdam";

export interface FeedEvent {
  uid: string;
  start: Date;
  end: Date;
  summary: string;
}

// The library files Amsterdam under its tzdata link target (Brussels); the rules are the same, but
// the TZID must match the one our events name.
const vtimezone = (tz: string) => (tzlib_get_ical_block(tz)[0] ?? "").replace(/^(TZID|X-LIC-LOCATION):.*$/gm, `$1:${tz}`);

export function renderFeed(name: string, events: FeedEvent[], now: Date): string {
  const cal = ical({ name, prodId: { company: "Politie", product: "NDV expertise network", language: "NL" }, ttl: 3600 });
  cal.timezone({ name: ZONE, generator: vtimezone });
  for (const e of events) {
    cal.createEvent({
      id: e.uid,
      // Local wall-clock times in the zone; ical-generator writes them with TZID.
      start: DateTime.fromJSDate(e.start).setZone(ZONE),
      end: DateTime.fromJSDate(e.end).setZone(ZONE),
      timezone: ZONE,
      summary: e.summary,
      stamp: now,
    });
  }
  // ical-generator writes DTSTAMP in the calendar zone without TZID; RFC 5545 wants UTC.
  const stamp = DateTime.fromJSDate(now).toUTC().toFormat("yyyyMMdd'T'HHmmss'Z'");
  return cal.toString().replace(/^DTSTAMP:.*$/gm, `DTSTAMP:${stamp}`);
}
