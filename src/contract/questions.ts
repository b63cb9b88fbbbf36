import { z } from "zod";
import { GAP_KEYS } from "../domain/readiness/questions.ts";
import { version } from "./common.ts";

export const questionEntry = z.object({
  key: z.enum(GAP_KEYS as [string, ...string[]]),
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
  .object({ text: z.string().trim().min(5).max(500), version: version.optional() })
  .strict();
