// What the forecast learns from about a decision: the customer's evidence (from its signals), readiness, how
// long it has been open, and the attributes a CRM import brings (owner, product, account sector, source). A
// closed decision's stage or milestone is never used: after the close they only restate the outcome.
import type { Features } from "../forecast/logistic.ts";
import { LOW_CONFIDENCE, MANY_OPTIONS } from "./risk.ts";
import type { DecisionSignals } from "./signals.ts";

export interface ForecastInput {
  signals: Partial<DecisionSignals>;
  readiness: number;
  ageDays: number;
  owner: string;
  product: string | null;
  sector: string | null;
  source: string | null;
}

const AGE_BANDS = [
  { upTo: 30, name: "under 30 days" },
  { upTo: 90, name: "30–90 days" },
  { upTo: 180, name: "90–180 days" },
  { upTo: Number.POSITIVE_INFINITY, name: "over 180 days" },
];

const EVIDENCE: Record<string, string> = {
  "evidence:problem": "The problem in the customer's words",
  "evidence:cost": "A quantified cost of inaction",
  "evidence:economic_buyer": "The economic buyer's involvement",
  "evidence:check_in": "A buyer's own check-in",
  "evidence:trigger": "A reason of theirs to act now",
  "risk:many_options": "Many options still open",
  "risk:concerns": "Unanswered risk concerns",
  "risk:low_confidence": "Low buyer confidence",
  readiness: "Readiness",
};

export function forecastFeatures(x: ForecastInput): Features {
  const f: Features = new Map();
  const s = x.signals;
  const on = (name: string, yes: boolean | undefined) => {
    if (yes) f.set(name, 1);
  };
  on("evidence:problem", s.problemInWords);
  on("evidence:cost", s.costQuantified);
  on("evidence:economic_buyer", s.economicBuyer);
  on("evidence:check_in", s.buyerConfirmed);
  on("evidence:trigger", s.trigger);
  on("risk:many_options", (s.options?.length ?? 0) >= MANY_OPTIONS);
  on("risk:concerns", (s.riskConcerns?.length ?? 0) > 0);
  on("risk:low_confidence", s.confidence != null && s.confidence < LOW_CONFIDENCE);
  f.set("readiness", x.readiness / 100);
  f.set(`age:${AGE_BANDS.find((b) => x.ageDays <= b.upTo)!.name}`, 1);
  f.set(`owner:${x.owner}`, 1);
  if (x.product) f.set(`product:${x.product}`, 1);
  if (x.sector) f.set(`sector:${x.sector}`, 1);
  if (x.source) f.set(`source:${x.source}`, 1);
  return f;
}

/** A feature in words a seller accepts: "Owner Tom Baker", "Open 90–180 days". */
export function describeFeature(feature: string) {
  if (EVIDENCE[feature]) return EVIDENCE[feature];
  const [kind, ...rest] = feature.split(":");
  const value = rest.join(":");
  switch (kind) {
    case "age":
      return `Open ${value}`;
    case "owner":
      return `Owned by ${value}`;
    case "product":
      return `Product ${value}`;
    case "sector":
      return `Sector ${value}`;
    case "source":
      return `Imported from ${value}`;
    default:
      return feature;
  }
}
