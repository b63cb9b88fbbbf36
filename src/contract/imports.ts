import { z } from "zod";
import { FIELDS, type ImportKind } from "../domain/import/fields.ts";

export const importKind = z.enum(Object.keys(FIELDS) as [ImportKind, ...ImportKind[]]);
export const importFormat = z.enum([
  "auto",
  "salesforce",
  "salesforce_report",
  "hubspot",
  "pipedrive",
  "maven",
  "csv",
]);
export const dateFormat = z.enum(["DMY", "MDY", "YMD"]);

const cell = z.string().max(200);

/** Columns ↔ fields for one file; `kind` is needed when the headers do not say what the file holds. */
export const fileMapping = z
  .object({
    kind: importKind.optional(),
    columns: z.record(z.string().max(100), cell).optional(),
    constants: z.record(z.string().max(100), cell).optional(),
  })
  .strict()
  .superRefine((mapping, ctx) => {
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
  });

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
  .strict();
export type MappingFile = z.infer<typeof mappingFile>;
