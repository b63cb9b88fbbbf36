import type { Kysely } from "kysely";
import type { CreateDecisionBody } from "../../../contract/decisions.ts";
import { DAY_MS } from "../../../domain/time.ts";
import type { Database } from "../../db/schema.ts";
import type { SignedIn } from "../../http/auth-context.ts";
import { createAccount, createStakeholder } from "../accounts/accounts.service.ts";
import { createDecision, updateDecision } from "../decisions/decisions.service.ts";
import { addConcern, addInvolvement } from "../decisions/parts.service.ts";

type Stance = "supports" | "neutral" | "doubts" | "opposes" | "unknown";
interface Person {
  name: string;
  title: string;
  role: string;
  influence?: "low" | "medium" | "high";
  stake?: string;
  stance?: [Stance, Stance, Stance, Stance];
}
interface Story {
  owner: "Priya Raman" | "Tom Becker" | "Daniel Okafor";
  account: {
    name: string;
    industry: string;
    size: string;
    goals?: string;
    challenges?: string;
    currentApproach?: string;
    approachReason?: string;
  };
  people: Person[];
  decision: Omit<CreateDecisionBody, "accountId"> & {
    saidBy?: number;
    confirmedBy?: number;
    approvers?: number[];
  };
  concerns?: {
    text: string;
    kind: "individual" | "organizational";
    category: string;
    by?: number;
    severity?: "low" | "medium" | "high";
    status?: "open" | "addressed" | "accepted";
    response?: string;
  }[];
}

const inDays = (n: number) => new Date(Date.now() + n * DAY_MS).toISOString().slice(0, 10);

/**
 * Northwind's customers, across industries and at every milestone — including weak records (a problem
 * written as our product, no cost of inaction, no economic buyer) so a new user sees gaps and questions.
 */
const STORIES: Story[] = [
  {
    owner: "Priya Raman",
    account: {
      name: "Harbor Health System",
      industry: "Healthcare",
      size: "3 hospitals, 6,400 staff",
      goals: "Be the region's most reliable emergency care; keep accreditation clean.",
      challenges: "ED boarding, nurse turnover, a state reporting mandate starting in the autumn.",
      currentApproach: "Charge nurses phone each unit for bed status several times a shift.",
      approachReason: "The bed board in the EHR is updated late, so nobody trusts it.",
    },
    people: [
      {
        name: "Grace Whitfield",
        title: "Chief Financial Officer",
        role: "economic_buyer",
        influence: "high",
        stake: "Has promised the board a margin recovery this year.",
        stance: ["supports", "supports", "neutral", "supports"],
      },
      {
        name: "Marcus Bell",
        title: "Chief Nursing Officer",
        role: "champion",
        influence: "high",
        stake: "Lost two charge nurses to burnout last quarter; wants their shifts back.",
        stance: ["supports", "supports", "supports", "supports"],
      },
      {
        name: "Dr. Ana Ruiz",
        title: "CMIO",
        role: "technical_evaluator",
        influence: "medium",
        stake: "Owns the EHR roadmap and does not want another interface to babysit.",
        stance: ["supports", "neutral", "neutral", "supports"],
      },
    ],
    decision: {
      title: "Get ED boarding under 4 hours before state reporting starts",
      valueAmount: 48_000_000,
      currency: "USD",
      targetDate: inDays(45),
      problem: {
        statement:
          "ED boarding averages 9 hours at St. Mary's; charge nurses spend about 2 hours a shift phoning units for bed status instead of caring for patients.",
        rootCause: "Bed status lives in three places and is updated late, so nobody trusts the board.",
        currentApproach: "Phone calls and a whiteboard in the ED.",
      },
      saidBy: 1,
      impact: {
        recurringCost: { amount: 15_000_000, period: "month" },
        risks: [
          { description: "Listed as deficient under the state mandate", amount: 200_000_000, likelihood: 30 },
        ],
        assumptions:
          "Ambulance diversions at ~$150k a month (finance's 2025 figure); reputational cost not counted.",
      },
      confirmedBy: 0,
      trigger: {
        event:
          "State mandate: boarding metrics reporting starts and their current process cannot produce the data.",
        date: inDays(70),
        dateOwner: "customer",
      },
      outcomesSought: [
        { measure: "Average ED boarding time", current: "9 h", target: "< 4 h" },
        { measure: "Nurse time on bed calls per shift", current: "2 h", target: "15 min" },
      ],
      options: [
        { name: "Hire two bed coordinators", notes: "Faster to start, does not fix the data for reporting" },
        { name: "Extend the EHR bed board" },
      ],
      criteria: [
        "Produces the state report without manual work",
        "Nurse adoption within 60 days",
        "Payback under 12 months",
      ],
      process: {
        steps: [
          { name: "Nursing leadership sign-off", who: "CNO" },
          { name: "Security review", who: "CMIO" },
          { name: "Capital committee", who: "CFO", date: inDays(30) },
        ],
      },
      approvers: [0, 1],
      sellerConfidence: { problem: 5, solution: 4, risks: 4, me: 4, agreement: 4 },
    },
    concerns: [
      {
        text: "Nurses will not adopt another screen — the 2022 rollout failed.",
        kind: "individual",
        category: "disruption",
        by: 1,
        severity: "high",
        status: "addressed",
        response: "Pilot on two units with nurse super-users; no new login.",
      },
      {
        text: "Cash dip during the transition, as with the billing vendor switch.",
        kind: "organizational",
        category: "cost",
        by: 0,
        severity: "medium",
        status: "accepted",
        response: "Phased payments tied to boarding time.",
      },
    ],
  },
  {
    owner: "Priya Raman",
    account: {
      name: "Contoso Manufacturing",
      industry: "Manufacturing",
      size: "11 plants, $2.1B revenue",
      goals: "A 5-day close so board packs go out on time.",
    },
    people: [
      {
        name: "Dana Lee",
        title: "CFO",
        role: "economic_buyer",
        influence: "high",
        stake: "New in January; promised the board a 5-day close by June.",
        stance: ["supports", "supports", "neutral", "doubts"],
      },
      {
        name: "Sam Ortiz",
        title: "Corporate Controller",
        role: "champion",
        influence: "medium",
        stake: "Retires in 8 months and does not want a messy close as her legacy.",
        stance: ["supports", "neutral", "supports", "supports"],
      },
      {
        name: "Kim Park",
        title: "Director of IT",
        role: "technical_evaluator",
        influence: "medium",
        stance: ["neutral", "unknown", "unknown", "unknown"],
      },
    ],
    decision: {
      title: "Close the books in 5 days, not 12",
      valueAmount: 32_000_000,
      currency: "USD",
      targetDate: inDays(60),
      problem: {
        statement:
          "Month-end close takes 12 days because plant ledgers are reconciled in spreadsheets; board packs go out late every month.",
        rootCause: "Each plant keeps its own chart of accounts.",
      },
      saidBy: 1,
      impact: {
        recurringCost: { amount: 6_500_000, period: "month" },
        assumptions: "8 analysts × 7 extra days at loaded cost.",
      },
      confirmedBy: 0,
      trigger: {
        event: "New CFO promised the board a 5-day close by June.",
        date: inDays(120),
        dateOwner: "customer",
      },
      outcomesSought: [{ measure: "Days to close", current: "12", target: "5" }],
      criteria: ["Works with all 11 plant ledgers"],
      process: { steps: [{ name: "Finance leadership review" }, { name: "Audit committee briefing" }] },
      sellerConfidence: { problem: 5, solution: 3, risks: 2, me: 4, agreement: 3 },
    },
    concerns: [
      {
        text: "Close gets worse before it gets better during cutover — and the audit is in Q3.",
        kind: "organizational",
        category: "timing",
        by: 0,
        severity: "high",
      },
    ],
  },
  {
    owner: "Tom Becker",
    account: {
      name: "Summit County",
      industry: "Public sector",
      size: "Population 480,000",
      goals: "Deliver the county executive's 30-day permit promise.",
    },
    people: [
      {
        name: "Rosa Delgado",
        title: "County Executive",
        role: "economic_buyer",
        influence: "high",
        stake: "Ran on cutting permit waits; the clock started in January.",
        stance: ["supports", "supports", "neutral", "supports"],
      },
      {
        name: "Henry Cho",
        title: "IT Director",
        role: "technical_evaluator",
        influence: "medium",
        stake: "Two people support thirty applications.",
        stance: ["supports", "doubts", "neutral", "neutral"],
      },
      {
        name: "Council member Ortega",
        title: "County Council",
        role: "blocker",
        influence: "high",
        stake: "Opposes any new IT spend after the ERP overrun.",
        stance: ["neutral", "opposes", "unknown", "doubts"],
      },
    ],
    decision: {
      title: "Clear the permit backlog and hit 30-day turnaround",
      valueAmount: 21_000_000,
      currency: "USD",
      targetDate: inDays(90),
      problem: {
        statement:
          "1,800 permits are waiting; simple residential permits take more than 10 weeks and the council hears complaints every meeting.",
        currentApproach: "Paper forms scanned into a shared drive.",
      },
      saidBy: 0,
      impact: {
        risks: [
          {
            description: "State withholds grant funding if turnaround stays above 30 days",
            amount: 120_000_000,
            likelihood: 50,
          },
        ],
      },
      confirmedBy: 0,
      trigger: {
        event: "The county executive's public 30-day promise; the council votes on the budget in November.",
        date: inDays(150),
        dateOwner: "customer",
      },
      process: { steps: [{ name: "IT review" }, { name: "Council vote (needs 5 of 9)" }] },
    },
    concerns: [
      {
        text: "Public embarrassment if the portal crashes at launch.",
        kind: "organizational",
        category: "job_or_reputation",
        by: 2,
        severity: "high",
      },
      {
        text: "Who maintains it with a two-person team?",
        kind: "individual",
        category: "technical",
        by: 1,
        severity: "medium",
      },
    ],
  },
  {
    owner: "Tom Becker",
    account: { name: "Lakeside School District", industry: "Education", size: "42 schools, 3,100 teachers" },
    people: [
      {
        name: "Dr. Helen Park",
        title: "Superintendent",
        role: "champion",
        influence: "high",
        stake: "Her contract renewal is tied to teacher retention.",
        stance: ["supports", "neutral", "neutral", "supports"],
      },
      {
        name: "Marco Silva",
        title: "Board President",
        role: "economic_buyer",
        influence: "high",
        stance: ["unknown", "unknown", "unknown", "unknown"],
      },
    ],
    decision: {
      title: "Keep teachers by giving them 5 hours a week back",
      valueAmount: 9_000_000,
      currency: "USD",
      targetDate: inDays(120),
      problem: {
        statement:
          "Teachers spend about 5 hours a week on grading admin and parent emails; the district lost 60 teachers last year and exit surveys say workload.",
      },
      saidBy: 0,
      impact: {
        recurringCost: { amount: 150_000_000, period: "year" },
        assumptions: "Substitute costs already $1.8M over budget.",
      },
      confirmedBy: 0,
      trigger: {
        event: "Union contract expires in June; workload is the top bargaining item.",
        date: inDays(200),
        dateOwner: "customer",
      },
    },
  },
  {
    owner: "Priya Raman",
    account: { name: "Meridian Freight", industry: "Logistics", size: "900 trucks" },
    people: [
      {
        name: "Luis Romero",
        title: "Dispatch Manager",
        role: "champion",
        influence: "medium",
        stance: ["supports", "supports", "supports", "unknown"],
      },
    ],
    decision: {
      title: "Stop rekeying 300 loads a day",
      valueAmount: 7_500_000,
      currency: "USD",
      problem: {
        statement:
          "Dispatchers rekey about 300 loads a day from email into the TMS; 4% have errors that cause detention and redelivery fees.",
      },
      saidBy: 0,
    },
  },
  {
    owner: "Tom Becker",
    account: { name: "Northgate Credit Union", industry: "Financial services", size: "$4B assets" },
    people: [{ name: "Priscilla Grant", title: "VP Digital", role: "influencer", influence: "medium" }],
    decision: {
      title: "Northgate digital platform",
      valueAmount: 60_000_000,
      currency: "USD",
      problem: {
        statement:
          "They need a modern, cloud-first digital banking platform to drive their digital transformation.",
      },
      trigger: { event: "Inbound lead after our webinar — they asked for Enterprise tier pricing." },
    },
  },
  {
    owner: "Priya Raman",
    account: { name: "Pinecrest Outfitters", industry: "Retail", size: "40 stores" },
    people: [{ name: "Jordan Blake", title: "Merchandising Director", role: "user", influence: "low" }],
    decision: {
      title: "Pinecrest inventory module",
      valueAmount: 18_000_000,
      currency: "USD",
      targetDate: inDays(25),
      problem: { statement: "Want our inventory visibility module plus the mobile add-on." },
      trigger: {
        event: "Promo pricing expires at quarter end — told them they need to lock it in.",
        date: inDays(25),
        dateOwner: "ours",
      },
      sellerConfidence: { problem: 4, solution: 5, risks: 4, me: 4, agreement: 4 },
    },
    concerns: [
      {
        text: "Price — need to get them a better discount to get over the line.",
        kind: "organizational",
        category: "cost",
        severity: "medium",
      },
    ],
  },
  {
    owner: "Daniel Okafor",
    account: { name: "Evergreen Utilities", industry: "Energy & utilities", size: "1.2M customers" },
    people: [
      {
        name: "Nora James",
        title: "VP Grid Operations",
        role: "economic_buyer",
        influence: "high",
        stance: ["supports", "supports", "supports", "supports"],
      },
      {
        name: "Ben Carter",
        title: "Outage Manager",
        role: "champion",
        influence: "medium",
        stance: ["supports", "supports", "supports", "supports"],
      },
    ],
    decision: {
      title: "Give customers outage ETAs they can trust",
      valueAmount: 27_000_000,
      currency: "USD",
      problem: {
        statement:
          "Line crews log outages on paper, so restoration ETAs are guesses; the regulator flagged reporting accuracy in last year's audit.",
      },
      saidBy: 1,
      impact: {
        risks: [
          {
            description: "Regulator fines up to $25k per inaccurate report",
            amount: 27_500_000,
            likelihood: 60,
          },
        ],
      },
      confirmedBy: 0,
      outcomesSought: [
        { measure: "Outage reports that pass the regulator's accuracy check", current: "71%", target: "98%" },
        { measure: "Customers given a restoration ETA within 30 minutes", current: "20%", target: "90%" },
      ],
      outcome: "won",
      outcomeReason: "The rate case filing needed 12 months of clean outage data.",
      outcomeDate: inDays(-20),
    },
  },
  {
    owner: "Tom Becker",
    account: { name: "Bluewater Logistics", industry: "Logistics", size: "3 distribution centres" },
    people: [{ name: "Ivy Chen", title: "Operations Lead", role: "champion", influence: "medium" }],
    decision: {
      title: "One pick process across three DCs",
      valueAmount: 14_000_000,
      currency: "USD",
      problem: { statement: "Each DC picks differently, so staff cannot move between sites at peak." },
      outcome: "no_decision",
      outcomeReason: "Went dark after the peak season; they stayed with the current process.",
      outcomeDate: inDays(-45),
    },
  },
];

export async function seedDemoDecisions(
  db: Kysely<Database>,
  workspaceId: string,
  members: { id: string; name: string; role: "seller" | "manager" | "admin"; teamId: string | null }[],
) {
  const created = new Map<string, string>();
  for (const story of STORIES) {
    const owner = members.find((m) => m.name === story.owner)!;
    const actor: SignedIn = {
      workspaceId,
      memberId: owner.id,
      role: owner.role,
      teamId: owner.teamId,
      via: "demo",
    };
    const account = await createAccount(db, actor, story.account);
    const people: { id: string }[] = [];
    for (const person of story.people) {
      people.push(
        await createStakeholder(db, actor, { accountId: account.id, name: person.name, title: person.title }),
      );
    }
    const { saidBy, confirmedBy, approvers, ...body } = story.decision;
    const decision = await createDecision(db, actor, { ...body, accountId: account.id });
    created.set(story.decision.title, decision.id);
    for (const [index, person] of story.people.entries()) {
      const [problem, approach, us, timing] = person.stance ?? ["unknown", "unknown", "unknown", "unknown"];
      await addInvolvement(db, actor, decision.id, {
        stakeholderId: people[index]!.id,
        role: person.role as never,
        influence: person.influence ?? "medium",
        personalStake: person.stake ?? null,
        stance: { problem, approach, us, timing },
      });
    }
    const who = (index: number | undefined) => (index === undefined ? undefined : people[index]!.id);
    if (saidBy !== undefined || confirmedBy !== undefined || approvers) {
      await updateDecision(db, actor, decision.id, {
        version: decision.version,
        ...(saidBy !== undefined ? { problem: { saidBy: who(saidBy) } } : {}),
        ...(confirmedBy !== undefined ? { impact: { confirmedBy: who(confirmedBy) } } : {}),
        ...(approvers ? { process: { approverIds: approvers.map((i) => people[i]!.id) } } : {}),
      });
    }
    for (const concern of story.concerns ?? []) {
      await addConcern(db, actor, decision.id, {
        text: concern.text,
        kind: concern.kind,
        category: concern.category as never,
        raisedBy: who(concern.by) ?? null,
        severity: concern.severity ?? "medium",
        status: concern.status ?? "open",
        response: concern.response ?? null,
      });
    }
  }
  return created;
}
