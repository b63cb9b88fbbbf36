import { Button, Group, NumberInput, Paper, Stack, Switch, Text, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { useQuery } from "@tanstack/react-query";
import { showErrorsOn } from "../../lib/errors.ts";
import { useChangePolicies, workspaceQuery } from "./api.ts";

type Settings = {
  commitGuard: boolean;
  concessionSellerMaxPercent: number;
  concessionManagerMaxPercent: number;
};

function PoliciesForm({ settings, version }: { settings: Settings; version: number }) {
  const form = useForm({ mode: "uncontrolled", initialValues: settings });
  const change = useChangePolicies({
    onSuccess: () => notifications.show({ message: "Policies saved." }),
    onError: (error) =>
      showErrorsOn(form, error, "The policies were not saved", (path) =>
        path.replace(/^body\.settings\./, ""),
      ),
  });
  return (
    <form onSubmit={form.onSubmit((values) => change.mutate({ version, settings: values }))}>
      <Stack>
        <Switch
          label="Commit guard"
          description="A decision is forecast as commit only once the customer agreed a plan and the review's problem, impact and why-change answers are theirs."
          key={form.key("commitGuard")}
          {...form.getInputProps("commitGuard", { type: "checkbox" })}
        />
        <Group grow align="flex-start">
          <NumberInput
            label="A seller approves their own concession up to (% off)"
            min={0}
            max={100}
            key={form.key("concessionSellerMaxPercent")}
            {...form.getInputProps("concessionSellerMaxPercent")}
          />
          <NumberInput
            label="Their manager approves up to (% off); deeper, an admin"
            min={0}
            max={100}
            key={form.key("concessionManagerMaxPercent")}
            {...form.getInputProps("concessionManagerMaxPercent")}
          />
        </Group>
        <Group justify="flex-end">
          <Button type="submit" loading={change.isPending}>
            Save policies
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** What the workspace holds its sellers to: the commit guard and who approves how deep a concession. */
export function PoliciesPanel() {
  const { data } = useQuery(workspaceQuery);
  return (
    <Paper withBorder p="lg" component="section" aria-label="Policies">
      <Stack gap="sm">
        <Title order={3}>Policies</Title>
        <Text size="sm" c="dimmed">
          Discounts given to close by a date train customers to wait for the next one: decide who approves how
          much.
        </Text>
        {data && <PoliciesForm key={data.version} settings={data.settings} version={data.version} />}
      </Stack>
    </Paper>
  );
}
