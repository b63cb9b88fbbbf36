import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import {
  actionsMessage,
  digestMessage,
  type Message,
  type RoomMailKind,
  roomMessage,
  webhookOffMessage,
} from "../../../domain/email/messages.ts";
import type { Database, EmailKind } from "../../db/schema.ts";
import type { SignedIn } from "../../http/auth-context.ts";
import { AppError, invalid, notFound } from "../../http/errors.ts";
import type { JobHandler, JobQueue, RetryPolicy } from "../../jobs/queue.ts";
import { hashToken, newSessionToken } from "../auth/session-token.ts";
import { decisionDetail } from "../decisions/decisions.service.ts";
import { reviewQueue } from "../reviews/queue.service.ts";
import {
  createShareLink,
  involvedPerson,
  revokeShareLink,
  shareableDecision,
} from "../room/share-links.service.ts";
import { takeDueChecks } from "../success/success.service.ts";
import {
  actionsDueOf,
  activeAdmins,
  addUnsubscribe,
  findEmailLink,
  insertEmailLink,
  isUnsubscribed,
  slippingCustomerSteps,
  successCheckPeople,
  weeklyRecipients,
} from "./email.repo.ts";
import type { Mailer } from "./mailer.ts";

/** A mail that cannot go is tried again for about half an hour (30 s, then about twice as long each time). */
export const EMAIL_RETRY: RetryPolicy = { retryDelaySeconds: 30, retryLimit: 6, expireInSeconds: 120 };

type Sender = Pick<SignedIn, "workspaceId" | "memberId" | "role" | "teamId">;

export type EmailJob =
  | {
      kind: "room";
      mail: RoomMailKind;
      decisionId: string;
      stakeholderId: string;
      sender: Sender;
      note: string | null;
    }
  | {
      kind: "digest" | "actions";
      workspaceId: string;
      memberId: string;
      role: SignedIn["role"];
      teamId: string | null;
    }
  | { kind: "webhook_off"; workspaceId: string; url: string; reason: string };

const emailOff = () =>
  new AppError(
    409,
    "email_off",
    "Email is off on this server: ask your administrator to set SMTP_URL. You can still copy a link and send it yourself.",
  );

const publicUrlMissing = () =>
  new AppError(
    409,
    "public_url_missing",
    "This server does not know the address people use to reach it, so its mails could hold no links. Ask your administrator to set CONFIDANT_PUBLIC_URL.",
  );

/**
 * Asks for a buyer-room mail to a stakeholder of the decision: their own link, made when the mail is sent (so
 * its secret is only ever in the mail), as an invitation or a check-in request.
 */
export async function requestRoomMail(
  db: Kysely<Database>,
  jobs: JobQueue,
  mailer: Mailer,
  actor: SignedIn,
  decisionId: string,
  body: { stakeholderId: string; kind: RoomMailKind; note?: string | undefined },
  publicUrl: string | undefined,
) {
  await shareableDecision(db, actor, decisionId);
  if (!mailer.enabled) throw emailOff();
  if (!publicUrl) throw publicUrlMissing();
  const person = await involvedPerson(db, actor.workspaceId, decisionId, body.stakeholderId);
  if (!person)
    throw invalid(
      "body.stakeholderId",
      "is not one of this decision's people; add them to the decision first",
    );
  if (!person.email)
    throw invalid(
      "body.stakeholderId",
      `${person.name} has no email address: add it to their contact on the account`,
    );
  if (await isUnsubscribed(db, actor.workspaceId, person.email, "room"))
    throw new AppError(
      409,
      "unsubscribed",
      `${person.name} asked not to get these mails; share a link with them another way.`,
    );
  const sender = {
    workspaceId: actor.workspaceId,
    memberId: actor.memberId,
    role: actor.role,
    teamId: actor.teamId,
  };
  const job: EmailJob = {
    kind: "room",
    mail: body.kind,
    decisionId,
    stakeholderId: person.id,
    sender,
    note: body.note ?? null,
  };
  await jobs.send(db, "email", job, EMAIL_RETRY);
  return { to: person.email, name: person.name };
}

/** Queues this week's mails: the digest to each manager, due review actions to each seller who has some. */
export async function queueWeeklyMails(db: Kysely<Database>, jobs: JobQueue, workspaceId?: string) {
  const recipients = await weeklyRecipients(db, workspaceId ? { workspaceId } : undefined);
  await db.transaction().execute(async (trx) => {
    for (const r of recipients) {
      const job: EmailJob = {
        kind: r.role === "manager" ? "digest" : "actions",
        workspaceId: r.workspace_id,
        memberId: r.id,
        role: r.role,
        teamId: r.team_id,
      };
      await jobs.send(trx, "email", job, EMAIL_RETRY);
    }
  });
  return recipients.length;
}

/**
 * The check after the sale: for each won decision whose success measures came due today, each of its people
 * with an email address gets their own link to the room to say whether it delivered — from the decision's
 * owner, once per due date (the measures are marked asked in the same transaction as the mails are queued).
 */
export async function queueSuccessChecks(db: Kysely<Database>, jobs: JobQueue, today?: string) {
  return db.transaction().execute(async (trx) => {
    let queued = 0;
    for (const due of await takeDueChecks(trx, today)) {
      const { owner, people } = await successCheckPeople(trx, due.workspaceId, due.decisionId);
      if (!owner) continue;
      const sender = {
        workspaceId: due.workspaceId,
        memberId: owner.id,
        role: owner.role,
        teamId: owner.team_id,
      };
      for (const person of people) {
        if (await isUnsubscribed(trx, due.workspaceId, person.email!, "room")) continue;
        const job: EmailJob = {
          kind: "room",
          mail: "success_check",
          decisionId: due.decisionId,
          stakeholderId: person.id,
          sender,
          note: null,
        };
        await jobs.send(trx, "email", job, EMAIL_RETRY);
        queued += 1;
      }
    }
    return queued;
  });
}

async function unsubscribeUrl(
  db: Kysely<Database>,
  workspaceId: string,
  address: string,
  kind: EmailKind,
  base: string,
) {
  const { token, hash } = newSessionToken();
  await insertEmailLink(db, {
    id: randomUUID(),
    workspaceId,
    tokenHash: hash,
    address: address.toLowerCase(),
    kind,
  });
  return `${base}/unsubscribe/${token}`;
}

const unsubscribeHeaders = (url: string) => ({
  "List-Unsubscribe": `<${url.replace("/unsubscribe/", "/api/v1/unsubscribe/")}>`,
  "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
});

/** Sends one queued mail, made now: the links in it, the figures in it. Throws (to be retried) when it cannot go. */
export const sendEmailJob =
  (db: Kysely<Database>, mailer: Mailer, publicUrl: () => string | undefined): JobHandler<EmailJob> =>
  async ({ data }) => {
    const base = publicUrl()?.replace(/\/$/, "");
    if (!base) throw publicUrlMissing();
    if (data.kind === "room") return sendRoomMail(db, mailer, base, data);
    if (data.kind === "webhook_off") return sendWebhookOff(db, mailer, base, data);
    const [member] = await weeklyRecipients(db, { workspaceId: data.workspaceId, memberId: data.memberId });
    if (!member || (await isUnsubscribed(db, data.workspaceId, member.email, data.kind))) return;
    const reader: SignedIn = {
      workspaceId: data.workspaceId,
      memberId: member.id,
      role: member.role,
      teamId: member.team_id,
    };
    const message =
      data.kind === "digest"
        ? await digestFor(db, reader, member.name, base)
        : await actionsFor(db, reader, member.name, base);
    if (!message) return;
    const unsubscribe = await unsubscribeUrl(db, data.workspaceId, member.email, data.kind, base);
    const mail = message(unsubscribe);
    await mailer.send({ to: member.email, ...mail, headers: unsubscribeHeaders(unsubscribe) });
  };

async function sendRoomMail(
  db: Kysely<Database>,
  mailer: Mailer,
  base: string,
  job: Extract<EmailJob, { kind: "room" }>,
) {
  const sender = job.sender;
  const person = await involvedPerson(db, sender.workspaceId, job.decisionId, job.stakeholderId);
  if (!person?.email || (await isUnsubscribed(db, sender.workspaceId, person.email, "room"))) return;
  const decision = await decisionDetail(db, sender, job.decisionId);
  const link = await createShareLink(db, sender, job.decisionId, { stakeholderId: person.id }, base);
  const unsubscribe = await unsubscribeUrl(db, sender.workspaceId, person.email, "room", base);
  const seller = decision.ownerName ?? "Your contact";
  const mail: Message = roomMessage({
    kind: job.mail,
    buyerName: person.name,
    sellerName: seller,
    accountName: decision.accountName,
    decisionTitle: decision.title,
    roomUrl: link.url,
    note: job.note,
    unsubscribeUrl: unsubscribe,
  });
  try {
    await mailer.send({ to: person.email, ...mail, headers: unsubscribeHeaders(unsubscribe) });
  } catch (error) {
    // The link was never delivered: it must not stay open. The retry makes a new one.
    await revokeShareLink(db, sender, link.id);
    throw error;
  }
}

/** Tells a workspace's admins, in the transaction that turned the webhook off, that it is off and why. */
export async function queueWebhookOffNotice(
  trx: Kysely<Database>,
  jobs: JobQueue,
  notice: { workspaceId: string; url: string; reason: string },
) {
  const job: EmailJob = { kind: "webhook_off", ...notice };
  await jobs.send(trx, "email", job, EMAIL_RETRY);
}

async function sendWebhookOff(
  db: Kysely<Database>,
  mailer: Mailer,
  base: string,
  job: Extract<EmailJob, { kind: "webhook_off" }>,
) {
  for (const admin of await activeAdmins(db, job.workspaceId)) {
    if (await isUnsubscribed(db, job.workspaceId, admin.email, "notices")) continue;
    const unsubscribe = await unsubscribeUrl(db, job.workspaceId, admin.email, "notices", base);
    const mail = webhookOffMessage({
      adminName: admin.name,
      url: job.url,
      reason: job.reason,
      pageUrl: `${base}/integrations`,
      unsubscribeUrl: unsubscribe,
    });
    await mailer.send({ to: admin.email, ...mail, headers: unsubscribeHeaders(unsubscribe) });
  }
}

async function digestFor(db: Kysely<Database>, manager: SignedIn, name: string, base: string) {
  const queue = await reviewQueue(db, manager, 200);
  const url = (id: string) => `${base}/decisions/${id}`;
  const items = queue.items;
  const titleOf = new Map(items.map((i) => [i.decision.id, i.decision.title]));
  const slipping = await slippingCustomerSteps(
    db,
    manager.workspaceId,
    items.map((i) => i.decision.id),
  );
  return (unsubscribe: string) =>
    digestMessage({
      managerName: name,
      atRisk: items
        .filter((i) => i.score > 0)
        .slice(0, 5)
        .map((i) => ({
          title: i.decision.title,
          account: i.decision.accountName,
          reasons: i.reasons,
          url: url(i.decision.id),
        })),
      reviewsDue: items
        .filter((i) => i.openReviewId)
        .slice(0, 10)
        .map((i) => ({
          title: i.decision.title,
          account: i.decision.accountName,
          url: `${base}/reviews/${i.openReviewId}`,
        })),
      slipping: slipping.slice(0, 10).map((s) => ({
        title: titleOf.get(s.decision_id) ?? "",
        step: s.title,
        daysLate: Number(s.days_late),
        url: url(s.decision_id),
      })),
      fallingConfidence: items
        .filter((i) => i.confidenceDrop && i.confidenceDrop.latest < i.confidenceDrop.previous)
        .slice(0, 10)
        .map((i) => ({
          title: i.decision.title,
          drop: i.confidenceDrop!.previous - i.confidenceDrop!.latest,
          url: url(i.decision.id),
        })),
      appUrl: base,
      unsubscribeUrl: unsubscribe,
    });
}

async function actionsFor(db: Kysely<Database>, seller: SignedIn, name: string, base: string) {
  const due = await actionsDueOf(db, seller.workspaceId, seller.memberId);
  if (!due.length) return null;
  return (unsubscribe: string) =>
    actionsMessage({
      sellerName: name,
      actions: due.map((a) => ({
        what: a.what,
        decisionTitle: a.title,
        dueDate: a.due_date,
        overdue: Boolean(a.overdue),
        url: `${base}/decisions/${a.decision_id}`,
      })),
      unsubscribeUrl: unsubscribe,
    });
}

/** What an unsubscribe link is for, shown before the person confirms. */
export async function unsubscribeLink(db: Kysely<Database>, token: string) {
  const link = await findEmailLink(db, hashToken(token));
  if (!link) throw notFound("This unsubscribe link");
  const unsubscribed = await isUnsubscribed(db, link.workspace_id, link.address, link.kind);
  return { address: maskAddress(link.address), kind: link.kind, unsubscribed };
}

export async function unsubscribe(db: Kysely<Database>, token: string) {
  const link = await findEmailLink(db, hashToken(token));
  if (!link) throw notFound("This unsubscribe link");
  await addUnsubscribe(db, link.workspace_id, link.address, link.kind);
  return { address: maskAddress(link.address), kind: link.kind, unsubscribed: true };
}

/** Enough of an address for its owner to recognise it, not enough for a stranger holding the link to learn it. */
const maskAddress = (address: string) => address.replace(/^(.)[^@]*(@.*)$/, "$1…$2");
