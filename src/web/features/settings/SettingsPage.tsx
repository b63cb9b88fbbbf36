import { Stack } from "@mantine/core";
import { PageHeader } from "../../components/PageHeader.tsx";
import { MembersPanel } from "../members/MembersPanel.tsx";
import { TeamsPanel } from "../members/TeamsPanel.tsx";
import { QuestionLibraryPanel } from "./QuestionLibraryPanel.tsx";

export function SettingsPage() {
  return (
    <Stack maw={1100}>
      <PageHeader
        title="Settings"
        description="The people in this workspace, their teams, and the questions Confidant suggests."
      />
      <MembersPanel />
      <TeamsPanel />
      <QuestionLibraryPanel />
    </Stack>
  );
}
