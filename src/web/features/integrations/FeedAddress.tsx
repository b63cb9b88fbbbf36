import { Alert, Button, Stack } from "@mantine/core";
import { OneTimeLink } from "../../components/OneTimeLink.tsx";

/** A calendar feed's secret address, shown once, with how to use it. */
export function FeedAddress({ url, onDone }: { url: string; onDone: () => void }) {
  return (
    <Stack>
      <Alert color="teal" variant="light" title="Subscribe to this address">
        In Google Calendar: Other calendars → From URL. In Outlook: Add calendar → Subscribe from web. In
        Apple Calendar: File → New Calendar Subscription. It is shown only now; anyone holding it sees these
        steps, so revoke it if it leaks.
      </Alert>
      <OneTimeLink url={url} testId="feed-url" copyLabel="Copy address">
        <Button onClick={onDone}>Done</Button>
      </OneTimeLink>
    </Stack>
  );
}
