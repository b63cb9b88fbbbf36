import { Button, Loader, Paper, Stack, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { getRouteApi } from "@tanstack/react-router";
import { messageOf } from "../../lib/errors.ts";
import { AuthLayout } from "../setup/AuthLayout.tsx";
import { unsubscribeQuery, useUnsubscribe } from "./api.ts";

const route = getRouteApi("/unsubscribe/$token");

const WHAT = {
  room: "invitations to decision rooms and check-in requests",
  digest: "the weekly team digest",
  actions: "reminders of review actions that are due",
  notices: "notices to admins (a webhook turned off)",
} as const;

/** From the link in any mail, without signing in: stop that kind of mail to that address. */
export function UnsubscribePage() {
  const { token } = route.useParams();
  const link = useQuery(unsubscribeQuery(token));
  const stop = useUnsubscribe(token);
  const view = stop.data ?? link.data;
  return (
    <AuthLayout>
      <Paper withBorder p="xl" data-testid="unsubscribe-page">
        {link.isPending ? (
          <Loader />
        ) : link.error || !view ? (
          <Stack>
            <Title order={3}>This link does not work</Title>
            <Text c="dimmed">{messageOf(link.error)}</Text>
          </Stack>
        ) : view.unsubscribed ? (
          <Stack>
            <Title order={3}>You will get no more of these</Title>
            <Text>
              {view.address} will no longer receive {WHAT[view.kind]} from this Confidant workspace.
            </Text>
          </Stack>
        ) : (
          <Stack>
            <Title order={3}>Stop these mails?</Title>
            <Text>
              {view.address} gets {WHAT[view.kind]} from this Confidant workspace.
            </Text>
            <Button onClick={() => stop.mutate()} loading={stop.isPending}>
              Stop these mails
            </Button>
          </Stack>
        )}
      </Paper>
    </AuthLayout>
  );
}
