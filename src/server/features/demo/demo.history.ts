// A year and a half of the demo team's closed decisions, brought in the way a customer brings theirs: as a
// CRM export (Maven's shape: accounts, products with list prices, the pipeline) through the import. So the
// demo's Insights show real figures — win and no-decision rates, the quarter-end hockey stick and its
// discounts, a forecast with something to learn from and a backtest of it.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Kysely } from "kysely";
import { seeded } from "../../../domain/random.ts";
import { DAY_MS } from "../../../domain/time.ts";
import type { Database } from "../../db/schema.ts";
import { importFiles } from "../imports/imports.service.ts";

const PRODUCTS = [
  { name: "Close Suite", price: 48_000 },
  { name: "Permit Portal", price: 36_000 },
  { name: "Ops Analytics", price: 18_000 },
];
const SECTORS = ["manufacturing", "healthcare", "public sector", "finance", "retail"];
const ACCOUNTS = [
  "Alder Foods",
  "Beacon Clinics",
  "Birch County",
  "Cobalt Metals",
  "Delta Credit",
  "Elm Street Retail",
  "Fjord Logistics",
  "Granite Health",
  "Harbor Textiles",
  "Iris Bank",
  "Juniper Schools",
  "Kestrel Motors",
  "Lumen Pharmacy",
  "Maple City",
  "Nimbus Insurance",
  "Oak Valley Hospital",
  "Pine Grocers",
  "Quarry Works",
  "Riverbend Water",
  "Sable Apparel",
  "Tamarack Steel",
  "Umber Savings",
  "Vale Transit",
  "Willow Care",
];
const NO_DECISION_REASONS = [
  "Status quo: kept the spreadsheets",
  "Went dark after the pilot",
  "No budget this year",
];

const day = (t: number) => new Date(t).toISOString().slice(0, 10);
const csv = (rows: (string | number)[][]) => `${rows.map((r) => r.join(",")).join("\n")}\n`;

/** Days before the end of its quarter a date falls. */
const toQuarterEnd = (t: number) => {
  const d = new Date(t);
  const end = Date.UTC(d.getUTCFullYear(), Math.floor(d.getUTCMonth() / 3) * 3 + 3, 1);
  return Math.floor((end - t) / DAY_MS);
};

/**
 * Priya helps customers decide: shorter cycles, few no-decisions, full price. Tom pushes for the quarter:
 * closes bunch in its last weeks, at a discount, and more customers end up deciding nothing.
 */
export function demoHistory(sellers: string[], today: Date) {
  const random = seeded(7);
  const pipeline: (string | number)[][] = [
    [
      "opportunity_id",
      "sales_agent",
      "product",
      "account",
      "deal_stage",
      "engage_date",
      "close_date",
      "close_value",
      "loss_reason",
    ],
  ];
  for (let i = 0; i < 160; i++) {
    const seller = sellers[i % sellers.length]!;
    const helps = i % sellers.length === 0;
    const product = PRODUCTS[Math.floor(random() * PRODUCTS.length)]!;
    const engaged = today.getTime() - (60 + Math.floor(random() * 480)) * DAY_MS;
    let closed = engaged + (helps ? 25 + random() * 50 : 40 + random() * 90) * DAY_MS;
    let discount = helps && random() < 0.15 ? 0.05 : 0;
    if (!helps && random() < 0.6) {
      // Pulled into the quarter's last two weeks with a promotion.
      const left = toQuarterEnd(closed);
      if (left > 14) closed += (left - 3 - Math.floor(random() * 10)) * DAY_MS;
      discount = 0.1 + Math.round(random() * 3) * 0.05;
    }
    if (closed > today.getTime() - DAY_MS) continue;
    const r = random();
    const outcome = helps
      ? r < 0.55
        ? "Won"
        : r < 0.85
          ? "Lost"
          : "NoDecision"
      : r < 0.4
        ? "Won"
        : r < 0.65
          ? "Lost"
          : "NoDecision";
    pipeline.push([
      `H${1000 + i}`,
      seller,
      product.name,
      ACCOUNTS[Math.floor(random() * ACCOUNTS.length)]!,
      outcome === "Won" ? "Won" : "Lost",
      day(engaged),
      day(closed),
      outcome === "Won" ? Math.round(product.price * (1 - discount)) : 0,
      outcome === "NoDecision" ? NO_DECISION_REASONS[Math.floor(random() * NO_DECISION_REASONS.length)]! : "",
    ]);
  }
  return {
    "accounts.csv": csv([
      ["account", "sector", "employees"],
      ...ACCOUNTS.map((a, i) => [a, SECTORS[i % SECTORS.length]!, 200 + i * 37]),
    ]),
    "products.csv": csv([
      ["product", "series", "sales_price"],
      ...PRODUCTS.map((p) => [p.name, "Core", p.price]),
    ]),
    "sales_pipeline.csv": csv(pipeline),
  };
}

export async function seedDemoHistory(db: Kysely<Database>, workspaceId: string, sellers: string[]) {
  const dir = await mkdtemp(path.join(tmpdir(), "confidant-demo-"));
  try {
    const files = demoHistory(sellers, new Date());
    const paths: string[] = [];
    for (const [name, content] of Object.entries(files)) {
      paths.push(path.join(dir, name));
      await writeFile(path.join(dir, name), content);
    }
    await importFiles(db, { workspaceId, memberId: null }, paths, { format: "auto" });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
