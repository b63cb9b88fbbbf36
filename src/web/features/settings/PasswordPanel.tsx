import { Button, Group, Paper, PasswordInput, Stack, Text } from "@mantine/core";
import { useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { ApiError } from "../../lib/api.ts";
import { notifyError } from "../../lib/errors.ts";
import { useChangePassword } from "../auth/api.ts";

/** A member changes their own password; no one needs to hand passwords around. */
export function PasswordPanel() {
  const form = useForm({
    initialValues: { currentPassword: "", newPassword: "", repeat: "" },
    validate: {
      currentPassword: (v) => (v ? null : "Your current password"),
      newPassword: (v) => (v.length >= 10 ? null : "At least 10 characters"),
      repeat: (v, values) => (v === values.newPassword ? null : "Type the new password again"),
    },
  });
  const change = useChangePassword({
    onSuccess: () => {
      form.reset();
      notifications.show({
        color: "teal",
        title: "Password changed",
        message: "You stay signed in here; every other session of yours has ended.",
      });
    },
    onError: (error) => {
      const field = error instanceof ApiError ? error.fieldMessage("currentPassword") : undefined;
      if (field) form.setFieldError("currentPassword", "That is not your current password");
      else notifyError(error, "Could not change the password");
    },
  });
  return (
    <Paper withBorder p="lg" data-testid="password-panel">
      <Text fw={600}>Your password</Text>
      <Text size="sm" c="dimmed" mb="sm">
        Changing it signs you out everywhere else.
      </Text>
      <form
        onSubmit={form.onSubmit((v) =>
          change.mutate({ currentPassword: v.currentPassword, newPassword: v.newPassword }),
        )}
      >
        <Stack gap="xs" maw={360}>
          <PasswordInput
            label="Current password"
            autoComplete="current-password"
            {...form.getInputProps("currentPassword")}
          />
          <PasswordInput
            label="New password"
            autoComplete="new-password"
            {...form.getInputProps("newPassword")}
          />
          <PasswordInput
            label="New password, again"
            autoComplete="new-password"
            {...form.getInputProps("repeat")}
          />
          <Group>
            <Button type="submit" loading={change.isPending}>
              Change password
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
