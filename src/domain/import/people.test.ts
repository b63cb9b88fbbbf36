import { describe, expect, it } from "vitest";
import { personFinder, personKey } from "./people.ts";

const person = (id: string, name: string, accountId: string, extra = {}) => ({
  id,
  sourceId: null,
  name,
  email: null,
  accountId,
  ...extra,
});

describe("finding the people a deal names", () => {
  it("knows a person by the email in “Name (email)”, else by the name, in any case", () => {
    expect(personKey("Leslie Knope (Leslie@Pawnee.gov)")).toBe("leslie@pawnee.gov");
    expect(personKey("Ron Swanson <ron@pawnee.gov>")).toBe("ron@pawnee.gov");
    expect(personKey("  Sam RIVERA ")).toBe("sam rivera");
  });

  it("finds by the CRM's id, by name or email, and prefers the deal's account when a name is shared", () => {
    const find = personFinder([
      person("p1", "Sam Rivera", "acme", { sourceId: "81" }),
      person("p2", "Sam Rivera", "globex"),
      person("p3", "Leslie Knope", "acme", { email: "leslie@pawnee.gov" }),
    ]);
    const at = (by: "id" | "name", value: string, account: string | null) =>
      find({ by, value, column: "Contact" }, account);
    expect(at("id", "81", null)).toEqual({ id: "p1" });
    expect(at("id", "82", null)).toMatchObject({ problem: expect.stringContaining("no imported contact") });
    expect(at("name", "sam rivera", "globex")).toEqual({ id: "p2" });
    expect(at("name", "Sam Rivera", "initech")).toMatchObject({
      problem: expect.stringContaining("more than one"),
    });
    expect(at("name", "Someone (LESLIE@pawnee.gov)", "initech")).toEqual({ id: "p3" });
    expect(at("name", "Ann Perkins", "acme")).toMatchObject({
      problem: expect.stringContaining("no imported"),
    });
  });
});
