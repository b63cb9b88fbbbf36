// Reading the CRM data sets the forecast backtest replays: Maven's pipeline (with its products, accounts and
// teams) and Olist's marketing-qualified leads with the deals they became.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import type { Lead, PipelineContext, PipelineDeal } from "../domain/forecast/backtest.ts";
import { CliUsageError } from "./usage-error.ts";

function rows(file: string): Record<string, string>[] {
  try {
    return parse(readFileSync(file), { columns: true, skip_empty_lines: true, bom: true, trim: true });
  } catch (error) {
    throw new CliUsageError(`cannot read ${file}: ${(error as Error).message}`);
  }
}

function require(record: Record<string, string>, column: string, file: string, line: number) {
  if (!(column in record)) throw new CliUsageError(`${file}: line ${line}: no column "${column}"`);
  return record[column]!;
}

const ISO = /^\d{4}-\d{2}-\d{2}$/;

export type Dataset =
  | { kind: "maven"; deals: PipelineDeal[]; context: PipelineContext }
  | { kind: "olist"; leads: Lead[]; won: Set<string> };

function maven(dir: string): Dataset {
  const file = path.join(dir, "sales_pipeline.csv");
  const deals = rows(file).map((r, i) => {
    const line = i + 2;
    const date = (column: string) => {
      const value = require(r, column, file, line);
      if (value && !ISO.test(value))
        throw new CliUsageError(`${file}: line ${line}: ${column} "${value}" is not a date (YYYY-MM-DD)`);
      return value || null;
    };
    const value = require(r, "close_value", file, line);
    return {
      id: require(r, "opportunity_id", file, line),
      agent: require(r, "sales_agent", file, line),
      product: require(r, "product", file, line).replace(/^GTXPro$/, "GTX Pro"),
      account: require(r, "account", file, line),
      stage: require(r, "deal_stage", file, line),
      engage: date("engage_date"),
      close: date("close_date"),
      value: value === "" ? null : Number(value),
    };
  });
  const optional = (name: string) => (existsSync(path.join(dir, name)) ? rows(path.join(dir, name)) : []);
  return {
    kind: "maven",
    deals,
    context: {
      listPrice: new Map(optional("products.csv").map((r) => [r.product!, Number(r.sales_price)])),
      sector: new Map(optional("accounts.csv").map((r) => [r.account!, r.sector!])),
      team: new Map(
        optional("sales_teams.csv").map((r) => [
          r.sales_agent!,
          { manager: r.manager!, office: r.regional_office! },
        ]),
      ),
    },
  };
}

/** Olist's dates are DD-MM-YYYY in this copy (a spreadsheet re-save); ISO is read too. */
function olistDate(value: string, file: string, line: number) {
  const dmy = /^(\d{2})-(\d{2})-(\d{4})/.exec(value);
  if (dmy) return `${dmy[3]}-${dmy[2]}-${dmy[1]}`;
  if (/^\d{4}-\d{2}-\d{2}/.test(value)) return value.slice(0, 10);
  throw new CliUsageError(`${file}: line ${line}: first_contact_date "${value}" is not a date`);
}

function olist(dir: string): Dataset {
  const leadsFile = path.join(dir, "olist_marketing_qualified_leads_dataset.csv");
  const dealsFile = path.join(dir, "olist_closed_deals_dataset.csv");
  const leads = rows(leadsFile).map((r, i) => ({
    id: require(r, "mql_id", leadsFile, i + 2),
    firstContact: olistDate(require(r, "first_contact_date", leadsFile, i + 2), leadsFile, i + 2),
    landingPage: require(r, "landing_page_id", leadsFile, i + 2),
    origin: require(r, "origin", leadsFile, i + 2),
  }));
  const won = new Set(
    existsSync(dealsFile) ? rows(dealsFile).map((r, i) => require(r, "mql_id", dealsFile, i + 2)) : [],
  );
  return { kind: "olist", leads, won };
}

/** The data set in a folder, told by its files. */
export function readDataset(dir: string): Dataset {
  if (!existsSync(dir)) throw new CliUsageError(`--data ${dir}: no such folder`);
  if (existsSync(path.join(dir, "sales_pipeline.csv"))) return maven(dir);
  if (existsSync(path.join(dir, "olist_marketing_qualified_leads_dataset.csv"))) return olist(dir);
  throw new CliUsageError(
    `--data ${dir}: no data set recognised (expected Maven's sales_pipeline.csv or Olist's olist_marketing_qualified_leads_dataset.csv)`,
  );
}
