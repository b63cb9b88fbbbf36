// Builds what is missing or older than its sources — the web app (dist/web) and the bundled server and CLI
// (dist/server) — so `npm start` and the tests always run the current code without rebuilding every time.
import { existsSync, statSync } from "node:fs";
import path from "node:path";
import { build } from "vite";
import { buildServerIfStale, newestMtime } from "./server-bundle.js";

const root = path.resolve(import.meta.dirname, "..");
const built = path.join(root, "dist/web/index.html");

const sources = [path.join(root, "src/web"), path.join(root, "src/contract")];
const sourceTime = Math.max(
  ...sources.map((dir) => newestMtime(dir)),
  statSync(path.join(root, "vite.config.ts")).mtimeMs,
);
if (!existsSync(built) || statSync(built).mtimeMs < sourceTime) {
  console.log("Building the web app…");
  await build({ configFile: path.join(root, "vite.config.ts"), logLevel: "warn" });
}
await buildServerIfStale();
