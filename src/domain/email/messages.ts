/**
 * The mails Confidant sends, as plain text and simple HTML. Every name and sentence in them comes from people,
 * so the HTML escapes all of it.
 */
export interface Message {
  subject: string;
  text: string;
  html: string;
}

export const escapeHtml = (value: string) =>
  value.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!,
  );

const footer = (unsubscribeUrl: string, what: string) => ({
  text: `\n--\nYou get this because ${what}. Stop these mails: ${unsubscribeUrl}\n`,
  html: `<hr><p style="color:#666;font-size:12px">You get this because ${escapeHtml(what)}. <a href="${escapeHtml(unsubscribeUrl)}">Stop these mails</a>.</p>`,
});

const paragraphs = (lines: string[]) => lines.map((l) => `<p>${escapeHtml(l)}</p>`).join("\n");

export type RoomMailKind = "invitation" | "checkin_request" | "success_check";

export interface RoomMail {
  kind: RoomMailKind;
  buyerName: string;
  sellerName: string;
  accountName: string;
  decisionTitle: string;
  roomUrl: string;
  note: string | null;
  unsubscribeUrl: string;
}

const ROOM_MAILS: Record<
  RoomMailKind,
  { subject: (m: RoomMail) => string; body: (m: RoomMail) => string; button: string }
> = {
  invitation: {
    subject: (m) => `${m.sellerName} shared the plan for “${m.decisionTitle}”`,
    body: (m) =>
      `${m.sellerName} has shared how they understand ${m.accountName}'s decision on “${m.decisionTitle}”: the problem, the cost of waiting and the plan to decide. Correct anything that is not right, tick your steps, and say how confident you feel.`,
    button: "Open the decision room",
  },
  checkin_request: {
    subject: (m) => `${m.sellerName} asks: how confident are you about “${m.decisionTitle}”?`,
    body: (m) =>
      `${m.sellerName} would like to know how confident you feel about ${m.accountName}'s decision on “${m.decisionTitle}”: the problem, the cost of waiting, the approach and the timing. It takes a minute, and your answer goes only to the people working on it with you.`,
    button: "Check in",
  },
  success_check: {
    subject: (m) => `${m.sellerName} asks: did “${m.decisionTitle}” deliver what you sought?`,
    body: (m) =>
      `When ${m.accountName} decided on “${m.decisionTitle}”, you agreed what success would look like, and by when. That day has come: where does each measure stand now, would you decide the same again, and what got in the way? ${m.sellerName} reads every answer, including the ones that say it did not work.`,
    button: "Say how it went",
  },
};

/** A buyer's own link to the room: to see the plan, to check in on confidence, or to say whether it delivered. */
export function roomMessage(m: RoomMail): Message {
  const kind = ROOM_MAILS[m.kind];
  const lines = [
    `Hello ${m.buyerName},`,
    kind.body(m),
    ...(m.note ? [`${m.sellerName} adds: ${m.note}`] : []),
    `Your own link (no account needed): ${m.roomUrl}`,
    "The link is yours: what comes through it is recorded as yours. Do not forward it.",
  ];
  const foot = footer(m.unsubscribeUrl, `${m.sellerName} invited you to a decision room`);
  return {
    subject: kind.subject(m),
    text: `${lines.join("\n\n")}\n${foot.text}`,
    html: `${paragraphs(lines.slice(0, -2))}\n<p><a href="${escapeHtml(m.roomUrl)}">${kind.button}</a></p>\n${paragraphs(lines.slice(-1))}\n${foot.html}`,
  };
}

export interface DigestMail {
  managerName: string;
  atRisk: Array<{ title: string; account: string; reasons: string[]; url: string }>;
  reviewsDue: Array<{ title: string; account: string; url: string }>;
  slipping: Array<{ title: string; step: string; daysLate: number; url: string }>;
  fallingConfidence: Array<{ title: string; drop: number; url: string }>;
  appUrl: string;
  unsubscribeUrl: string;
}

const section = (title: string, items: Array<{ line: string; url: string }>, none: string) => ({
  text: `${title}\n${items.length ? items.map((i) => `- ${i.line}\n  ${i.url}`).join("\n") : `- ${none}`}`,
  html: `<h3>${escapeHtml(title)}</h3>${
    items.length
      ? `<ul>${items.map((i) => `<li><a href="${escapeHtml(i.url)}">${escapeHtml(i.line)}</a></li>`).join("")}</ul>`
      : `<p>${escapeHtml(none)}</p>`
  }`,
});

/** The manager's week: where customers may end up deciding nothing, and what to look at first. */
export function digestMessage(m: DigestMail): Message {
  const sections = [
    section(
      "At risk of no decision",
      m.atRisk.map((d) => ({ line: `${d.title} (${d.account}): ${d.reasons.join("; ")}`, url: d.url })),
      "No open decision stands out this week.",
    ),
    section(
      "Reviews due",
      m.reviewsDue.map((d) => ({ line: `${d.title} (${d.account})`, url: d.url })),
      "No review is waiting.",
    ),
    section(
      "Customer steps slipping",
      m.slipping.map((s) => ({
        line: `${s.title}: “${s.step}”, ${s.daysLate} days past the customer's date`,
        url: s.url,
      })),
      "Every customer step is on its date.",
    ),
    section(
      "Confidence falling",
      m.fallingConfidence.map((f) => ({
        line: `${f.title}: a buyer's confidence fell ${f.drop} points`,
        url: f.url,
      })),
      "No buyer's confidence fell.",
    ),
  ];
  const count = m.atRisk.length + m.slipping.length + m.fallingConfidence.length;
  const foot = footer(m.unsubscribeUrl, "you lead a team in Confidant and get its weekly digest");
  return {
    subject: count
      ? `Your team's week: ${count} thing${count === 1 ? "" : "s"} to look at`
      : "Your team's week: all on track",
    text: `Hello ${m.managerName},\n\n${sections.map((s) => s.text).join("\n\n")}\n\nOpen Confidant: ${m.appUrl}\n${foot.text}`,
    html: `<p>Hello ${escapeHtml(m.managerName)},</p>\n${sections.map((s) => s.html).join("\n")}\n<p><a href="${escapeHtml(m.appUrl)}">Open Confidant</a></p>\n${foot.html}`,
  };
}

export interface ActionsMail {
  sellerName: string;
  actions: Array<{
    what: string;
    decisionTitle: string;
    dueDate: string | null;
    overdue: boolean;
    url: string;
  }>;
  unsubscribeUrl: string;
}

/** The actions agreed in reviews that are due (or late) for a seller. */
export function actionsMessage(m: ActionsMail): Message {
  const late = m.actions.filter((a) => a.overdue).length;
  const body = section(
    "Agreed in your reviews",
    m.actions.map((a) => ({
      line: `${a.what} — ${a.decisionTitle}${a.dueDate ? `, ${a.overdue ? "was due" : "due"} ${a.dueDate}` : ""}`,
      url: a.url,
    })),
    "Nothing is due.",
  );
  const foot = footer(m.unsubscribeUrl, "actions agreed in your reviews are due");
  return {
    subject: late
      ? `${late} review action${late === 1 ? " is" : "s are"} late`
      : `Review actions due this week`,
    text: `Hello ${m.sellerName},\n\n${body.text}\n${foot.text}`,
    html: `<p>Hello ${escapeHtml(m.sellerName)},</p>\n${body.html}\n${foot.html}`,
  };
}

export interface WebhookOffMail {
  adminName: string;
  url: string;
  reason: string;
  pageUrl: string;
  unsubscribeUrl: string;
}

/** An admin's notice: a webhook endpoint was turned off because its deliveries kept failing. */
export function webhookOffMessage(m: WebhookOffMail): Message {
  const lines = [
    `Hello ${m.adminName},`,
    `Confidant turned off the webhook to ${m.url}. ${m.reason}`,
    "No events go to it until an admin turns it on again; fix the receiver first. Its delivery log says what it answered.",
  ];
  const foot = footer(m.unsubscribeUrl, "you are an admin of this Confidant workspace");
  return {
    subject: `A webhook was turned off: ${m.url}`,
    text: `${lines.join("\n\n")}\n\nOpen the integrations page: ${m.pageUrl}\n${foot.text}`,
    html: `${paragraphs(lines)}\n<p><a href="${escapeHtml(m.pageUrl)}">Open the integrations page</a></p>\n${foot.html}`,
  };
}
