import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const WEB = path.join(import.meta.dirname, "..", "src", "web");
const sources = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sources(full);
    return /\.tsx?$/.test(entry.name) && !entry.name.includes(".test.") ? [full] : [];
  });

describe("the web app's API layer", () => {
  it("names server URLs only in a feature's api.ts, so every call is typed and refreshes what it changed", () => {
    const outside = sources(WEB)
      .filter((file) => !/features[\\/][^\\/]+[\\/]api\.ts$/.test(file))
      .filter((file) => readFileSync(file, "utf8").includes("/api/v1"))
      .map((file) => path.relative(WEB, file));
    expect(outside).toEqual([]);
  });
});
