import {
  AppShell,
  Avatar,
  Badge,
  Burger,
  Group,
  Menu,
  NavLink,
  Stack,
  Text,
  UnstyledButton,
  VisuallyHidden,
} from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import {
  IconBuilding,
  IconChartBar,
  IconChevronDown,
  IconFileImport,
  IconHome,
  IconLogout,
  IconMessageCircleQuestion,
  IconSettings,
  IconTargetArrow,
} from "@tabler/icons-react";
import { useSuspenseQuery } from "@tanstack/react-query";
import { Link, Outlet, useNavigate, useRouterState } from "@tanstack/react-router";
import { Logo } from "../components/Logo.tsx";
import { meQuery, useSignOut } from "../features/auth/api.ts";
import { initials } from "../features/setup/DemoPanel.tsx";

const nav = [
  { to: "/", label: "Home", icon: IconHome, exact: true },
  { to: "/decisions", label: "Decisions", icon: IconTargetArrow },
  { to: "/accounts", label: "Accounts", icon: IconBuilding },
  { to: "/reviews", label: "Reviews", icon: IconMessageCircleQuestion },
  { to: "/insights", label: "Insights", icon: IconChartBar },
  { to: "/import", label: "Import", icon: IconFileImport, admin: true },
  { to: "/settings", label: "Settings", icon: IconSettings },
] as const;

export function AppLayout() {
  const { data: me } = useSuspenseQuery(meQuery);
  const [opened, { toggle, close }] = useDisclosure();
  const pathname = useRouterState({ select: (state) => state.location.pathname });
  const navigate = useNavigate();
  const signOutWrite = useSignOut({ onSuccess: () => navigate({ to: "/sign-in" }) });
  if (!me) return null;

  const signOut = () => signOutWrite.mutate();

  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 232, breakpoint: "sm", collapsed: { mobile: !opened } }}
      padding="xl"
    >
      <AppShell.Header px="md">
        <Group h="100%" justify="space-between">
          <Group gap="md">
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label="Toggle navigation"
            />
            <Logo />
            <Text c="dimmed" visibleFrom="xs">
              /
            </Text>
            <Text fw={500} visibleFrom="xs" data-testid="workspace-name">
              {me.workspace.name}
            </Text>
            {me.workspace.isDemo && (
              <Badge variant="light" color="grape">
                demo
              </Badge>
            )}
          </Group>
          <Menu position="bottom-end" width={240} shadow="md">
            <Menu.Target>
              <UnstyledButton data-testid="member-menu">
                <Group gap="xs">
                  <VisuallyHidden>Account menu:</VisuallyHidden>
                  <Avatar color="cyan" radius="xl" size="sm" aria-hidden>
                    {initials(me.member.name)}
                  </Avatar>
                  <Stack gap={0} visibleFrom="sm">
                    <Text size="sm" fw={500} lh={1.2}>
                      {me.member.name}
                    </Text>
                    <Text size="xs" c="dimmed" lh={1.2}>
                      {me.member.role}
                    </Text>
                  </Stack>
                  <IconChevronDown size={14} />
                </Group>
              </UnstyledButton>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Label>{me.member.email}</Menu.Label>
              <Menu.Item leftSection={<IconSettings size={16} />} component={Link} to="/settings">
                Settings
              </Menu.Item>
              <Menu.Divider />
              <Menu.Item leftSection={<IconLogout size={16} />} color="red" onClick={signOut}>
                Sign out
              </Menu.Item>
            </Menu.Dropdown>
          </Menu>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm">
        {nav
          .filter((item) => !("admin" in item) || me.member.role === "admin")
          .map((item) => {
            const active = "exact" in item ? pathname === item.to : pathname.startsWith(item.to);
            return (
              <NavLink
                key={item.to}
                component={Link}
                to={item.to}
                label={item.label}
                active={active}
                onClick={close}
                leftSection={<item.icon size={18} stroke={1.6} />}
                style={{ borderRadius: 8 }}
                fw={500}
              />
            );
          })}
      </AppShell.Navbar>
      <AppShell.Main bg="gray.0">
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
