/**
 * The word lists the conversation rules read, each for a kind of content the counting rules name (a measured
 * consequence, a worry about changing, our product, a concrete date). They describe kinds of words, not the
 * phrasings of any one call.
 */

const NUMBER_WORDS =
  "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|dozen|half|quarter|double|twice|triple";

/** A quantity: digits, a currency sign or a number in words ("eighty-one"). */
export const QUANTITY = new RegExp(
  `(?:[$€£]\\s?\\d|\\b\\d[\\d,.]*\\b|\\b(?:${NUMBER_WORDS})(?:-(?:${NUMBER_WORDS}))?\\b)`,
  "i",
);

/** Units a measured consequence is counted in: time, money, rates, people and the things a business handles. */
export const UNIT =
  /^(?:hours?|hrs?|days?|weeks?|months?|years?|minutes?|mins?|percent|per\s?cent|%|points?|dollars?|bucks|euros?|pounds?|grand|k|thousand|million|billion|people|staff|ftes?|heads?|employees|hires?|reps?|agents?|advisors?|nurses?|drivers?|technicians?|customers?|clients?|students?|patients?|orders?|loads?|tickets?|claims?|calls?|cases?|invoices?|shipments?|samples?|jobs?|projects?|sites?|stores?|branches?|units?|errors?|complaints?|returns?|households?|donors?|deals?|accounts?|seats?|licenses?|incidents?|defects?|times|kilos?|kg|kilograms?|tons?|tonnes?|lbs?|litres?|liters?|gallons?|pallets?|boxes|batches|trucks?|miles?|km|kilomet(?:re|er)s?|met(?:re|er)s?|shifts?|visits?|trips?|rolls?)$/i;

/** A worry or objection, said as one. */
export const WORRY =
  /\b(?:worr(?:y|ied|ies|ying)|concern(?:ed|s)?|nervous|afraid|scared|risk(?:y|s)?|hesitant|skeptic(?:al)?|push ?back|burn(?:ed|t)|resist(?:ance)?|doubt(?:s|ful)?|not sure|unclear|overwhelm(?:ed)?|dead on arrival|deal[- ]?breaker|non[- ]?starter|replace (?:them|us|me)|bet (?:an?|the|our) \w+ on)\b/i;

/** What can stand in the way of buying or changing: money, systems, rules, people, time. */
export const CONSTRAINT =
  /\b(?:budget|afford|expensive|pricey|integrat(?:e|ion|es|ing)|security|compliance|gdpr|hipaa|soc ?2|legal|procurement|approv(?:e|al|als)|sign[- ]off|buy-in|adopt(?:ion)?|learning curve|change management|bandwidth|capacity|the people|the time|timing|timeline|migrat(?:e|ion|ing)|contract|locked in|disrupt(?:ion|ive)?|validat(?:e|ion|ed)|revalidat\w*|downtime|it team|freeze|another (?:tool|system|platform)|one more (?:tool|system|login)|retrain\w*|regulat\w*|governance|committee|board|data (?:privacy|protection)|union|project|commit)\b/i;

/** Said of the change itself: a condition, a refusal, a need, a wish to see proof first. */
export const ON_CONDITION =
  /\b(?:would|need|needs|has to|have to|must|can't|cannot|won't|don't want|doesn't want|want to see|before (?:we|i|it|anyone)|until|unless|only if|if (?:it|this|the|we)|anything (?:that|over)|don't have|doesn't have)\b/i;

/** The consequences a figure can measure: time spent, money lost, things missed, redone or waiting. */
export const CONSEQUENCE =
  /\b(?:spend|spends|spent|spending|cost|costs|costing|lose|loses|losing|lost|drop(?:ped|s)?|fell|fall(?:en|ing)?|rose|rising|increas\w*|decreas\w*|wast\w*|late|miss\w*|overtime|penalt\w*|fines?|credits?|churn\w*|errors?|deviations?|backlog|open|behind|delay\w*|takes?|took|wait\w*|redo|rework|repeat\w*|write[- ]?offs?|refunds?|complaints?|turnover|quit|leav(?:e|ing)|throw(?:ing)? (?:away|out)|threw (?:away|out)|scrap\w*|spoil\w*|expir\w*|writ(?:e|ing) off)\b/i;

/** A goal or wish rather than how things are: "we want…", "ideally…", "instead of…". */
export const WISH =
  /\b(?:want|wants|would|we'd|i'd|hope|goal|ideally|instead of|so we don't|we start|looking for|be great|love to)\b/i;

/** How work goes wrong today: words that name a failure or a makeshift. */
export const PROBLEM =
  /\b(?:problem|issue|wrong|struggl\w*|hard|difficult|slow|manual(?:ly)?|by hand|spreadsheets?|whiteboard|paper|too (?:long|many|much|late|slow|thin)|late|miss(?:ed|es|ing)?|lost|lose|mistakes?|errors?|broken|wast\w*|chas(?:e|ing)|dig(?:ging)? through|guess(?:ing)?|duplicat\w*|re-?key\w*|re-?enter\w*|stretched|behind|backlog|complain\w*|frustrat\w*|out of date|outdated|stuck|bottleneck|pain|mess(?:y)?|chaos|scrambl\w*|falls? through|no way|no visibility|blind|fragmented|disconnected|siloed|workaround|copy(?:ing)? and past\w*|copying|overwrite|rework|delay\w*|overloaded|fire ?fight\w*|inconsistent|unreliable|second (?:truck|trip|visit)|without (?:the|a|any|leaving)|barely|caught|quiet|stop bothering|don't talk|doesn't talk|week old|nobody|no one|never)\b/i;

/** Weaker signs that something goes wrong, which count only with another. */
export const PROBLEM_HINT =
  /\b(?:can't|cannot|don't|doesn't|didn't|isn't|aren't|still|have to|has to|end up|again)\b/i;

/** Our side's product talk. */
export const PRODUCT =
  /\b(?:platform|product|features?|dashboards?|modules?|app|tool|software|solution|integrations?|integrates|pricing|price|licen[cs]es?|discount|fees?|seats?|subscription|demo|case stud(?:y|ies)|roi|onboarding|implementation|rollout|automatic(?:ally)?|out of the box|built[- ]in|api|workflow engine|mobile|reports?|alerts?|templates?|analytics|we built|we offer|we've helped|our customers|customers like|clients like|you can|you'll be able|lets you|allows you|it will|it'll)\b/gi;

/** Words that play the customer's situation back to them, or ask about it. */
export const PLAYBACK =
  /\b(?:so you(?:'re| are| have|'ve)?|sounds like|if i understand|what i'm hearing|you mentioned|you said|you told|in other words|play (?:that|it) back|your (?:team|process|people|data|staff|day|week)|today|currently|right now|at the moment)\b/gi;

/** Greetings, agenda, logistics, next steps and the decision process. */
export const HOUSEKEEPING =
  /\b(?:thanks|thank you|appreciate|good (?:morning|afternoon)|morning|afternoon|hi|hello|welcome|great to|agenda|what i'd like to do|i'd like to|let's (?:start|begin)|before we (?:start|begin|dive)|plan for today|for today|meet|meeting|next steps?|invite|calendar|send (?:over|you|it)|follow up|follow-up|schedule|workshop|loop in|hand (?:it )?over|decision process|who else|sign(?:s)? off|approv\w*|monday|tuesday|wednesday|thursday|friday|tomorrow|next week)\b/gi;

/** A price concession offered by the seller. */
export const DISCOUNT =
  /\b(?:discount(?:s|ed)?|\w+ percent off|\d+ ?% off|percent off|waive(?:d)?|promotion(?:al)?|promo|special (?:pricing|price|rate|offer)|price (?:break|concession|match)|(?:do|work out) something on (?:the )?price|free (?:months?|licen[cs]es?|seats?|onboarding)|knock \w+ off|sharpen (?:our|the|my) pencil|better (?:price|rate|deal)|throw (?:in|that in)|at no (?:extra )?(?:cost|charge)|(?:first|1st) (?:month|year|quarter) free|lock in (?:the |this |that )?(?:price|rate))\b/i;

const WEEKDAY = "monday|tuesday|wednesday|thursday|friday|saturday|sunday";
const MONTH =
  "january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec";
const ORDINAL =
  "\\d{1,2}(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|twenty-\\w+|thirtieth|thirty-first";
const CLOCK =
  "(?:at|around|by)\\s+(?:\\d{1,2}(?::\\d{2})?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|noon)(?:\\s?(?:am|pm|a\\.m\\.|p\\.m\\.|o'clock|thirty|fifteen|forty-five))?";

/** A specific day ("Thursday the 17th of April at ten", "the 22nd", "March 3rd", "tomorrow at 2"). */
export const SPECIFIC_DAY = new RegExp(
  `\\b(?:(?:(?:this|next)\\s+)?(?:${WEEKDAY})(?:,?\\s+the\\s+(?:${ORDINAL})(?:\\s+of\\s+(?:${MONTH}))?|,?\\s+(?:${MONTH})\\s+\\d{1,2}(?:st|nd|rd|th)?)?|the\\s+(?:${ORDINAL})(?:\\s+of\\s+(?:${MONTH}))?|(?:${MONTH})\\s+\\d{1,2}(?:st|nd|rd|th)?|\\d{1,2}(?:st|nd|rd|th)?\\s+of\\s+(?:${MONTH})|tomorrow)(?:\\s+${CLOCK})?`,
  "i",
);

/** A date that is not one: "next week", "after the budget round", "once legal has looked". */
export const VAGUE_DATE =
  /\b(?:next (?:week|month|quarter)|sometime|soon|after (?:the|our|we|they)|once (?:legal|we|they|the|it|our)|in a (?:few|couple of) (?:weeks|days|months)|later|at some point|down the road|when (?:we|things|it)|early next|end of (?:the )?(?:month|quarter)|in the new year)\b/i;

/** A concrete forward action both sides can meet at. */
export const FORWARD_ACTION =
  /\b(?:meeting|meet|call|workshop|session|demo|visit|walkthrough|walk-through|review|presentation|pilot|trial|proposal|invite|get together|sit down|book|calendar|slot|time)\b/i;

export const ACCEPTS =
  /\b(?:works for (?:me|us|both of us)|that works|this works|sounds (?:good|great|fine|perfect)|let's do (?:it|that)|i'll (?:send|book|set|bring|get|make|invite|put|block|share|pull|have)|we'll (?:be there|do it|book|send|bring)|yes|yeah|yep|sure|perfect|great|confirmed|see you (?:then|on)|book it|lock (?:it|that) in|count (?:me|us) in|i can do|we can do|happy to)\b/i;

export const DECLINES =
  /\b(?:can't|cannot|won't work|doesn't work|let's see|we'll (?:get back|see|let you know|think|circle back)|get back to you|not sure|need to check|hold off|circle back|not (?:yet|ready)|i'd rather (?:wait|not)|let me (?:check|think|talk)|no promises|don't want to commit|can we leave it)\b/i;
