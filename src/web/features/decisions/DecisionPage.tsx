import {
  Alert,
  Anchor,
  Badge,
  Breadcrumbs,
  Button,
  Grid,
  Group,
  Select,
  Stack,
  Tabs,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { IconPencil } from "@tabler/icons-react";
import { useSuspenseQuery } from "@tanstack/react-query";
import { Link, useNavigate, useParams, useSearch } from "@tanstack/react-router";
import { useState } from "react";
import type { DecisionDetail } from "../../../contract/decisions.ts";
import { ConflictNotice } from "../../components/ConflictNotice.tsx";
import { amountError, MoneyInput } from "../../components/MoneyInput.tsx";
import { ApiError } from "../../lib/api.ts";
import { label, money, toMajor, toMinor } from "../../lib/format.ts";
import { ConcessionsPanel } from "../concessions/ConcessionsPanel.tsx";
import { ConversationsTab } from "../conversations/ConversationsTab.tsx";
import { BuyerEvidence } from "../plan/BuyerEvidence.tsx";
import { PlanEditor } from "../plan/PlanEditor.tsx";
import { SharePanel } from "../plan/SharePanel.tsx";
import { AfterTheSalePanel } from "../success/AfterTheSalePanel.tsx";
import { decisionQuery, useUpdateDecision } from "./api.ts";
import { ConcernsSection } from "./canvas/ConcernsSection.tsx";
import { ConfidenceSection } from "./canvas/ConfidenceSection.tsx";
import { DecidingSection } from "./canvas/DecidingSection.tsx";
import { HistoryList } from "./canvas/HistoryList.tsx";
import { ImpactSection } from "./canvas/ImpactSection.tsx";
import { PeopleSection } from "./canvas/PeopleSection.tsx";
import { ProblemSection } from "./canvas/ProblemSection.tsx";
import { ReadinessPanel } from "./canvas/ReadinessPanel.tsx";
import { ReviewsList } from "./canvas/ReviewsList.tsx";
import { InvalidInput } from "./canvas/Section.tsx";
import { TriggerSection } from "./canvas/TriggerSection.tsx";
import type { DecisionTab } from "./search.ts";

const CURRENCIES = [
  "USD",
  "EUR",
  "GBP",
  "CAD",
  "AUD",
  "CHF",
  "JPY",
  "SEK",
  "NOK",
  "DKK",
  "INR",
  "BRL",
  "MXN",
  "SGD",
];

const FORECAST = [
  { value: "omitted", label: "Omitted" },
  { value: "pipeline", label: "Pipeline" },
  { value: "best_case", label: "Best case" },
  { value: "commit", label: "Commit" },
];

/** The forecast category; the commit guard answers with which review answer stands in the way, and why. */
function ForecastCategory({ decision }: { decision: DecisionDetail }) {
  const update = useUpdateDecision(decision);
  const blocked =
    update.error instanceof ApiError && update.error.body.code === "commit_guard"
      ? update.error.body.fields
      : [];
  return (
    <Group gap={6} align="flex-start">
      <Text size="xs" c="dimmed" mt={6}>
        Forecast category
      </Text>
      <Select
        size="xs"
        w={130}
        aria-label="Forecast category"
        data={FORECAST}
        value={decision.forecastCategory}
        disabled={!decision.canEdit}
        allowDeselect={false}
        onChange={(value) =>
          value &&
          value !== decision.forecastCategory &&
          update.mutate({ forecastCategory: value as DecisionDetail["forecastCategory"] })
        }
      />
      {blocked.length > 0 && (
        <Alert color="orange" variant="light" p={6} maw={520} data-testid="commit-guard">
          <Text size="xs" fw={600}>
            Not commit yet:
          </Text>
          {blocked.map((field) => (
            <Text key={field.message} size="xs">
              {field.message}
            </Text>
          ))}
        </Alert>
      )}
    </Group>
  );
}

function Header({ decision }: { decision: DecisionDetail }) {
  const [editing, setEditing] = useState(false);
  const update = useUpdateDecision(decision);
  const toForm = () => ({
    title: decision.title,
    value: decision.valueAmount === null ? "" : toMajor(decision.valueAmount, decision.currency),
    currency: decision.currency,
  });
  const form = useForm<{ title: string; value: number | string; currency: string }>({
    initialValues: toForm(),
    validate: {
      title: (v) => (v.trim() ? null : "Name the decision, in the customer's terms"),
      value: (v, values) => amountError(v, values.currency, "The value"),
    },
  });
  return (
    <Stack gap={6}>
      <Breadcrumbs>
        <Anchor component={Link} to="/decisions" size="sm">
          Decisions
        </Anchor>
        <Anchor component={Link} to={`/accounts/${decision.accountId}`} size="sm">
          {decision.accountName}
        </Anchor>
      </Breadcrumbs>
      {editing ? (
        <form
          onSubmit={form.onSubmit((v) =>
            update.mutate(
              {
                title: v.title,
                currency: v.currency,
                valueAmount: v.value === "" ? null : toMinor(Number(v.value), v.currency),
              },
              { onSuccess: () => setEditing(false) },
            ),
          )}
        >
          <Group align="flex-end">
            <TextInput
              label="Decision, in the customer's terms"
              style={{ flex: 1 }}
              {...form.getInputProps("title")}
            />
            <MoneyInput label="Our estimated value" w={180} {...form.getInputProps("value")} />
            <Select
              label="Currency"
              data={CURRENCIES}
              w={100}
              allowDeselect={false}
              searchable
              {...form.getInputProps("currency")}
            />
            <Button type="submit" loading={update.isPending}>
              Save
            </Button>
            <Button variant="default" onClick={() => setEditing(false)}>
              Cancel
            </Button>
          </Group>
          <ConflictNotice edit={update} />
          <InvalidInput messages={update.invalid} />
        </form>
      ) : (
        <Group justify="space-between" align="flex-start">
          <div>
            <Title order={2} data-testid="decision-title">
              {decision.title}
            </Title>
            <Group gap="xs" mt={4}>
              <Text size="sm" c="dimmed">
                Owner: {decision.ownerName}
              </Text>
              <Text size="sm" c="dimmed">
                · Our estimated value: {money(decision.valueAmount, decision.currency)}
              </Text>
              {decision.outcome !== "open" && (
                <Badge color={decision.outcome === "won" ? "teal" : "gray"}>{label(decision.outcome)}</Badge>
              )}
              {decision.source && (
                <Text size="sm" c="dimmed" data-testid="decision-source">
                  <Badge variant="outline" color="gray" mr={6}>
                    from {decision.source.system}
                  </Badge>
                  {[
                    decision.source.stage && `stage “${decision.source.stage}”`,
                    decision.source.productLine && `product ${decision.source.productLine}`,
                    decision.source.owner && `owner there: ${decision.source.owner} (not a member yet)`,
                  ]
                    .filter(Boolean)
                    .join(" · ")}
                </Text>
              )}
            </Group>
          </div>
          {decision.canEdit ? (
            <Button
              variant="subtle"
              size="xs"
              leftSection={<IconPencil size={14} />}
              onClick={() => {
                form.setValues(toForm());
                update.begin();
                setEditing(true);
              }}
            >
              Edit
            </Button>
          ) : (
            <Badge variant="light" color="gray">
              read only — {decision.ownerName}'s decision
            </Badge>
          )}
        </Group>
      )}
    </Stack>
  );
}

export function DecisionPage() {
  const { id } = useParams({ from: "/app/decisions/$id" });
  const { tab } = useSearch({ from: "/app/decisions/$id" });
  const navigate = useNavigate({ from: "/decisions/$id" });
  const { data: decision } = useSuspenseQuery(decisionQuery(id));
  return (
    <Stack gap="md" maw={1400}>
      <Header decision={decision} />
      <Tabs
        value={tab}
        onChange={(value) =>
          navigate({ search: { tab: (value ?? "canvas") as DecisionTab }, replace: false })
        }
        keepMounted={false}
      >
        <Tabs.List mb="md">
          <Tabs.Tab value="canvas">The customer's decision</Tabs.Tab>
          <Tabs.Tab value="conversations">Conversations</Tabs.Tab>
          <Tabs.Tab value="plan">Plan and buyer room</Tabs.Tab>
          <Tabs.Tab value="reviews">Reviews</Tabs.Tab>
          <Tabs.Tab value="history">History</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="canvas">
          <Grid>
            <Grid.Col span={{ base: 12, lg: 8 }}>
              <Stack gap="md">
                <AfterTheSalePanel decision={decision} />
                <ProblemSection decision={decision} />
                <ImpactSection decision={decision} />
                <TriggerSection decision={decision} />
                <PeopleSection decision={decision} />
                <ConcernsSection decision={decision} />
                <DecidingSection decision={decision} />
                <ConfidenceSection decision={decision} />
              </Stack>
            </Grid.Col>
            <Grid.Col span={{ base: 12, lg: 4 }}>
              <Stack gap="md" style={{ position: "sticky", top: 76 }}>
                <ForecastCategory decision={decision} />
                <ConcessionsPanel decision={decision} />
                <ReadinessPanel readiness={decision.readinessDetail} />
              </Stack>
            </Grid.Col>
          </Grid>
        </Tabs.Panel>
        <Tabs.Panel value="conversations">
          <ConversationsTab decision={decision} />
        </Tabs.Panel>
        <Tabs.Panel value="plan">
          <Stack>
            <PlanEditor decision={decision} />
            <SharePanel decision={decision} />
            <BuyerEvidence decision={decision} />
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="reviews">
          <ReviewsList decisionId={decision.id} />
        </Tabs.Panel>
        <Tabs.Panel value="history">
          <HistoryList decisionId={decision.id} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
