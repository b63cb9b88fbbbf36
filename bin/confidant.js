#!/usr/bin/env node
// Runs the bundled server and CLI when it is current (`npm start` and the tests build it), else the TypeScript
// sources through tsx — so there is no build step to remember, and an edited source is never run stale.
import { serverBundle, serverBundleIsCurrent } from "../scripts/server-bundle.js";

if (serverBundleIsCurrent()) {
  process.setSourceMapsEnabled(true);
  await import(serverBundle);
} else {
  const { register } = await import("tsx/esm/api");
  register();
  await import("../src/cli/main.ts");
}
