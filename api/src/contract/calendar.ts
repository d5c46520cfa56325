// iCalendar feeds (token in the URL, for calendar apps) and the token that opens them.
import { z } from "zod";

export const feedQuery = z.object({ token: z.string().optional().meta({ description: "The caller's calendar token (POST /calendar/token)" }) });
export const CalendarToken = z.object({
  token: z.string().meta({ description: "Shown once; rotating replaces it" }),
  urls: z.object({ me: z.string(), helpline: z.string().optional() }),
});
/** The body of a text/calendar answer. */
export const IcsText = z.string().meta({ description: "iCalendar (RFC 5545)", examples: ["BEGIN:VCALENDAR\r\nVERSION:2.0\r\n…\r\nEND:VCALENDAR\r\n"] });
