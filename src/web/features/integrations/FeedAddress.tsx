import { Alert, Button, Code, CopyButton, Group, Stack } from "@mantine/core";

/** A calendar feed's secret address, shown once, with how to use it. */
export function FeedAddress({ url, onDone }: { url: string; onDone: () => void }) {
  return (
    <Stack>
      <Alert color="teal" variant="light" title="Subscribe to this address">
        In Google Calendar: Other calendars → From URL. In Outlook: Add calendar → Subscribe from web. In
        Apple Calendar: File → New Calendar Subscription. It is shown only now; anyone holding it sees these
        steps, so revoke it if it leaks.
      </Alert>
      <Code block data-testid="feed-url">
        {url}
      </Code>
      <Group justify="flex-end">
        <CopyButton value={url}>
          {({ copied, copy }) => (
            <Button variant="light" onClick={copy}>
              {copied ? "Copied" : "Copy address"}
            </Button>
          )}
        </CopyButton>
        <Button onClick={onDone}>Done</Button>
      </Group>
    </Stack>
  );
}
