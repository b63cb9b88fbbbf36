import { describe, expect, it } from "vitest";
import { ApiError } from "./api.ts";
import { messageOf, showErrorsOn } from "./errors.ts";

const refused = (fields: { path: string; message: string }[]) =>
  new ApiError(400, {
    code: "invalid_input",
    message: `Invalid input: ${fields.map((f) => `${f.path} ${f.message}`).join("; ")}`,
    fields,
  });

function fakeForm(values: Record<string, unknown>) {
  const errors: Record<string, string> = {};
  return { errors, getValues: () => values, setFieldError: (path: string, e: string) => (errors[path] = e) };
}

describe("a refused form in the member's words", () => {
  it("puts each refusal under its own input, saying what is wrong and by how much", () => {
    const form = fakeForm({ name: "n".repeat(250), email: "sam@acme.c", teamId: null });
    showErrorsOn(
      form,
      refused([
        { path: "body.name", message: "Too big: expected string to have <=200 characters" },
        { path: "body.email", message: "must be an email address" },
        { path: "body.teamId", message: "must not be empty" },
      ]),
      "Could not invite the member",
    );
    expect(form.errors).toEqual({
      name: "Can be up to 200 characters — this is 250.",
      email: "Must be an email address.",
      teamId: "Can't be empty.",
    });
  });

  it("maps an API path to the form's own input name where they differ", () => {
    const form = fakeForm({ newName: "" });
    showErrorsOn(
      form,
      refused([{ path: "body.name", message: "must not be empty" }]),
      "Could not add",
      (p) => (p === "name" ? "newName" : p),
    );
    expect(form.errors).toEqual({ newName: "Can't be empty." });
  });

  it("a notice never shows the API's paths or terms", () => {
    const message = messageOf(
      refused([{ path: "body.problem.statement", message: "must be at most 10,000 characters" }]),
    );
    expect(message).toBe("The problem can be up to 10,000 characters.");
    expect(message).not.toMatch(/body\.|Invalid input/);
  });
});
