/**
 * The question library: for every gap readiness can find, the next question to ask the customer. A
 * workspace may reword any of them; `{name}`, `{point}` and `{concern}` are filled in from the gap.
 * The forms "What if…", "Have you ever considered…" and "Why are you doing things this way…" are used
 * where they fit.
 */
export const DEFAULT_QUESTIONS = {
  "problem.missing":
    "What is the biggest thing standing between your team and where you want to be this year?",
  "problem.seller_shaped":
    "Setting any product aside — what is getting harder for your team today, and what does it stop you from doing?",
  "problem.vague": "What exactly goes wrong today, for whom, and how often?",
  "problem.no_source": "Who on your side would describe the problem this way — and in what words?",
  "problem.no_root_cause": "Why do you think this keeps happening — what is underneath it?",
  "problem.no_current_approach":
    "Why are you doing things this way today — what made it the right choice when it was set up?",
  "impact.no_cost":
    "What does it cost you each month to keep things as they are — in money, time or missed opportunities?",
  "impact.unconfirmed": "Would your finance lead agree with that figure — could we walk through it together?",
  "impact.no_assumptions": "What are we assuming when we put a number on it — volumes, rates, people?",
  "impact.no_target_date": "By when does this need to be solved before waiting costs more than acting?",
  "why_change.no_trigger": "What has changed that makes this worth solving now rather than next year?",
  "why_change.no_date":
    "Is there a date after which waiting gets expensive — a renewal, an audit, a launch, a season?",
  "why_change.our_date": "What if we set our calendar aside — which date matters to your business, and why?",
  "why_change.no_target_date": "When do you need to have decided in order to make that date?",
  "people.too_few": "Who else will be affected by this change, and who will have a say in it?",
  "people.no_economic_buyer":
    "Who will ultimately sign off on the investment, and what will they need to see?",
  "people.no_champion":
    "Who on your side cares most about getting this solved, and would carry it internally?",
  "people.no_personal_stake":
    "What does this change mean for {name} personally — what gets better, what gets harder?",
  "concerns.none": "What worries you most about changing the way you do this today?",
  "concerns.no_individual":
    "What could this change mean for your own role — is there anything that makes you uneasy?",
  "concerns.no_organizational": "What would the organization worry about — disruption, risk, cost, timing?",
  "concerns.unanswered": 'What would need to be true for you to feel comfortable about "{concern}"?',
  "consensus.unknown_stance":
    "How does {name} see the problem and the timing — do they agree it needs solving now?",
  "consensus.disagreement": "What would {name} need to see to feel comfortable about {point}?",
  "consensus.no_economic_buyer_view":
    "Have you ever considered asking your sponsor how they see the problem and the timing?",
  "process.no_steps":
    "Walk me through how your organization makes a decision like this — who does what, in what order?",
  "process.no_approvers":
    "Whose approval is needed before you can commit, and what does each of them look for?",
  "process.no_criteria": "How will you judge the options — what matters most to you?",
  "process.no_outcomes":
    "How will you know a year from now that this was the right decision — what will you measure?",
  "process.no_alternatives":
    "Have you ever considered the other ways to solve this — including doing it yourselves or doing nothing?",
  "confidence.unconfirmed":
    "How confident do you feel about moving forward — in the problem, the solution, the risks and what it means for you?",
  "confidence.low": "What would make you more confident about {point} — what is still unclear?",
  "confidence.divergent":
    "{name} sees {point} differently from the others — what would help you reach a shared view?",
} as const;

export type GapKey = keyof typeof DEFAULT_QUESTIONS;

/** When each question is asked: the gap, in the words of the readiness panel (shown beside it in Settings). */
export const GAP_WHEN: Record<GapKey, string> = {
  "problem.missing": "The problem is not written down",
  "problem.seller_shaped": "The problem reads like our product, not their situation",
  "problem.vague": "The problem is too general to act on",
  "problem.no_source": "No one at the customer is recorded as stating the problem",
  "problem.no_root_cause": "The root cause is unknown",
  "problem.no_current_approach": "We do not know how they do it today",
  "impact.no_cost": "The cost of doing nothing is not quantified",
  "impact.unconfirmed": "No one at the customer has confirmed the cost",
  "impact.no_assumptions": "The assumptions behind the cost are not written down",
  "impact.no_target_date": "Without their target date, the cost of waiting cannot be sized",
  "why_change.no_trigger": "We do not know what makes them act now",
  "why_change.no_date": "There is no date behind 'why now'",
  "why_change.our_date": "The only date is ours (our quarter), not theirs",
  "why_change.no_target_date": "The customer has not named a date to decide by",
  "people.too_few": "Fewer than three people are involved",
  "people.no_economic_buyer": "No economic buyer is identified",
  "people.no_champion": "No champion is identified",
  "people.no_personal_stake": "We do not know what the decision means to a person",
  "concerns.none": "No concerns are recorded",
  "concerns.no_individual": "No one's personal concern is recorded",
  "concerns.no_organizational": "No concern of the organization is recorded",
  "concerns.unanswered": "A concern has no answer yet",
  "consensus.unknown_stance": "We do not know where a person stands",
  "consensus.disagreement": "People disagree",
  "consensus.no_economic_buyer_view": "We do not know the economic buyer's view",
  "process.no_steps": "Their decision steps are unknown",
  "process.no_approvers": "We do not know who approves",
  "process.no_criteria": "Their decision criteria are unknown",
  "process.no_outcomes": "The outcomes they will measure are unknown",
  "process.no_alternatives": "The options they weigh (doing nothing included) are unknown",
  "confidence.unconfirmed": "The buyers have not rated their confidence themselves",
  "confidence.low": "Buyers rate a point low",
  "confidence.divergent": "Buyers rate a point differently from each other",
};

/** What each placeholder a question may hold is replaced with when it is asked. */
export const PLACEHOLDER_WORDS: Record<string, string> = {
  name: "the person's name",
  point: "what they rated (e.g. the risks)",
  concern: "the concern, in their words",
};
export const GAP_KEYS = Object.keys(DEFAULT_QUESTIONS) as GapKey[];
export type QuestionLibrary = Partial<Record<GapKey, string>>;

export function questionFor(key: GapKey, library: QuestionLibrary, fill: Record<string, string> = {}) {
  const template = library[key] ?? DEFAULT_QUESTIONS[key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => fill[name] ?? whole);
}
