import { notifications } from "@mantine/notifications";
import { ApiError } from "./api.ts";
import { fieldErrorsOf, nameOf, onTheField, plainly, valueAt } from "./field-errors.ts";

/** What went wrong, in the member's words: refused fields are named as the page names them. */
export function messageOf(error: unknown) {
  if (!(error instanceof ApiError))
    return "We could not reach the server. Check your connection and try again.";
  if (error.body.code === "invalid_input" && error.body.fields.length)
    return fieldErrorsOf(error, undefined).join(" ");
  return error.message;
}

export function notifyError(error: unknown, title = "That did not work") {
  notifications.show({ color: "red", title, message: messageOf(error) });
}

interface FormLike {
  getValues(): unknown;
  setFieldError(path: string, error: string): void;
}

/**
 * Shows a refused write on the form itself: each field the API names gets its message under its input, in the
 * member's words; what no input on the form shows goes in a notice. `formPath` maps an API path (without
 * `body.`) to the form's own name for that input where the two differ.
 */
export function showErrorsOn(
  form: FormLike,
  error: unknown,
  title: string,
  formPath: (apiPath: string) => string = (path) => path,
) {
  if (!(error instanceof ApiError) || error.body.code !== "invalid_input" || !error.body.fields.length) {
    notifyError(error, title);
    return;
  }
  const values = form.getValues();
  const unshown: string[] = [];
  for (const field of error.body.fields) {
    const path = formPath(field.path.replace(/^body\./, ""));
    const value = valueAt(values, path);
    if (value === undefined) unshown.push(`${nameOf(field.path)} ${plainly(field.message, value)}.`);
    else form.setFieldError(path, onTheField(field.message, value));
  }
  if (unshown.length) notifications.show({ color: "red", title, message: unshown.join(" ") });
}
