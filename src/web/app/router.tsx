import { Center, Loader } from "@mantine/core";
import type { QueryClient } from "@tanstack/react-query";
import {
  createRootRouteWithContext,
  createRoute,
  createRouter,
  Outlet,
  redirect,
} from "@tanstack/react-router";
import { SignInPage } from "../features/auth/SignInPage.tsx";
import { DecisionsPage } from "../features/decisions/DecisionsPage.tsx";
import { HomePage } from "../features/home/HomePage.tsx";
import { InsightsPage } from "../features/insights/InsightsPage.tsx";
import { ReviewsPage } from "../features/reviews/ReviewsPage.tsx";
import { SettingsPage } from "../features/settings/SettingsPage.tsx";
import { WelcomePage } from "../features/setup/WelcomePage.tsx";
import { meQuery, setupQuery } from "../lib/session.ts";
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

const page = (path: string, component: () => React.ReactNode) =>
  createRoute({ getParentRoute: () => appRoute, path, component });

const routeTree = rootRoute.addChildren([
  welcomeRoute,
  signInRoute,
  appRoute.addChildren([
    page("/", HomePage),
    page("/decisions", DecisionsPage),
    page("/reviews", ReviewsPage),
    page("/insights", InsightsPage),
    page("/settings", SettingsPage),
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
  });
}

declare module "@tanstack/react-router" {
  interface Register {
    router: ReturnType<typeof buildRouter>;
  }
}
