import { Alert, Anchor, Button, Loader, Paper, PasswordInput, Stack, Text, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useQuery } from "@tanstack/react-query";
import { getRouteApi, Link, useNavigate } from "@tanstack/react-router";
import { ApiError } from "../../lib/api.ts";
import { messageOf } from "../../lib/errors.ts";
import { AuthLayout } from "../setup/AuthLayout.tsx";
import { memberLinkQuery, useAcceptMemberLink } from "./api.ts";

const route = getRouteApi("/join/$token");

/** Behind an invitation or password-reset link: the person sees whose link it is and chooses a password. */
export function JoinPage() {
  const { token } = route.useParams();
  const navigate = useNavigate();
  const link = useQuery(memberLinkQuery(token));
  const form = useForm({
    initialValues: { password: "", repeat: "" },
    validate: {
      password: (v) => (v.length >= 10 ? null : "At least 10 characters"),
      repeat: (v, values) => (v === values.password ? null : "Type the same password again"),
    },
  });
  const accept = useAcceptMemberLink(token, {
    onSuccess: () => navigate({ to: "/" }),
    onError: (error) => {
      const field = error instanceof ApiError ? error.fieldMessage("password") : undefined;
      if (field) form.setFieldError("password", `The password ${field}`);
    },
  });
  const invitation = link.data?.purpose === "invitation";
  return (
    <AuthLayout>
      <Paper withBorder p="xl" data-testid="join-page">
        {link.isPending ? (
          <Loader />
        ) : link.error ? (
          <Stack>
            <Title order={3}>This link no longer works</Title>
            <Text c="dimmed">{messageOf(link.error)}</Text>
            <Anchor component={Link} to="/sign-in">
              Go to sign-in
            </Anchor>
          </Stack>
        ) : (
          <form onSubmit={form.onSubmit((v) => accept.mutate(v.password))}>
            <Stack gap="md">
              <div>
                <Title order={3}>
                  {invitation ? `Join ${link.data.workspaceName}` : "Choose a new password"}
                </Title>
                <Text c="dimmed" size="sm" mt={4}>
                  {invitation
                    ? `Welcome, ${link.data.memberName}. Choose a password and you are in; you sign in with ${link.data.email}.`
                    : `For ${link.data.memberName} (${link.data.email}) in ${link.data.workspaceName}. Your other sessions end when you save it.`}
                </Text>
              </div>
              {accept.error &&
                !(accept.error instanceof ApiError && accept.error.fieldMessage("password")) && (
                  <Alert color="red" variant="light" title="That did not work">
                    {messageOf(accept.error)}
                  </Alert>
                )}
              <PasswordInput
                label="Password"
                description="At least 10 characters"
                autoComplete="new-password"
                {...form.getInputProps("password")}
              />
              <PasswordInput
                label="Password, again"
                autoComplete="new-password"
                {...form.getInputProps("repeat")}
              />
              <Button type="submit" loading={accept.isPending} size="md">
                {invitation ? "Join" : "Save and sign in"}
              </Button>
            </Stack>
          </form>
        )}
      </Paper>
    </AuthLayout>
  );
}
