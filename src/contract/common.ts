import { z } from "zod";
import { CONFIDENCE_POINTS, type ConfidencePoint } from "../domain/decision/model.ts";

// Messages read by people: a missing field says so plainly.
z.config({
  customError: (issue) =>
    issue.code === "invalid_type" && issue.input === undefined ? "is required" : undefined,
});

export const LIMITS = { name: 200, email: 320, text: 10_000 } as const;

export const id = z.uuid({ message: "must be a UUID" });

export const idParams = z.object({ id });

/** The largest integer a PostgreSQL integer column holds: a version or a position beyond it is not one. */
export const INT4_MAX = 2_147_483_647;

export const version = z.number().int().min(1).max(INT4_MAX, "is not a version this record has had");

export const timestamp = z.string().describe("ISO 8601 date-time");

export const name = z.string().trim().min(1, "must not be empty").max(LIMITS.name);

export const email = z
  .string()
  .trim()
  .max(LIMITS.email)
  .pipe(z.email({ message: "must be an email address" }))
  .transform((value) => value.toLowerCase());

export const password = z.string().min(10, "must be at least 10 characters").max(200);

export const role = z.enum(["seller", "manager", "admin"]);

export type Role = z.infer<typeof role>;

export const errorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fields: z.array(z.object({ path: z.string(), message: z.string() })),
    current: z.unknown().optional(),
  }),
});

export type ErrorBody = z.infer<typeof errorBody>;

export const ok = z.object({ ok: z.literal(true) });

export const changeEntry = z.object({
  id: z.uuid(),
  entity: z.string(),
  entityId: z.string(),
  action: z.enum(["create", "update", "delete", "restore", "access"]),
  memberId: z.string().nullable(),
  memberName: z.string().nullable(),
  via: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  at: timestamp,
  /** The change in words: who, what, each field before → after, and the part of the page it belongs to. */
  summary: z.object({
    who: z.string(),
    what: z.string(),
    fields: z.array(z.object({ label: z.string(), before: z.string(), after: z.string() })),
    section: z.string().nullable(),
  }),
});

export type ChangeEntry = z.infer<typeof changeEntry>;

export const changeQuery = z.object({
  entity: z.string().max(50).optional(),
  entityId: id.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const changeList = z.object({ items: z.array(changeEntry) });

const rating = z.number().int().min(1).max(5);

const eachPoint = <T extends z.ZodType>(schema: T) =>
  Object.fromEntries(CONFIDENCE_POINTS.map((point) => [point, schema])) as Record<ConfidencePoint, T>;

/** A buyer's check-in: every point rated 1–5. */
export const ratings = z.object(eachPoint(rating));

/** Our estimate of the customer's confidence: any of the points, 1–5. */
export const confidenceRatings = z.object(eachPoint(rating.optional())).strict();

/** The customer's confidence as the record states it: buyers' own check-ins first, our estimate second. */
export const customerConfidence = z.object({
  source: z.enum(["buyers", "our_estimate", "none"]),
  points: z.object(eachPoint(z.number().nullable())),
  people: z.array(
    z.object({
      name: z.string(),
      stakeholderId: z.string().nullable(),
      verified: z.boolean(),
      ratings,
      at: z.string(),
    }),
  ),
  estimate: confidenceRatings,
});

export const text = z
  .string()
  .max(LIMITS.text, `must be at most ${LIMITS.text.toLocaleString("en")} characters`);

export const short = z.string().trim().max(LIMITS.name);

export const optionalText = text.nullable().optional();

export const optionalShort = short.nullable().optional();

/** A calendar date the database and every browser can hold; years before 1000 are typing slips, not deals. */
export const isoDate = z.iso
  .date({ message: "must be a date as YYYY-MM-DD" })
  .refine((date) => Number(date.slice(0, 4)) >= 1000, "must be a date in the years 1000 to 9999");

/** Money is integer minor units (cents); more than 10^14 (a trillion in major units) is a typo, not a deal. */
export const MAX_MINOR = 100_000_000_000_000;

export const money = z
  .number()
  .int("must be a whole number of minor units (cents)")
  .min(0, "must not be negative")
  .max(MAX_MINOR, "is not a plausible amount (at most 10^14 minor units)");

const currencies = new Set(Intl.supportedValuesOf("currency"));

export const currency = z
  .string()
  .trim()
  .transform((value) => value.toUpperCase())
  .refine((value) => currencies.has(value), "must be an ISO 4217 currency code such as USD or EUR");

/** Where an imported record came from: the CRM and its id there (and a deal's stage). */
export const source = z
  .object({ system: z.string(), id: z.string(), stage: z.string().nullable() })
  .nullable();

/** An imported decision's origin, with its product line and — while no member answers to it — the owner as
 * the CRM named them. */
export const decisionSource = z
  .object({
    system: z.string(),
    id: z.string(),
    stage: z.string().nullable(),
    productLine: z.string().nullable(),
    owner: z.string().nullable(),
  })
  .nullable();

/** Deletes and restores name the version the client saw, so a stale delete gets 409 like a stale edit. */
export const versionQuery = z.object({
  version: z.coerce.number().int().min(1).max(INT4_MAX, "is not a version this record has had"),
});
