/**
 * Cue families for answers that are about us (our product, order, price or process) rather than the
 * customer. Each cue is a pattern over the normalized, lower-cased answer, a weight, and the words a seller
 * would recognise in the explanation. Patterns name concepts, not particular answers; see
 * docs/diagnostics.md for the reasoning behind each family.
 */
export type SellerReason =
  | "product_as_problem"
  | "our_loss"
  | "discount_reflex"
  | "inbound_interest"
  | "feature_checklist"
  | "our_process";

export interface Cue {
  reason: SellerReason;
  pattern: RegExp;
  weight: number;
  /** Negation ("not about price") cancels the cue when true. */
  negatable: boolean;
}

// Patterns end in (?![a-z]) rather than \b so that cues ending in "%" or ")" still match at their end.
const cue = (reason: SellerReason, weight: number, pattern: RegExp, negatable = true): Cue => ({
  reason,
  weight,
  pattern: new RegExp(
    pattern.source.replace(/\\b\)?$/, (end) => end.replace("\\b", "(?![a-z])")),
    "gi",
  ),
  negatable,
});

const PRODUCT_NOUN =
  "(?:platform|system|solution|tool|software|suite|module|crm|erp|lms|hris|app|application|portal|product|add-on|tier|license|licence|command center|cloud|stack)";

export const CUES: Cue[] = [
  // The product stands in for the problem: "they need a CRM", "a platform like ours".
  cue(
    "product_as_problem",
    1.4,
    new RegExp(
      `\\b(?:need|needs|needed|want|wants|require|requires|looking for|buy|buying|purchase|move (?:off [a-z ]+ )?onto|get|adopt|implement)\\s(?:a |an |the |our |some |to buy (?:a |an |our )?)?(?:(?:new|modern|proper|better|real|next-gen|best-in-class|unified|scalable|cloud-first|cloud|integrated|single|[a-z]+-?[a-z]*)\\s){0,4}${PRODUCT_NOUN}s?\\b`,
    ),
  ),
  cue("product_as_problem", 1.3, new RegExp(`\\b(?:like ours|such as ours|our ${PRODUCT_NOUN}s?)\\b`)),
  cue("product_as_problem", 1.3, /\bwe are (?:that|the|their) (?:platform|solution|answer|tool)\b/),
  cue(
    "product_as_problem",
    1.0,
    /\b(?:built for exactly this|is how they get there|only we can|we solve (?:that|this|it))\b/,
  ),
  cue(
    "product_as_problem",
    0.5,
    /\b(?:digital transformation|next-gen|best-in-class|cloud-first|future-proof|break down silos|modern(?:ize|ise)?|legacy (?:tools|systems?|platform)|every company (?:their|of their) size)\b/,
  ),

  // Our loss instead of theirs: "we don't get the order", "I miss my number".
  cue(
    "our_loss",
    1.5,
    /\b(?:we|i) (?:lose|lost|would lose|'d lose|will lose|risk losing|won't lose|don't get|do not get|get nothing|miss|would miss|won't get)\b/,
  ),
  cue(
    "our_loss",
    1.3,
    /\b(?:lose|losing|lost) (?:the |this |our |it to |it\b)(?:deal|order|quarter|renewal|account|logo|opportunity|business|to)?/,
  ),
  cue(
    "our_loss",
    1.3,
    /\b(?:my|our) (?:number|quota|target|commit|forecast|pipeline|bookings|revenue|biggest (?:deal|opportunity)|quarter)\b/,
  ),
  cue(
    "our_loss",
    1.0,
    /\b(?:annual contract value|acv|arr|uplift|commission|reference (?:logo|customer|account)|foothold|steal (?:it|the deal)|services attach|for us it|for the region)\b/,
  ),
  cue(
    "our_loss",
    1.0,
    /\b(?:competitor|incumbent|cheaper vendor|[a-z]+ vendor) (?:wins|gets|steals|takes)\b/,
    false,
  ),
  cue("our_loss", 1.2, /\b(?:steal(?:s)? (?:it|the deal|this)|get(?:s)? a foothold)\b/, false),
  // Our target as the stakes, whoever on our side carries it: "the rep needs to hit quota".
  cue(
    "our_loss",
    1.3,
    /\b(?:hit|hits|hitting|make|makes|making|miss|misses|missing|reach|reaching) (?:my |our |the |his |her |their )?(?:quota|number|target|plan|accelerator)\b/,
  ),

  // A discount as the answer: "if we get to 20% off", "promo pricing expires".
  cue(
    "discount_reflex",
    1.6,
    /\b(?:discount(?:s|ed|ing)?|\d+ ?% off|percent off|off list|price (?:comes?|coming|goes|going) down|match (?:the |their |a |an )?(?:[a-z']+ ){0,3}(?:price|pricing|quote|offer)|better (?:price|pricing|deal)|promo(?:tion(?:al)?)?(?: pricing| price)?|waive[ds]?|free (?:implementation|training|months?|onboarding|support|year)|throw in|sweeten(?:er)?|concessions?|year-end pricing|end-of-quarter pricing|lock (?:it|the price|pricing|them) in|pricing expires|extra \d+ ?%|approval for an? extra)\b/,
  ),
  cue(
    "discount_reflex",
    0.9,
    /\b(?:(?:problem|issue|worry|concern|question|blocker) is (?:the )?(?:price|cost)|^(?:price|pricing|cost)\b[.,:;!-]?)/,
  ),
  cue("discount_reflex", 0.6, /\b(?:agree on price|price point|pricing (?:approval|exception))\b/),
  // A dated price as the lever: "once we confirm the end-of-year pricing".
  cue(
    "discount_reflex",
    1.3,
    /\b(?:end[- ]of[- ](?:the[- ])?(?:year|quarter|month)|year[- ]end|quarter[- ]end|eoy|eoq|eom|holiday|black friday) (?:pricing|price|deal|offer|promo|rate)s?\b/,
  ),

  // Their interest in us as the reason: "it was an inbound lead", "they came to our webinar".
  cue(
    "inbound_interest",
    1.5,
    /\b(?:inbound|reached out|came to us|contacted us|found us|called us|came in (?:via|through|from)|demo request|request(?:ed)? (?:a |the )?(?:demo|trial)|asked for (?:a |the |our )?(?:demo|trial|pricing|quote|proposal|price list|pricing sheet|[a-z]+ (?:tier )?pricing)|booked (?:a )?(?:call|demo|meeting)|signed up|intent data|pricing page|whitepapers?|ebooks?|downloaded|filled (?:in|out) (?:the |our |a )?(?:form|demo request)|web ?form|website form|referral|referred (?:by|to us))\b/,
  ),
  cue(
    "inbound_interest",
    1.1,
    /\b(?:webinars?|trade ?shows?|g2|capterra|partner portal|attended (?:our|the|\d))\b/,
  ),
  cue(
    "inbound_interest",
    0.6,
    /\b(?:strong interest|lots of interest|very interested|asked (?:about|for) (?:our|the) [a-z]+ (?:module|tier|product))\b/,
  ),

  // A feature comparison as the worry or the problem: "they need SSO and audit logs", "we beat Competitor X".
  cue(
    "feature_checklist",
    1.4,
    /\b(?:features?|feature matrix|functionality|functions|rfp|rfi|rfq|requirements? (?:list|matrix|doc)|\d+ requirements|checked (?:every|all the|each) (?:box|line|item)|check(?:ed)? the boxes|tick(?:ed)? (?:every|all)|side[- ]by[- ]side|feature comparison|bake-?off)\b/,
  ),
  cue(
    "feature_checklist",
    1.2,
    /\b(?:competitor [a-z]\b|vendor [a-z]\b|(?:we|our [a-z]+) (?:beat|beats|win on|have all|have more|outperform)|only (?:has|have) \d|compar(?:e|ed|es|ing) us|(?:vs\.?|versus) (?:salesforce|hubspot|competitor|the competition|vendor|[a-z]+'s)|better than (?:the )?competit)/,
  ),
  cue(
    "feature_checklist",
    0.7,
    /\b(?:sso|saml|scim|ldap|open api|api limits?|connectors?|native [a-z]+ integration|integrations|dashboards?|dashboard customi[sz]ation|reporting|mobile(?: app)?|offline mode|custom (?:fields|dashboards|objects|reports)|role[- ]based|audit logs?|ai (?:assistant|copilot)|roles? and permissions|perms|scorecard|scored us)\b/,
  ),

  // Our sales process or forecast as the answer: "Stage 4", "in Commit", "before our quarter closes".
  cue(
    "our_process",
    1.5,
    /\b(?:stage \d|stage [a-z]+ \(|forecast category|best case|in commit|to commit|into commit|out of commit|moving to commit|in crm|crm says|deal desk|order form|close plan|mutual (?:action|close) plan|our msa|redlines?|procurement portal|po by|paper signed|get (?:it|paper|the contract) signed|waiting on (?:her|his|their) signature|verbal(?: commit| yes)?|proposal next week|moving to (?:proposal|negotiation|contract|closed))\b/,
  ),
  cue(
    "our_process",
    1.3,
    /\b(?:our (?:quarter|fiscal year|fy|year-end|year end|q[1-4])|(?:before|by) (?:the |our )?(?:end of )?(?:the )?(?:quarter|q[1-4])(?: close| end)?|quarter(?:'s)? (?:end|close)s?|so it counts|counts for (?:this|our|the)|(?:this|next) quarter'?s? number|land (?:it )?(?:before|this)|close (?:it )?by (?:end of|the end of)|needs? to close)\b/,
  ),
  // The deal's odds as we forecast them: "90% likely to sign".
  cue(
    "our_process",
    1.3,
    /\b(?:likely|chance|odds|probability) (?:to|of|they(?:'ll| will)) (?:sign|close|buy|signing|closing|win|winning)\b/,
  ),
  cue(
    "our_process",
    0.9,
    /\b(?:\d{1,3} ?%(?: -| in| probability| likely| chance)|probability|pipeline|upside|commit\b)/,
  ),
];

/**
 * Words that carry no information about the customer: hedges and stock phrases. Each one found lowers the
 * answer's evidence; an answer made mostly of them is vague.
 */
export const HEDGES =
  /\b(?:the usual(?: stuff)?|usual suspects|general(?:ly)?|stuff|etc|things|tbd|tbc|not sure|unsure|don't know|do not know|dunno|no idea|need to (?:ask|check|find out|confirm)|will (?:find out|dig in|ask|check)|haven't asked|i think|i guess|i believe|i assume|seems?|seemed|probably|apparently|somehow|pretty (?:good|positive|confident|significant|much)|all good|nothing (?:major|unusual|out of the ordinary)|on board|aligned|positive|interested|keen|engaged|the right things|hard to say|no red flags|overall|across the board|all the usual|market pressures?|bad things|good timing|timing is right|right time|fine|okay|ok|sort of|kind of|a lot of|lots of|any company|like everyone|as usual)\b/gi;

/**
 * Figures that are ours, not the customer's: "our estimate", "we calculated", "by our math". They are a
 * guess about the customer until someone there says or confirms them (`CUSTOMER_CONFIRMS`).
 */
export const OWN_ESTIMATE =
  /\b(?:our (?:own )?(?:estimate|estimation|guess|math|maths|calculation|model|roi (?:model|calc(?:ulation)?)|back[- ]of[- ](?:the[- ])?envelope)|we (?:estimated?|calculated?|figured?|reckon(?:ed)?|modell?ed|worked out|put it at)|by our (?:math|maths|count|estimate))\b/i;

/** Someone at the customer owning a figure: "their CFO confirmed", "they agreed", "per their finance team". */
export const CUSTOMER_CONFIRMS =
  /\b(?:confirmed|validated|agreed|signed off|verified|accepted|their (?:own )?(?:numbers|figures|estimate|data)|per (?:their|the customer)|they (?:said|told us|estimate|calculated|measured|put it at))\b/i;

/** "but the real issue is …": the part after such a turn carries the answer's weight. */
export const EMPHASIS_TURN =
  /\b(?:but|however|though|although|yet|that said|real (?:issue|problem|question|fear|worry|concern|reason|driver)|what'?s different|mainly|primarily|actually|the point is|not the point)\b/i;

export const CONTRAST_SPLIT =
  /(?:[;—–]|\s-\s|\.\s+|\bbut\b|\bhowever\b|\bthough\b|\balthough\b|\bthat said\b)/i;

/** A customer's fear of a product ("worried about buying another tool") is their worry, not our product as the problem. */
export const FEAR_BEFORE =
  /\b(?:worried|worries|afraid|fear|fears|scared|nervous|concerned|wary|skeptical|burned)\b[^.;]{0,30}$/i;

/** A clause that opens by denying itself: "it is not that they lack features; …". */
export const DENIED_CLAUSE =
  /^\s*(?:(?:it'?s|it is|this is|that'?s|that is) not (?:that|about|because|a matter of)|not (?:that|about|because)|no(?:t)? longer)\b/i;

export const NEGATORS =
  /\b(?:not|no|never|nothing|isn't|aren't|wasn't|don't|doesn't|didn't|won't|hardly|neither|nor)\b|n't\b/i;
