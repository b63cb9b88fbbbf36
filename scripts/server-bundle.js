// The server and CLI bundled into dist/server by esbuild. Starting the TypeScript sources through tsx costs about
// a second of compiling per process; the bundle starts at once. Dependencies are bundled too (resolving and
// compiling hundreds of files from node_modules took a CLI command from 0.9 to 1.4 s), minified and with a source
// map that names the sources without carrying them (stack traces keep file and line, at half a second less per
// start). The bundle is used only when it is newer than every source file, so an edit is never run stale.
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const outDir = path.join(root, "dist/server");
export const serverBundle = path.join(outDir, "confidant.js");

/** The newest modification time of any file under `dir`, leaving out the folders in `skip`. */
export function newestMtime(dir, skip = []) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (skip.includes(full)) continue;
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full, skip) : statSync(full).mtimeMs);
  }
  return newest;
}

export function serverBundleIsCurrent() {
  if (!existsSync(serverBundle)) return false;
  const sources = Math.max(
    newestMtime(path.join(root, "src"), [path.join(root, "src/web")]),
    statSync(path.join(root, "package.json")).mtimeMs,
    statSync(import.meta.filename).mtimeMs,
  );
  return statSync(serverBundle).mtimeMs >= sources;
}

export async function buildServerIfStale() {
  if (serverBundleIsCurrent()) return;
  const { build } = await import("esbuild");
  // Built beside, then renamed into place: a process starting meanwhile reads the old bundle or the new, never half.
  const staging = `${outDir}.${process.pid}`;
  await build({
    entryPoints: {
      confidant: path.join(root, "src/cli/main.ts"),
      // The forecast learner's thread, found beside the bundle as it is found beside its source.
      "learn.worker": path.join(root, "src/server/features/insights/learn.worker.ts"),
    },
    outdir: staging,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    // Left in node_modules: what loads files beside its own code (PGlite's WebAssembly, the native argon2,
    // pino's transport thread).
    external: ["@electric-sql/pglite", "@node-rs/argon2", "pino", "thread-stream"],
    // Bundled CommonJS packages call require; an ES module has none of its own.
    banner: {
      js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
    },
    sourcemap: true,
    sourcesContent: false,
    minifyWhitespace: true,
    minifySyntax: true,
    logLevel: "warning",
  });
  mkdirSync(outDir, { recursive: true });
  for (const file of readdirSync(staging)) renameSync(path.join(staging, file), path.join(outDir, file));
  rmSync(staging, { recursive: true, force: true });
}
