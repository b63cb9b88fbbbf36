import { queryOptions } from "@tanstack/react-query";
import type { z } from "zod";
import type {
  RoomView,
  roomCheckInBody,
  roomCommentBody,
  roomConcernBody,
  roomProblemBody,
  roomStepBody,
} from "../../../contract/room.ts";
import type { roomSuccessBody } from "../../../contract/success.ts";
import { get, post } from "../../lib/api.ts";
import { useWrite } from "../../lib/write.ts";

export const roomQuery = (token: string) =>
  queryOptions({
    queryKey: ["room", token],
    queryFn: () => get<RoomView>(`/api/v1/room/${token}`),
    retry: false,
  });

/** What a buyer can do in the room, each with the body its route takes. */
export type RoomAction =
  | { path: "/problem"; body: z.input<typeof roomProblemBody> }
  | { path: `/steps/${string}/status`; body: z.input<typeof roomStepBody> }
  | { path: `/steps/${string}/comments`; body: z.input<typeof roomCommentBody> }
  | { path: "/concerns"; body: z.input<typeof roomConcernBody> }
  | { path: "/check-ins"; body: z.input<typeof roomCheckInBody> }
  | { path: "/success-reports"; body: z.input<typeof roomSuccessBody> };

/** A buyer's action through the link; the room reloads to show it. */
export const useRoomAction = (token: string) =>
  useWrite(
    ({ path, body }: RoomAction) => post(`/api/v1/room/${token}${path}`, body),
    [roomQuery(token).queryKey],
  );

export type RoomAct = ReturnType<typeof useRoomAction>;

/**
 * Who speaks for an action: `{}` on a stakeholder's own link (the server knows them), `{ name }` on a general
 * link, `{}` when no name was given and none is needed, or null after pointing the buyer to the name field.
 */
export type Speaker = (nameNeeded: boolean) => { name?: string } | null;
