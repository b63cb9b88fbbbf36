import { copyFileSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { fixture } from "../import/import-helpers.ts";
import { exported, inPostgresRun, run, temp, workspaceDir } from "./cli-helpers.ts";

// Each command starts a process and opens the embedded database: seconds each on a small machine.
vi.setConfig({ testTimeout: 180_000 });

describe.skipIf(inPostgresRun)(
  "confidant import (embedded database: skipped as a repeat in the PostgreSQL run)",
  () => {
    it("prints the summary line, writes row errors as a CSV report, and exits 0 when rows were processed", () => {
      const dataDir = workspaceDir();
      const files = [
        "salesforce-OpportunityContactRole.csv",
        "salesforce-Opportunity.csv",
        "salesforce-Contact.csv",
        "salesforce-Account.csv",
      ].map(fixture);
      const result = run(["import", ...files, "--report", "errors.csv"], dataDir);
      expect(result.status).toBe(0);
      expect(result.stdout.trim().split("\n").at(-1)).toBe(
        "imported: 10 created, 0 updated, 1 skipped, 1 errors",
      );
      expect(result.stderr).toContain(`Row errors and warnings (1): ${path.join(result.cwd, "errors.csv")}`);
      const report = readFileSync(path.join(result.cwd, "errors.csv"), "utf8");
      expect(report.split("\n")[0]).toBe("file,row,column,value,severity,message");
      expect(report).toContain(
        "salesforce-OpportunityContactRole.csv,4,OpportunityId,006A0000009,error,no imported opportunity has this id",
      );
      expect(result.stderr).toContain("Owners not matched to a member");

      // Without --report, the report goes beside the first file, not into the folder the command ran from.
      const inputs = temp("cli-inputs-");
      const copies = files.map((file) => {
        const copy = path.join(inputs, path.basename(file));
        copyFileSync(file, copy);
        return copy;
      });
      const again = run(["import", ...copies], dataDir);
      expect(again.stdout).toContain("imported: 0 created, 10 updated, 1 skipped, 1 errors");
      const beside = readdirSync(inputs).filter((name) => name.includes(".import-errors-"));
      expect(beside).toEqual([
        expect.stringMatching(/^salesforce-OpportunityContactRole\.import-errors-.*\.csv$/),
      ]);
      expect(again.stderr).toContain(path.join(inputs, beside[0]!));
      expect(readdirSync(again.cwd)).toEqual([]);
    });

    it("--dry-run counts, shows what each file's headers matched and the stages not recognized, and writes nothing", () => {
      const dataDir = workspaceDir();
      const dry = run(
        [
          "import",
          fixture("hubspot-deals.csv"),
          fixture("hubspot-companies.csv"),
          fixture("zoho-deals.csv"),
          "--dry-run",
        ],
        dataDir,
      );
      expect(dry.status).toBe(0);
      expect(dry.stdout).toContain("dry run (nothing written): 8 created, 0 updated, 0 skipped, 0 errors");
      expect(dry.stderr).toContain("zoho-deals.csv: zoho opportunities");
      expect(dry.stderr).toContain(
        "matched 12 of 16 columns: Record Id → id, Account Name → accountName, Deal Name → name, Amount → amount",
      );
      expect(dry.stderr).toContain(
        "Stages not recognized, imported as open and kept as the source stage: Technische Prüfung (1).",
      );
      expect(exported(dataDir).read("decisions")).toEqual([]);
    });

    it("a mapping file, --date-format and --workspace", () => {
      const dataDir = workspaceDir("Europe");
      const result = run(
        [
          "import",
          fixture("european-semicolon.csv"),
          "--map",
          fixture("european-semicolon.map.json"),
          "--workspace",
          "europe",
          "--date-format",
          "DMY",
        ],
        dataDir,
      );
      expect(result.stdout).toContain("imported: 2 created");
      const decisions = exported(dataDir).read("decisions");
      expect(decisions.map((d) => [d.source_id, d.value, d.currency, d.target_date]).sort()).toEqual([
        ["A-1", "1234.56", "EUR", "2027-01-31"],
        ["A-2", "12000.00", "EUR", "2027-02-15"],
      ]);
    });

    it("unusable input exits 2 with the reason; nothing is written", () => {
      const dataDir = workspaceDir();
      const cases: Array<[string[], RegExp]> = [
        [[path.join(dataDir, "missing.csv")], /missing\.csv: cannot be read/],
        [[fixture("hubspot-deals.csv"), "--format", "excel"], /--format/],
        [[fixture("hubspot-deals.csv"), "--date-format", "DDMMYY"], /--date-format/],
        [[fixture("hubspot-deals.csv"), "--encoding", "klingon"], /--encoding "klingon"/],
        [[fixture("hubspot-deals.csv"), "--map", fixture("hubspot-deals.csv")], /--map .*is not valid JSON/],
        [
          [fixture("hubspot-deals.csv"), "--workspace", "Nope"],
          /no workspace is named "Nope" \(there are: Acme \([0-9a-f-]{36}\)\)/,
        ],
      ];
      for (const [args, message] of cases) {
        const result = run(["import", ...args], dataDir);
        expect(result.status, args.join(" ")).toBe(2);
        expect(result.stderr).toMatch(message);
      }
      const badMap = path.join(temp("map-"), "map.json");
      writeFileSync(badMap, JSON.stringify({ kind: "opportunity", columns: { wingspan: "x" } }));
      const mapped = run(["import", fixture("hubspot-deals.csv"), "--map", badMap], dataDir);
      expect(mapped.status).toBe(2);
      expect(mapped.stderr).toContain("columns.wingspan is not a field of opportunity");
      expect(exported(dataDir).read("decisions")).toEqual([]);
    });

    it("an unknown CSV: a clear one is mapped from its values, an unclear one stops with a proposal to edit and pass with --map", () => {
      const dataDir = workspaceDir();
      const inputs = temp("cli-unknown-");
      for (const name of ["projekt-liste.csv", "codes-and-notes.csv"])
        copyFileSync(fixture(name), path.join(inputs, name));
      const files = ["projekt-liste.csv", "codes-and-notes.csv"].map((name) => path.join(inputs, name));
      const stopped = run(["import", ...files], dataDir);
      expect(stopped.status).toBe(2);
      const proposalFile = path.join(inputs, "codes-and-notes.mapping.json");
      expect(stopped.stderr).toContain(
        `the titles could be in “Label” or “Remark”: give a column mapping (--map). Wrote what its values suggest (Ref → id (60%), Label → name (50%)) to ${proposalFile}`,
      );
      const proposal = JSON.parse(readFileSync(proposalFile, "utf8"));
      expect(proposal).toEqual({ kind: "opportunity", columns: { id: "Ref", name: "Label" } });
      // The user checks it: the remark is a note.
      const edited = path.join(inputs, "mapping.json");
      writeFileSync(
        edited,
        JSON.stringify({
          files: {
            "codes-and-notes.csv": {
              ...proposal,
              columns: { ...proposal.columns, description: "Remark" },
            },
          },
        }),
      );
      const imported = run(["import", ...files, "--map", edited], dataDir);
      expect(imported.status).toBe(0);
      expect(imported.stderr).toContain(
        "projekt-liste.csv: csv opportunities (utf-8)\n  mapped from its values (its values show the title (“Vorhaben”), the stage (“Phase”), the amount (“Volumen”), the date (“Termin”)): Nr. → id (60%), Kunde → accountName (90%), Vorhaben → name (85%), Volumen → amount (90%), Termin → closeDate (85%), Phase → stage (90%), Betreuer → ownerEmail (70%)\n",
      );
      expect(imported.stdout).toContain("imported: 9 created");
      expect(
        exported(dataDir)
          .read("decisions")
          .map((d) => d.title)
          .sort(),
      ).toContain("Blue folder");
    });
  },
);
