// `npm run bench -- NAME`: runs bench/NAME.ts. Benchmarks print figures with a baseline measured in the same run.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { buildServerIfStale } from "../scripts/server-bundle.js";

const available = readdirSync("bench")
  .filter((file) => file.endsWith(".bench.ts"))
  .map((file) => file.replace(".bench.ts", ""));
const names = process.argv.slice(2);
if (names.length === 0 || names.includes("--help")) {
  console.log(`usage: npm run bench -- NAME…\navailable: ${available.join(", ")}`);
  process.exit(names.length === 0 ? 2 : 0);
}
// The app servers a benchmark starts run the bundle, as `npm start` does.
await buildServerIfStale();
for (const name of names) {
  if (!existsSync(`bench/${name}.bench.ts`)) {
    console.error(`Unknown benchmark "${name}". Available: ${available.join(", ")}`);
    process.exit(2);
  }
  const status = spawnSync(process.execPath, ["--import", "tsx", `bench/${name}.bench.ts`], {
    stdio: "inherit",
  }).status;
  if (status !== 0) process.exit(status ?? 1);
}
