import type { Kysely } from "kysely";
import { DAY_MS } from "../../../domain/time.ts";
import type { Database } from "../../db/schema.ts";
import type { SignedIn } from "../../http/auth-context.ts";
import { addConversation } from "../conversations/conversations.service.ts";

interface DemoConversation {
  decision: string;
  seller: string;
  daysAgo: number;
  channel: "call" | "video" | "meeting" | "note";
  title: string;
  transcript?: string[];
  notes?: string[];
}

/**
 * Demo conversations, their speakers named as the demo's members and people so they are recognised: Priya
 * listens and asks, Tom pitches and discounts — so a manager's Insights and a decision's coaching view have
 * something true to show, and proposals wait to be accepted.
 */
const CONVERSATIONS: DemoConversation[] = [
  {
    decision: "Close the books in 5 days, not 12",
    seller: "Priya Raman",
    daysAgo: 30,
    channel: "video",
    title: "Discovery with Dana and Sam",
    transcript: [
      "Priya Raman: Thanks for making time, Dana, Sam. Before I say anything about us, can you walk me through day one of your close?",
      "Sam Ortiz: Sure. On day one we pull the bank files and the subledgers into spreadsheets, and then we reconcile by hand.",
      "Priya Raman: How long does that part take?",
      "Sam Ortiz: About four days. Three people are on it and they still miss items that we only find in week two.",
      "Priya Raman: What happens when you find them in week two?",
      "Dana Lee: We reopen the period. It costs us roughly $30k a month in overtime and contractor hours.",
      "Priya Raman: And what does a 12-day close cost you beyond the overtime?",
      "Dana Lee: The board sees numbers two weeks late, so we set prices on a month-old picture.",
      "Priya Raman: Why do you still reconcile in spreadsheets when the ERP holds most of that data?",
      "Sam Ortiz: The matching rules were never set up after the migration. Nobody owns them.",
      "Priya Raman: If nothing changes, what does next year's audit look like?",
      "Dana Lee: I'm worried the auditors will flag the manual reconciliations again, for the second year.",
      "Priya Raman: What would have to be true for you to move before the audit?",
      "Dana Lee: The cutover would need to finish before October, and IT has to sign off on the integration.",
      "Priya Raman: Who else needs to be comfortable with that?",
      "Sam Ortiz: Kim Park, our IT director. She has a change freeze in September.",
      "Priya Raman: Let me play back what I heard: four days of manual matching, about $30k a month, and an audit finding you want to avoid. Did I get that right?",
      "Dana Lee: Yes, that's it.",
      "Priya Raman: Could we meet with Kim on Thursday the 14th at ten to go through the integration?",
      "Dana Lee: That works. I'll send the invite to Kim.",
    ],
  },
  {
    decision: "Close the books in 5 days, not 12",
    seller: "Priya Raman",
    daysAgo: 5,
    channel: "meeting",
    title: "Integration session with Kim",
    notes: [
      "Met Kim Park (Director of IT) with Sam.",
      "- Kim: we lose a week every quarter re-running the bank feeds by hand after each ERP patch.",
      "- Kim is worried the integration will need her team during the September freeze.",
      "- Asked Kim why they still re-run the feeds manually.",
      "Next step: Kim to send the integration checklist by December 4th.",
    ],
  },
  {
    decision: "Get ED boarding under 4 hours before state reporting starts",
    seller: "Priya Raman",
    daysAgo: 12,
    channel: "call",
    title: "Call with Marcus on boarding times",
    transcript: [
      "Priya Raman: Marcus, what does a bad night in the ED look like today?",
      "Marcus Bell: Patients wait for a bed for nine hours on average, and nurses spend their shift chasing beds on the phone.",
      "Priya Raman: How often does that happen?",
      "Marcus Bell: Four nights a week. We lose about two nurses a month to burnout over it.",
      "Priya Raman: What happens when the state starts publishing boarding times?",
      "Marcus Bell: We will be at the bottom of the list, and Grace is worried the board will ask why we waited.",
      "Priya Raman: Have you considered what changes if bed requests reached the floors automatically?",
      "Marcus Bell: Yes. We'd need the unit managers to trust the board, though.",
      "Priya Raman: Could we do a walkthrough of two floors with the unit managers on Tuesday the 9th at eight?",
      "Marcus Bell: Sounds good. I'll book the unit managers.",
    ],
  },
  {
    decision: "Clear the permit backlog and hit 30-day turnaround",
    seller: "Tom Becker",
    daysAgo: 20,
    channel: "video",
    title: "Platform demo for Rosa and Henry",
    transcript: [
      "Tom Becker: Thanks for joining. Let me start with our platform: it has a permit workflow engine, dashboards, mobile inspections and an API, and our customers like Riverside cut their backlog in half. We built templates for every permit type, and the reports are out of the box.",
      "Rosa Delgado: Okay.",
      "Tom Becker: You can configure routing rules, alerts and approvals without IT, and it integrates with your GIS. Our onboarding team handles the rollout, and it will be live in twelve weeks.",
      "Henry Cho: Who maintains it with a two-person team?",
      "Tom Becker: Our support team does, it's all in the subscription. And if you sign this quarter I can do fifteen percent off the first year.",
      "Rosa Delgado: We have 1,800 permits waiting and the promise was 30 days. I'll need to see how this gets us there.",
      "Tom Becker: Absolutely. Let's catch up next week and I'll send the pricing.",
    ],
  },
  {
    decision: "Clear the permit backlog and hit 30-day turnaround",
    seller: "Tom Becker",
    daysAgo: 6,
    channel: "call",
    title: "Follow-up on pricing with Henry",
    transcript: [
      "Tom Becker: Henry, I wanted to walk you through the pricing. The platform is licensed per seat, with the inspections app and dashboards included, and our implementation package covers the integrations.",
      "Henry Cho: Right.",
      "Tom Becker: We have case studies from three counties, and the reports will show the council exactly where each permit stands. I can throw in the first month free if that helps.",
      "Henry Cho: The council is not sure about new IT spend after the ERP overrun. I can't take this to them without a plan for support.",
      "Tom Becker: Makes sense. Let's talk again after the budget round.",
    ],
  },
];

/** Demo conversations on the demo's decisions, each added as its seller through the one conversation path. */
export async function seedDemoConversations(
  db: Kysely<Database>,
  actors: Map<string, SignedIn>,
  decisions: Map<string, string>,
) {
  for (const c of CONVERSATIONS) {
    const decisionId = decisions.get(c.decision);
    const actor = actors.get(c.seller);
    if (!decisionId || !actor) continue;
    await addConversation(db, actor, decisionId, {
      happenedOn: new Date(Date.now() - c.daysAgo * DAY_MS).toISOString().slice(0, 10),
      channel: c.channel,
      title: c.title,
      notes: c.notes?.join("\n"),
      transcript: c.transcript?.join("\n"),
      format: "txt",
    });
  }
}
