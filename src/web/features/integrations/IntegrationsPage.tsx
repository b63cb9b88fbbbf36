import { Anchor, Code, Paper, Stack, Text } from "@mantine/core";
import { useSuspenseQuery } from "@tanstack/react-query";
import { PageHeader } from "../../components/PageHeader.tsx";
import { meQuery } from "../auth/api.ts";
import { ApiTokensPanel } from "./ApiTokensPanel.tsx";
import { curlExample, OPENAPI_URL } from "./api.ts";
import { CalendarPanel } from "./CalendarPanel.tsx";
import { WebhooksPanel } from "./WebhooksPanel.tsx";

/** For people wiring Confidant into their other tools: tokens, the API's description, and an example. */
export function IntegrationsPage() {
  const { data: me } = useSuspenseQuery(meQuery);
  return (
    <Stack maw={1100}>
      <PageHeader
        title="API and integrations"
        description="Your calendar, and the scripts and systems that read and react to your customers' decisions."
      />
      <ApiTokensPanel />
      <CalendarPanel />
      <Paper withBorder p="lg">
        <Text fw={600}>The API</Text>
        <Text size="sm" c="dimmed" mb="sm">
          Every screen of Confidant is built on the same API. Its full description, request and answer shapes
          included, is the{" "}
          <Anchor href={OPENAPI_URL} target="_blank">
            OpenAPI document
          </Anchor>
          . To list the decisions you can see:
        </Text>
        <Code block data-testid="curl-example">
          {curlExample(window.location.origin)}
        </Code>
        <Text size="sm" c="dimmed" mt="sm">
          A read token answers GET requests only; changes need a read-and-write token and are recorded in the
          history as made by you, through an API token. A revoked token is refused from its next request.
        </Text>
      </Paper>
      {me?.member.role === "admin" && <WebhooksPanel />}
    </Stack>
  );
}
