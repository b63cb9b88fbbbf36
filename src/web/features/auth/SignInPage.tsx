import { Alert, Anchor, Button, Paper, PasswordInput, Stack, Text, TextInput, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useSuspenseQuery } from "@tanstack/react-query";
import { Link, useNavigate } from "@tanstack/react-router";
import { LIMITS } from "../../../contract/common.ts";
import { messageOf } from "../../lib/errors.ts";
import { AuthLayout } from "../setup/AuthLayout.tsx";
import { setupQuery } from "../setup/api.ts";
import { DemoPanel } from "../setup/DemoPanel.tsx";
import { useSignIn } from "./api.ts";

export function SignInPage() {
  const { data: setup } = useSuspenseQuery(setupQuery);
  const navigate = useNavigate();
  const form = useForm({ initialValues: { email: "", password: "" } });
  const signIn = useSignIn({ onSuccess: () => navigate({ to: "/" }) });
  return (
    <AuthLayout aside={setup.demo.enabled ? <DemoPanel demo={setup.demo} /> : undefined}>
      <Paper withBorder p="xl">
        <form onSubmit={form.onSubmit((values) => signIn.mutate(values))}>
          <Stack gap="md">
            <Title order={3}>Sign in</Title>
            {signIn.error && (
              <Alert color="red" variant="light" title="Could not sign in">
                {messageOf(signIn.error)}
              </Alert>
            )}
            <TextInput
              label="Email"
              autoComplete="username"
              required
              maxLength={LIMITS.email}
              {...form.getInputProps("email")}
            />
            <PasswordInput
              label="Password"
              autoComplete="current-password"
              required
              {...form.getInputProps("password")}
            />
            <Button type="submit" loading={signIn.isPending} size="md">
              Sign in
            </Button>
            {setup.hasWorkspace && (
              <Text size="sm" c="dimmed">
                Forgot your password, or no account yet? An admin of your workspace can send you a link.
              </Text>
            )}
            {(!setup.hasWorkspace || setup.openSignup) && (
              <Text size="sm" c="dimmed">
                New here?{" "}
                <Anchor component={Link} to="/welcome">
                  Create a workspace for your company
                </Anchor>
              </Text>
            )}
          </Stack>
        </form>
      </Paper>
    </AuthLayout>
  );
}
