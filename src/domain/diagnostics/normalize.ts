/**
 * Sales shorthand and common misspellings, expanded before matching so that "EB", "w/", "bc", "yr",
 * "ppl" and "recieve" read like the words they stand for. Keys match whole words, case-insensitively.
 */
const SHORTHAND: Record<string, string> = {
  eb: "economic buyer",
  "w/": "with",
  "w/o": "without",
  bc: "because",
  "b/c": "because",
  cuz: "because",
  yr: "year",
  yrs: "years",
  mo: "month",
  mos: "months",
  wk: "week",
  wks: "weeks",
  ppl: "people",
  mgr: "manager",
  mgrs: "managers",
  mgmt: "management",
  dept: "department",
  tbh: "to be honest",
  imo: "in my opinion",
  govt: "government",
  approx: "approximately",
  req: "requirement",
  reqs: "requirements",
  opp: "opportunity",
  opps: "opportunities",
  acv: "annual contract value",
  arr: "annual recurring revenue",
  roi: "return on investment",
  recieve: "receive",
  thier: "their",
  proccess: "process",
  buisness: "business",
  busines: "business",
  compnay: "company",
  competiter: "competitor",
  definately: "definitely",
  seperate: "separate",
  untill: "until",
  wich: "which",
  becuase: "because",
  becasue: "because",
};

const pattern = new RegExp(
  `(?<![\\w/])(${Object.keys(SHORTHAND)
    .map((key) => key.replace(/[/]/g, "\\/"))
    .join("|")})(?![\\w/])`,
  "gi",
);

export function normalize(text: string): string {
  return text
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201C\u201D]/g, '"')
    .replace(pattern, (match) => SHORTHAND[match.toLowerCase()] ?? match)
    .replace(/\s+/g, " ")
    .trim();
}
