export interface TemplateStep {
  title: string;
  description?: string;
  ownerSide: "customer" | "us" | "both";
  /** Days after the plan starts that the step is due. */
  offsetDays: number;
  /** Index of the step this one waits for. */
  dependsOn?: number;
}

export interface PlanTemplate {
  name: string;
  description: string;
  steps: TemplateStep[];
}

/** The plans every workspace starts with; each is editable, and new ones can be added. */
export const DEFAULT_TEMPLATES: PlanTemplate[] = [
  {
    name: "Software evaluation with security and legal review",
    description:
      "For a software purchase that needs IT security and legal sign-off before the buyer commits.",
    steps: [
      { title: "Agree the problem and the cost of doing nothing", ownerSide: "both", offsetDays: 7 },
      {
        title: "Confirm decision criteria and who decides",
        ownerSide: "customer",
        offsetDays: 10,
        dependsOn: 0,
      },
      {
        title: "Solution walkthrough with the people who will use it",
        ownerSide: "us",
        offsetDays: 17,
        dependsOn: 1,
      },
      {
        title: "Security review (questionnaire, architecture)",
        ownerSide: "customer",
        offsetDays: 31,
        dependsOn: 2,
      },
      { title: "Legal review of the contract", ownerSide: "customer", offsetDays: 38, dependsOn: 3 },
      {
        title: "Business case approved by the economic buyer",
        ownerSide: "customer",
        offsetDays: 42,
        dependsOn: 1,
      },
      { title: "Decision and signature", ownerSide: "customer", offsetDays: 45, dependsOn: 4 },
    ],
  },
  {
    name: "Pilot with success criteria",
    description: "Prove it on a small scale first, with success criteria agreed before the pilot starts.",
    steps: [
      { title: "Agree pilot scope and success criteria", ownerSide: "both", offsetDays: 7 },
      { title: "Name the pilot team and a sponsor", ownerSide: "customer", offsetDays: 10, dependsOn: 0 },
      { title: "Set up the pilot", ownerSide: "us", offsetDays: 17, dependsOn: 1 },
      { title: "Run the pilot", ownerSide: "both", offsetDays: 45, dependsOn: 2 },
      {
        title: "Review results against the success criteria",
        ownerSide: "both",
        offsetDays: 50,
        dependsOn: 3,
      },
      { title: "Go / no-go decision", ownerSide: "customer", offsetDays: 55, dependsOn: 4 },
    ],
  },
  {
    name: "Board-approved capital purchase",
    description: "For investments that need a capital request and board (or committee) approval.",
    steps: [
      { title: "Quantify the cost of doing nothing with finance", ownerSide: "both", offsetDays: 10 },
      {
        title: "Build the business case and capital request",
        ownerSide: "customer",
        offsetDays: 24,
        dependsOn: 0,
      },
      { title: "Executive sponsor review", ownerSide: "customer", offsetDays: 31, dependsOn: 1 },
      { title: "Capital committee", ownerSide: "customer", offsetDays: 45, dependsOn: 2 },
      { title: "Board approval", ownerSide: "customer", offsetDays: 60, dependsOn: 3 },
      { title: "Contract and purchase order", ownerSide: "both", offsetDays: 70, dependsOn: 4 },
    ],
  },
];
