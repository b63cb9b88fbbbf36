import { existsSync } from "node:fs";
import path from "node:path";
import { it } from "vitest";

/**
 * The public data sets beside the project. A user's clone has none: tests that read them skip and say why;
 * under CI=true their absence is a failure, so CI never passes by skipping.
 */
export function sharedData(folder: "data" | "eval" = "data") {
  const root = path.resolve("../shared", folder);
  const present = existsSync(root);
  if (!present && process.env.CI === "true")
    it(`needs the shared ${folder} under CI`, () => {
      throw new Error(`${root} is missing: CI runs with the shared data beside the project`);
    });
  return { present, file: (relative: string) => path.join(root, relative) };
}
