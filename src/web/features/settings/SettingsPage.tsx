import { Button, Group, Paper, Stack, Text } from "@mantine/core";
import { IconDatabaseImport, IconPlugConnected } from "@tabler/icons-react";
import { useSuspenseQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { PageHeader } from "../../components/PageHeader.tsx";
import { meQuery } from "../auth/api.ts";
import { DiagnosticsPanel } from "../corrections/DiagnosticsPanel.tsx";
import { EmailPanel } from "../email/EmailPanel.tsx";
import { MembersPanel } from "../members/MembersPanel.tsx";
import { TeamsPanel } from "../members/TeamsPanel.tsx";
import { PasswordPanel } from "./PasswordPanel.tsx";
import { PoliciesPanel } from "./PoliciesPanel.tsx";
import { QuestionLibraryPanel } from "./QuestionLibraryPanel.tsx";

export function SettingsPage() {
  const { data: me } = useSuspenseQuery(meQuery);
  return (
    <Stack maw={1100}>
      <PageHeader
        title="Settings"
        description="The people in this workspace, their teams, and the questions Confidant suggests."
      />
      <MembersPanel />
      <TeamsPanel />
      <QuestionLibraryPanel />
      {me?.member.role === "admin" && <PoliciesPanel />}
      {me?.member.role !== "seller" && <DiagnosticsPanel />}
      <EmailPanel admin={me?.member.role === "admin"} />
      <PasswordPanel />
      <Paper withBorder p="lg">
        <Group justify="space-between">
          <div>
            <Text fw={600}>API and integrations</Text>
            <Text size="sm" c="dimmed">
              Your API tokens, the API's description and how to call it.
            </Text>
          </div>
          <Button
            component={Link}
            to="/integrations"
            variant="light"
            leftSection={<IconPlugConnected size={16} />}
          >
            API and integrations
          </Button>
        </Group>
      </Paper>
      {me?.member.role === "admin" && (
        <Paper withBorder p="lg">
          <Group justify="space-between">
            <div>
              <Text fw={600}>Import and export</Text>
              <Text size="sm" c="dimmed">
                Bring accounts, contacts and opportunities from Salesforce, HubSpot, Pipedrive or a
                spreadsheet; export everything as CSV or JSON.
              </Text>
            </div>
            <Button component={Link} to="/import" leftSection={<IconDatabaseImport size={16} />}>
              Import and export
            </Button>
          </Group>
        </Paper>
      )}
    </Stack>
  );
}
