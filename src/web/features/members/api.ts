import { queryOptions } from "@tanstack/react-query";
import type { Member, Team } from "../../../contract/members.ts";
import { get } from "../../lib/api.ts";

export const membersQuery = queryOptions({
  queryKey: ["members"],
  queryFn: () => get<{ items: Member[] }>("/api/v1/members").then((r) => r.items),
});

export const teamsQuery = queryOptions({
  queryKey: ["teams"],
  queryFn: () => get<{ items: Team[] }>("/api/v1/teams").then((r) => r.items),
});
