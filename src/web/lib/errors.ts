import { notifications } from "@mantine/notifications";
import { ApiError } from "./api.ts";

export function messageOf(error: unknown) {
  if (error instanceof ApiError) return error.message;
  return "We could not reach the server. Check your connection and try again.";
}

export function notifyError(error: unknown, title = "That did not work") {
  notifications.show({ color: "red", title, message: messageOf(error) });
}
