import { queryOptions } from "@tanstack/react-query";
import type { z } from "zod";
import type {
  CreateMemberBody,
  createdMember,
  Member,
  MemberLink,
  UpdateMemberBody,
} from "../../../contract/members.ts";
import type { createTeamBody, Team } from "../../../contract/teams.ts";
import { del, get, patch, post } from "../../lib/api.ts";
import { useWrite, type WriteOptions } from "../../lib/write.ts";

export const membersQuery = queryOptions({
  queryKey: ["members"],
  queryFn: () => get<{ items: Member[] }>("/api/v1/members").then((r) => r.items),
});

export const teamsQuery = queryOptions({
  queryKey: ["teams"],
  queryFn: () => get<{ items: Team[] }>("/api/v1/teams").then((r) => r.items),
});

export const useAddMember = (options?: WriteOptions<z.infer<typeof createdMember>, CreateMemberBody>) =>
  useWrite(
    (body) => post<z.infer<typeof createdMember>>("/api/v1/members", body),
    [membersQuery.queryKey, teamsQuery.queryKey],
    options,
  );

/** A new invitation (not joined yet) or password-reset link for a member; earlier ones stop working. */
export const useNewMemberLink = (options?: WriteOptions<MemberLink, Member>) =>
  useWrite(
    (member: Member) => post<MemberLink>(`/api/v1/members/${member.id}/link`),
    [membersQuery.queryKey],
    options,
  );

/** A change to a member (role, team, active), with the version the page showed. */
export const useChangeMember = (
  options?: WriteOptions<Member, { member: Member; body: Omit<UpdateMemberBody, "version"> }>,
) =>
  useWrite(
    ({ member, body }) => patch<Member>(`/api/v1/members/${member.id}`, { version: member.version, ...body }),
    [membersQuery.queryKey],
    options,
  );

export const useCreateTeam = (options?: WriteOptions<Team, z.input<typeof createTeamBody>>) =>
  useWrite((body) => post<Team>("/api/v1/teams", body), [teamsQuery.queryKey], options);

export const useRemoveTeam = (options?: WriteOptions<Team, Team>) =>
  useWrite(
    (team: Team) => del<Team>(`/api/v1/teams/${team.id}?version=${team.version}`),
    [teamsQuery.queryKey],
    options,
  );

export const useRestoreTeam = (options?: WriteOptions<Team, Team>) =>
  useWrite(
    (team: Team) => post<Team>(`/api/v1/teams/${team.id}/restore?version=${team.version}`),
    [teamsQuery.queryKey],
    options,
  );
