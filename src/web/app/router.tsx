import { Anchor, Center, Loader, Stack, Text, Title } from "@mantine/core";
import type { QueryClient } from "@tanstack/react-query";
import {
  createRootRouteWithContext,
  createRoute,
  createRouter,
  type ErrorComponentProps,
  Link,
  lazyRouteComponent,
  Outlet,
  redirect,
} from "@tanstack/react-router";
import { Logo } from "../components/Logo.tsx";
import { accountQuery } from "../features/accounts/api.ts";
import { meQuery } from "../features/auth/api.ts";
import { SignInPage } from "../features/auth/SignInPage.tsx";
import { decisionQuery } from "../features/decisions/api.ts";
import { DecisionsPage } from "../features/decisions/DecisionsPage.tsx";
import { decisionSearch, decisionsSearch } from "../features/decisions/search.ts";
import { HomePage } from "../features/home/HomePage.tsx";
import { reviewQuery } from "../features/reviews/api.ts";
import { ReviewsPage } from "../features/reviews/ReviewsPage.tsx";
import { setupQuery } from "../features/setup/api.ts";
import { WelcomePage } from "../features/setup/WelcomePage.tsx";
import { ApiError } from "../lib/api.ts";
import { messageOf } from "../lib/errors.ts";
import { AppLayout } from "./AppLayout.tsx";

const rootRoute = createRootRouteWithContext<{ queryClient: QueryClient }>()({ component: Outlet });

const welcomeRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/welcome",
  loader: ({ context }) => context.queryClient.ensureQueryData(setupQuery),
  component: WelcomePage,
});

const signInRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/sign-in",
  loader: ({ context }) => context.queryClient.ensureQueryData(setupQuery),
  component: SignInPage,
});

/** An invitation or password-reset link: public, the token in the address is the proof. */
const joinRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/join/$token",
  component: lazyRouteComponent(() => import("../features/auth/JoinPage.tsx"), "JoinPage"),
});

/** The buyer room: public, outside the app shell, opened with the link's secret alone. */
const roomRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/room/$token",
  component: lazyRouteComponent(() => import("../features/room/RoomPage.tsx"), "RoomPage"),
});

/** From the link in a mail, without signing in: stop that kind of mail. */
const unsubscribeRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/unsubscribe/$token",
  component: lazyRouteComponent(() => import("../features/email/UnsubscribePage.tsx"), "UnsubscribePage"),
});

/** Everything behind sign-in; a visitor goes to the welcome page on a fresh installation, else to sign-in. */
const appRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: "app",
  beforeLoad: async ({ context }) => {
    const me = await context.queryClient.fetchQuery(meQuery);
    if (me) return;
    const setup = await context.queryClient.fetchQuery(setupQuery);
    throw redirect({ to: setup.hasWorkspace ? "/sign-in" : "/welcome" });
  },
  component: AppLayout,
});

function CannotOpen({ error }: ErrorComponentProps) {
  const missing = error instanceof ApiError && (error.status === 404 || error.status === 400);
  return (
    <Stack maw={600} data-testid="cannot-open">
      <Title order={3}>{missing ? "There is nothing here" : "We could not open this page"}</Title>
      <Text c="dimmed">
        {missing
          ? "It may have been deleted, the address may be mistyped, or it belongs to someone whose records you cannot see."
          : messageOf(error)}
      </Text>
      <Anchor component={Link} to="/decisions">
        Back to decisions
      </Anchor>
    </Stack>
  );
}

/** An address no page answers: said plainly, in the app's own look, with a way back. */
function NotFound() {
  return (
    <Center mih="70vh" p="md">
      <Stack maw={520} data-testid="not-found">
        <Logo />
        <Title order={2}>This page does not exist</Title>
        <Text c="dimmed">The address may be mistyped, or the page may have moved.</Text>
        <Anchor component={Link} to="/">
          Go to your home page
        </Anchor>
      </Stack>
    </Center>
  );
}

const homeRoute = createRoute({ getParentRoute: () => appRoute, path: "/", component: HomePage });
const decisionsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/decisions",
  validateSearch: decisionsSearch,
  component: DecisionsPage,
});
const decisionRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/decisions/$id",
  validateSearch: decisionSearch,
  loader: ({ context, params }) => context.queryClient.ensureQueryData(decisionQuery(params.id)),
  component: lazyRouteComponent(() => import("../features/decisions/DecisionPage.tsx"), "DecisionPage"),
  errorComponent: CannotOpen,
});
const accountsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/accounts",
  component: lazyRouteComponent(() => import("../features/accounts/AccountsPage.tsx"), "AccountsPage"),
});
const accountRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/accounts/$id",
  loader: ({ context, params }) => context.queryClient.ensureQueryData(accountQuery(params.id)),
  component: lazyRouteComponent(() => import("../features/accounts/AccountPage.tsx"), "AccountPage"),
  errorComponent: CannotOpen,
});
const reviewsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/reviews",
  component: ReviewsPage,
});
const reviewRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/reviews/$id",
  loader: ({ context, params }) => context.queryClient.ensureQueryData(reviewQuery(params.id)),
  component: lazyRouteComponent(() => import("../features/reviews/ReviewPage.tsx"), "ReviewPage"),
  errorComponent: CannotOpen,
});
const insightsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/insights",
  component: lazyRouteComponent(() => import("../features/insights/InsightsPage.tsx"), "InsightsPage"),
});
const settingsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/settings",
  component: lazyRouteComponent(() => import("../features/settings/SettingsPage.tsx"), "SettingsPage"),
});
const integrationsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/integrations",
  component: lazyRouteComponent(
    () => import("../features/integrations/IntegrationsPage.tsx"),
    "IntegrationsPage",
  ),
});
const importRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/import",
  component: lazyRouteComponent(() => import("../features/imports/ImportPage.tsx"), "ImportPage"),
});

const routeTree = rootRoute.addChildren([
  welcomeRoute,
  signInRoute,
  joinRoute,
  roomRoute,
  unsubscribeRoute,
  appRoute.addChildren([
    homeRoute,
    decisionsRoute,
    decisionRoute,
    accountsRoute,
    accountRoute,
    reviewsRoute,
    reviewRoute,
    insightsRoute,
    settingsRoute,
    integrationsRoute,
    importRoute,
  ]),
]);

export function buildRouter(queryClient: QueryClient) {
  return createRouter({
    routeTree,
    context: { queryClient },
    defaultPendingComponent: () => (
      <Center h="60vh">
        <Loader />
      </Center>
    ),
    defaultPreload: "intent",
    defaultNotFoundComponent: NotFound,
  });
}

declare module "@tanstack/react-router" {
  interface Register {
    router: ReturnType<typeof buildRouter>;
  }
}
