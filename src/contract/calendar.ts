import { z } from "zod";
import { id, timestamp } from "./common.ts";

export const calendarFeed = z.object({
  id,
  decisionId: id.nullable().describe("null for a member's own feed of their steps across decisions"),
  decisionTitle: z.string().nullable(),
  createdAt: timestamp,
  lastReadAt: timestamp.nullable().describe("When a calendar last fetched it"),
});

export const createdFeed = calendarFeed.extend({
  url: z.string().describe("The secret address to subscribe to: shown this once"),
});

export const feedList = z.object({ items: z.array(calendarFeed) });

export const feedFileParams = z.object({
  file: z.string().regex(/^[A-Za-z0-9_-]{20,100}\.ics$/, "must be a feed address ending in .ics"),
});
