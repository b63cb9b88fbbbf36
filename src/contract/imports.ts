import { z } from "zod";
import { FIELDS, type ImportKind } from "../domain/import/fields.ts";

export const importKind = z.enum(Object.keys(FIELDS) as [ImportKind, ...ImportKind[]]);

export const importFormat = z.enum([
  "auto",
  "salesforce",
  "salesforce_report",
  "hubspot",
  "pipedrive",
  "zoho",
  "dynamics",
  "close",
  "copper",
  "maven",
  "csv",
]);

export const dateFormat = z.enum(["DMY", "MDY", "YMD"]);

const cell = z.string().max(200);

type MappingShape = {
  kind?: ImportKind | undefined;
  columns?: Record<string, string> | undefined;
  constants?: Record<string, string> | undefined;
};

/** Every field a mapping names must be a field of its kind. */
function knownFields(mapping: MappingShape, ctx: z.RefinementCtx) {
  if (!mapping.kind) return;
  const fields: readonly string[] = FIELDS[mapping.kind];
  for (const key of ["columns", "constants"] as const)
    for (const field of Object.keys(mapping[key] ?? {}))
      if (!fields.includes(field))
        ctx.addIssue({
          code: "custom",
          path: [key, field],
          message: `is not a field of ${mapping.kind} (fields: ${fields.join(", ")})`,
        });
}

/** Columns ↔ fields for one file; `kind` is needed when the headers do not say what the file holds. */
export const fileMapping = z
  .object({
    kind: importKind.optional(),
    columns: z.record(z.string().max(100), cell).optional(),
    constants: z.record(z.string().max(100), cell).optional(),
  })
  .strict()
  .superRefine(knownFields);

/** The `--map` file: one mapping for every file (or per file name), owners to members, and the date order. */
export const mappingFile = z
  .object({
    kind: importKind.optional(),
    columns: z.record(z.string().max(100), cell).optional(),
    constants: z.record(z.string().max(100), cell).optional(),
    files: z.record(z.string().max(300), fileMapping).optional(),
    owners: z.record(z.string().max(320), z.string().max(320)).optional(),
    dateFormat: dateFormat.optional(),
  })
  .strict()
  .superRefine(knownFields);

export type MappingFile = z.infer<typeof mappingFile>;

export const uploadQuery = z.object({ name: z.string().trim().min(1).max(200) });

export const upload = z.object({ id: z.uuid(), name: z.string(), bytes: z.number() });

/** What to import: uploaded files, and how to read them (all optional: detected when not given). */
export const importBody = z
  .object({
    uploads: z
      .array(z.object({ id: z.uuid(), name: z.string().max(200) }))
      .min(1, "give at least one uploaded file")
      .max(20),
    format: importFormat.optional(),
    dateFormat: dateFormat.optional(),
    mappings: z.record(z.string().max(200), fileMapping).optional(),
    owners: z.record(z.string().max(320), z.string().max(320)).optional(),
  })
  .strict();

const counts = z.object({
  created: z.number(),
  updated: z.number(),
  skipped: z.number(),
  errors: z.number(),
  warnings: z.number(),
});

export const importIssue = z.object({
  file: z.string(),
  row: z.number(),
  column: z.string().nullable(),
  value: z.string().nullable(),
  message: z.string(),
  severity: z.enum(["error", "warning"]),
});

export const importFile = z.object({
  name: z.string(),
  format: z.string(),
  kind: z.string(),
  encoding: z.string(),
  delimiter: z.string(),
  headers: z.array(z.string()),
  columns: z.record(z.string(), z.string()),
  constants: z.record(z.string(), z.string()),
  unmapped: z.array(z.string()),
  samples: z.array(z.array(z.string())),
  fields: z.array(z.object({ field: z.string(), label: z.string() })),
  /** Why the file cannot be read until its mapping is given (kind, or a column for a required field). */
  needsMapping: z.string().nullable(),
  /** For a file no system's headers describe: each field's column proposed from the values, how sure, and why. */
  proposed: z
    .record(z.string(), z.object({ column: z.string(), confidence: z.number(), why: z.string() }))
    .nullable(),
});

export const importPreview = z.object({
  files: z.array(importFile),
  counts,
  issues: z.array(importIssue),
  issueCount: z.number(),
  unknownOwners: z.record(z.string(), z.number()),
  unknownStages: z
    .record(z.string(), z.number())
    .describe("stages not understood: imported as open, kept as the source stage; decisions per stage"),
});

export const importRun = z.object({
  id: z.uuid(),
  status: z.enum(["running", "interrupted", "done", "failed", "undone"]),
  files: z.array(z.object({ name: z.string(), format: z.string(), kind: z.string() })),
  counts,
  progress: z.number().nullable().describe("0–1 while running"),
  unknownOwners: z.record(z.string(), z.number()),
  unknownStages: z.record(z.string(), z.number()),
  error: z.string().nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
  undoneAt: z.string().nullable(),
});

export const importRunDetail = importRun.extend({ issues: z.array(importIssue) });

export const importRunList = z.object({ items: z.array(importRun) });

export const exportParams = z.object({
  kind: z.enum(["accounts", "stakeholders", "decisions", "concerns", "reviews"]),
});

export const exportQuery = z.object({
  format: z.enum(["csv", "json"]).default("csv"),
  bom: z.enum(["true", "false"]).optional(),
});

export const createMappingBody = z
  .object({
    name: z.string().trim().min(1, "must not be empty").max(200),
    kind: importKind,
    columns: z.record(z.string().max(100), cell),
    constants: z.record(z.string().max(100), cell).default({}),
  })
  .strict()
  .superRefine(knownFields);

export const savedMapping = z.object({
  id: z.uuid(),
  name: z.string(),
  kind: importKind,
  columns: z.record(z.string(), z.string()),
  constants: z.record(z.string(), z.string()),
  version: z.number(),
  updatedAt: z.string(),
});

export const savedMappingList = z.object({ items: z.array(savedMapping) });
