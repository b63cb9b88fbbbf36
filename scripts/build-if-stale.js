// Builds what is missing or older than its sources — the web app (dist/web) and the bundled server and CLI
// (dist/server) — so `npm start` and the tests always run the current code without rebuilding every time.
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { build } from "vite";
import { buildServerIfStale } from "./server-bundle.js";

const root = path.resolve(import.meta.dirname, "..");
const built = path.join(root, "dist/web/index.html");

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

const sources = [path.join(root, "src/web"), path.join(root, "src/contract")];
const sourceTime = Math.max(...sources.map(newestMtime), statSync(path.join(root, "vite.config.ts")).mtimeMs);
if (!existsSync(built) || statSync(built).mtimeMs < sourceTime) {
  console.log("Building the web app…");
  await build({ configFile: path.join(root, "vite.config.ts"), logLevel: "warn" });
}
await buildServerIfStale();
