import { Anchor, Button, Paper, PasswordInput, Stack, Text, TextInput, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useSuspenseQuery } from "@tanstack/react-query";
import { Link, Navigate, useNavigate } from "@tanstack/react-router";
import type { CreateWorkspaceBody } from "../../../contract/auth.ts";
import { LIMITS } from "../../../contract/common.ts";
import { showErrorsOn } from "../../lib/errors.ts";
import { AuthLayout } from "./AuthLayout.tsx";
import { setupQuery, useCreateWorkspace } from "./api.ts";
import { DemoPanel } from "./DemoPanel.tsx";

/** First run (or while sign-up is open): create your own workspace and its first admin, or explore the demo. */
export function WelcomePage() {
  const { data: setup } = useSuspenseQuery(setupQuery);
  const navigate = useNavigate();
  const form = useForm<CreateWorkspaceBody>({
    initialValues: { workspaceName: "", name: "", email: "", password: "" },
    validate: {
      workspaceName: (v) => (v.trim() ? null : "Name your workspace, e.g. your company"),
      name: (v) => (v.trim() ? null : "Your name, as colleagues know it"),
      email: (v) => (/^\S+@\S+\.\S+$/.test(v) ? null : "An email address you sign in with"),
      password: (v) => (v.length >= 10 ? null : "At least 10 characters"),
    },
  });
  const create = useCreateWorkspace({
    onSuccess: () => navigate({ to: "/" }),
    onError: (error) => showErrorsOn(form, error, "Could not create the workspace"),
  });

  if (setup.hasWorkspace && !setup.openSignup) return <Navigate to="/sign-in" />;

  return (
    <AuthLayout aside={setup.demo.enabled ? <DemoPanel demo={setup.demo} /> : undefined}>
      <Paper withBorder p="xl">
        <form onSubmit={form.onSubmit((values) => create.mutate(values))}>
          <Stack gap="md">
            <div>
              <Title order={3}>Create your workspace</Title>
              <Text c="dimmed" size="sm" mt={4}>
                You will be its first admin and can invite your team next.
              </Text>
            </div>
            <TextInput
              label="Workspace name"
              placeholder="Acme Sales"
              {...form.getInputProps("workspaceName")}
            />
            <TextInput label="Your name" placeholder="Ann Rivera" {...form.getInputProps("name")} />
            <TextInput
              label="Work email"
              placeholder="ann@acme.com"
              maxLength={LIMITS.email}
              {...form.getInputProps("email")}
            />
            <PasswordInput
              label="Password"
              description="At least 10 characters"
              {...form.getInputProps("password")}
            />
            <Button type="submit" loading={create.isPending} size="md">
              Create workspace
            </Button>
            <Text size="sm" c="dimmed">
              Already have an account?{" "}
              <Anchor component={Link} to="/sign-in">
                Sign in
              </Anchor>
            </Text>
          </Stack>
        </form>
      </Paper>
    </AuthLayout>
  );
}
