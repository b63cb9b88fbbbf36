import { describe, expect, it } from "vitest";
import { ApiError } from "./api.ts";
import { fieldErrorsOf } from "./field-errors.ts";

const refused = (fields: { path: string; message: string }[]) =>
  new ApiError(400, { code: "invalid_input", message: "Invalid input", fields });

describe("input errors in the user's words", () => {
  it("names the field as the page does and says what is wrong in plain words, never the API's terms", () => {
    const long = "x".repeat(20_000);
    expect(
      fieldErrorsOf(
        refused([
          { path: "body.problem.statement", message: "must be at most 10,000 characters" },
          { path: "body.valueAmount", message: "must be a whole number of minor units (cents)" },
          {
            path: "body.impact.risks.0.amount",
            message: "is not a plausible amount (at most 10^14 minor units)",
          },
        ]),
        { problem: { statement: long } },
      ),
    ).toEqual([
      "The problem can be up to 10,000 characters — this is 20,000.",
      "Our estimated value must be a whole number of cents.",
      "A risk's amount is more than any deal is worth — check the figure.",
    ]);
  });
});
