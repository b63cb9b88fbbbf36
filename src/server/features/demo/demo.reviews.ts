import type { Kysely } from "kysely";
import type { ReviewQuestion } from "../../../domain/diagnostics/diagnose.ts";
import { DAY_MS } from "../../../domain/time.ts";
import type { Database } from "../../db/schema.ts";
import type { SignedIn } from "../../http/auth-context.ts";
import { addAction, answerQuestion, coach, completeReview, openReview } from "../reviews/reviews.service.ts";

const inDays = (n: number) => new Date(Date.now() + n * DAY_MS).toISOString().slice(0, 10);

interface DemoReview {
  decision: string;
  answers: Partial<Record<ReviewQuestion, string>>;
  notes?: string;
  actions?: { what: string; owner: string; inDays: number }[];
  complete: boolean;
}

/** Reviews by the demo manager that show what the diagnostics flag — and the questions to ask instead. */
const REVIEWS: DemoReview[] = [
  {
    decision: "Pinecrest inventory module",
    answers: {
      impact: "If this slips we lose the quarter — it's 20% of my commit.",
      why_change: "Promo pricing expires at quarter end, told them they need to lock it in.",
      worries: "Price. Need to get them a better discount to get over the line.",
      consensus: "Jordan loved the demo and asked for the pricing sheet, so yes.",
      confidence: "90% — it's in Commit.",
    },
    notes:
      "Every answer is about our quarter. We don't know what stockouts cost them or who signs. Next call: ask Jordan what happens in a store when the app shows stock that isn't there.",
    actions: [
      { what: "Ask Jordan what a stockout costs one store in a week", owner: "Priya Raman", inDays: 5 },
      { what: "Find out who signs off on inventory spend, and meet them", owner: "Priya Raman", inDays: 12 },
    ],
    complete: true,
  },
  {
    decision: "Northgate digital platform",
    answers: {
      problem: "They need a modern, cloud-first digital banking platform.",
      impact: "Not sure yet, need to ask.",
      why_change: "Inbound after our webinar, they asked for Enterprise tier pricing.",
    },
    notes:
      "We have interest, not a problem. Ask Priscilla why they are doing onboarding the way they do today.",
    actions: [
      {
        what: "Ask Priscilla how long member onboarding takes today, and what it costs when members give up",
        owner: "Tom Becker",
        inDays: 7,
      },
    ],
    complete: true,
  },
  {
    decision: "Close the books in 5 days, not 12",
    answers: {},
    notes: "Strong on problem and impact. The CFO doubts the timing — what would she need to see?",
    complete: false,
  },
];

export async function seedDemoReviews(
  db: Kysely<Database>,
  manager: SignedIn,
  decisions: Map<string, string>,
  members: Map<string, string>,
) {
  for (const demo of REVIEWS) {
    const decisionId = decisions.get(demo.decision);
    if (!decisionId) continue;
    let review = await openReview(db, manager, decisionId);
    for (const [question, answer] of Object.entries(demo.answers)) {
      const current = review.answers.find((a) => a.question === question)!;
      await answerQuestion(db, manager, review.id, question as ReviewQuestion, {
        answer,
        version: current.version,
      });
    }
    if (demo.notes)
      review = await coach(db, manager, review.id, { version: review.version, coachingNotes: demo.notes });
    for (const action of demo.actions ?? []) {
      await addAction(db, manager, review.id, {
        what: action.what,
        ownerId: members.get(action.owner)!,
        dueDate: inDays(action.inDays),
      });
    }
    if (demo.complete) await completeReview(db, manager, review.id, review.version);
  }
}
