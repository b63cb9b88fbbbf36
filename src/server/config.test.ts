import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./config.ts";

describe("loadConfig", () => {
  it("defaults to the embedded database in ./data with the demo on, on 127.0.0.1:3000", () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ port: 3000, host: "127.0.0.1", demo: true, databaseUrl: undefined });
    expect(config.dataDir).toMatch(/data$/);
  });

  it("turns the demo off by default with DATABASE_URL, and CONFIDANT_DEMO overrides both ways", () => {
    const url = "postgres://u:p@127.0.0.1/db";
    expect(loadConfig({ DATABASE_URL: url }).demo).toBe(false);
    expect(loadConfig({ DATABASE_URL: url, CONFIDANT_DEMO: "1" }).demo).toBe(true);
    expect(loadConfig({ CONFIDANT_DEMO: "0" }).demo).toBe(false);
  });

  it("keeps the demo (one-click entry as admin) off on an address other machines reach, unless CONFIDANT_DEMO=1 says so", () => {
    expect(loadConfig({ HOST: "0.0.0.0" }).demo).toBe(false);
    expect(loadConfig({ HOST: "10.0.0.5" }).demo).toBe(false);
    expect(loadConfig({ HOST: "0.0.0.0", CONFIDANT_DEMO: "1" }).demo).toBe(true);
    expect(loadConfig({ HOST: "localhost" }).demo).toBe(true);
    expect(loadConfig({ HOST: "::1" }).demo).toBe(true);
  });

  it.each([
    [{ PORT: "eighty" }, "PORT"],
    [{ PORT: "70000" }, "PORT"],
    [{ DATABASE_URL: "mysql://x" }, "DATABASE_URL"],
    [{ CONFIDANT_DEMO: "yes" }, "CONFIDANT_DEMO"],
  ])("names the variable that is wrong: %o", (env, variable) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(variable);
  });
});
