import { z } from "zod";
import { GAP_KEYS, PLACEHOLDER_WORDS } from "../domain/readiness/questions.ts";
import { version } from "./common.ts";

export const questionEntry = z.object({
  key: z.enum(GAP_KEYS as [string, ...string[]]),
  /** The gap that brings this question up, in words. */
  when: z.string(),
  text: z.string(),
  defaultText: z.string(),
  customized: z.boolean(),
  version: z.number().nullable(),
});

export const questionList = z.object({ items: z.array(questionEntry) });

export const questionKeyParams = z.object({
  key: z.enum(GAP_KEYS as [string, ...string[]], { message: "is not a gap in the question library" }),
});

export const putQuestionBody = z
  .object({
    text: z
      .string()
      .trim()
      .min(5)
      .max(500)
      .refine(
        (text) => [...text.matchAll(/\{(\w*)\}/g)].every((m) => m[1]! in PLACEHOLDER_WORDS),
        `can only fill in ${Object.keys(PLACEHOLDER_WORDS)
          .map((p) => `{${p}}`)
          .join(", ")}`,
      ),
    version: version.optional(),
  })
  .strict();
