import type { ColumnType, Generated } from "kysely";

/** Kysely's view of the tables in db/migrations. Keep in step with the SQL. */
type CreatedAt = ColumnType<Date, Date | undefined, never>;
type UpdatedAt = ColumnType<Date, Date | undefined, Date>;
type Version = ColumnType<number, number | undefined, number>;
export type Json = ColumnType<unknown, string | undefined, string>;

export interface WorkspaceTable {
  id: string;
  name: string;
  is_demo: ColumnType<boolean, boolean | undefined, boolean>;
  settings: Json;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  version: Version;
}

export interface TeamTable {
  id: string;
  workspace_id: string;
  name: string;
  manager_id: string | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  deleted_at: Date | null;
  version: Version;
}

export type Role = "seller" | "manager" | "admin";

export interface MemberTable {
  id: string;
  workspace_id: string;
  email: string;
  name: string;
  role: Role;
  team_id: string | null;
  /** Null for an invited member who has not chosen a password yet. */
  password_hash: string | null;
  active: ColumnType<boolean, boolean | undefined, boolean>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  deleted_at: Date | null;
  version: Version;
}

export interface SessionTable {
  id: string;
  token_hash: string;
  member_id: string;
  workspace_id: string;
  created_at: CreatedAt;
  expires_at: Date;
}

export interface ApiTokenTable {
  id: string;
  workspace_id: string;
  member_id: string;
  name: string;
  scope: "read" | "write";
  token_hash: string;
  prefix: string;
  created_at: CreatedAt;
  expires_at: Date | null;
  last_used_at: Date | null;
  revoked_at: Date | null;
}

export interface WebhookEndpointTable {
  id: string;
  workspace_id: string;
  url: string;
  events: string[];
  secret: string;
  description: string | null;
  enabled: Generated<boolean>;
  disabled_reason: string | null;
  failures: Generated<number>;
  created_by: string;
  created_at: CreatedAt;
  updated_at: Generated<Date>;
  deleted_at: Date | null;
  version: Generated<number>;
}

export interface WebhookEventTable {
  id: string;
  workspace_id: string;
  type: string;
  entity: string;
  entity_id: string;
  decision_id: string | null;
  snapshot: unknown;
  created_at: CreatedAt;
  body: string | null;
  dispatched_at: Date | null;
}

export interface WebhookDeliveryTable {
  id: string;
  workspace_id: string;
  endpoint_id: string;
  event_id: string;
  status: Generated<"pending" | "retrying" | "delivered" | "failed">;
  attempts: Generated<number>;
  response_code: number | null;
  error: string | null;
  duration_ms: number | null;
  redelivery: Generated<boolean>;
  created_at: CreatedAt;
  last_attempt_at: Date | null;
  delivered_at: Date | null;
}

export type EmailKind = "room" | "digest" | "actions" | "notices";

export interface EmailLinkTable {
  id: string;
  workspace_id: string;
  token_hash: string;
  address: string;
  kind: EmailKind;
  created_at: CreatedAt;
}

export interface EmailUnsubscribeTable {
  workspace_id: string;
  address: string;
  kind: string;
  created_at: CreatedAt;
}

export interface CalendarFeedTable {
  id: string;
  workspace_id: string;
  member_id: string;
  decision_id: string | null;
  token_hash: string;
  created_at: CreatedAt;
  last_read_at: Date | null;
  revoked_at: Date | null;
}

export type ChangeAction = "create" | "update" | "delete" | "restore" | "access";

export interface ChangeLogTable {
  id: Generated<number>;
  workspace_id: string;
  member_id: string | null;
  via: string | null;
  entity: string;
  entity_id: string;
  action: ChangeAction;
  before: Json;
  after: Json;
  at: CreatedAt;
  parent_id: string | null;
  /** What the API shows as the entry's id (the serial id orders entries, and is never shown). */
  public_id: Generated<string>;
}

type SoftDeleted = { deleted_at: Date | null };
type Source = { source_system: string | null; source_id: string | null };

export interface AccountTable extends SoftDeleted, Source {
  id: string;
  workspace_id: string;
  name: string;
  industry: string | null;
  size: string | null;
  website: string | null;
  goals: string | null;
  challenges: string | null;
  current_approach: string | null;
  approach_reason: string | null;
  notes: string | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  version: Version;
}

export interface StakeholderTable extends SoftDeleted, Source {
  id: string;
  workspace_id: string;
  account_id: string;
  name: string;
  title: string | null;
  email: string | null;
  phone: string | null;
  notes: string | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  version: Version;
}

export interface DecisionTable extends SoftDeleted, Source {
  id: string;
  workspace_id: string;
  account_id: string;
  owner_id: string;
  title: string;
  value_amount: number | null;
  currency: string;
  target_date: string | null;
  problem: Json;
  impact: Json;
  trigger: Json;
  outcomes_sought: Json;
  options: Json;
  criteria: Json;
  process: Json;
  seller_confidence: Json;
  outcome: "open" | "won" | "lost" | "no_decision";
  outcome_reason: string | null;
  outcome_date: string | null;
  notes: string | null;
  source_stage: string | null;
  product_line: string | null;
  source_owner: string | null;
  forecast_category: ColumnType<"omitted" | "pipeline" | "best_case" | "commit", string | undefined, string>;
  readiness: ColumnType<number, number | undefined, number>;
  milestone: ColumnType<string, string | undefined, string>;
  weakest_dimension: string | null;
  cost_of_waiting_monthly: ColumnType<number, number | undefined, number>;
  opened_on: string | null;
  list_amount: number | null;
  signals: Json;
  derived_version: ColumnType<number, number | undefined, number>;
  learned_at: ColumnType<Date | null, never, unknown>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  version: Version;
}

export interface InvolvementTable extends SoftDeleted {
  id: string;
  workspace_id: string;
  decision_id: string;
  stakeholder_id: string;
  role: string;
  influence: string;
  personal_stake: string | null;
  stance_problem: string;
  stance_approach: string;
  stance_timing: string;
  stance_us: string;
  source_system: string | null;
  source_id: string | null;
  source_role: string | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  version: Version;
}

export interface ConcessionTable extends SoftDeleted {
  id: string;
  workspace_id: string;
  decision_id: string;
  amount: number | null;
  /** numeric: read back as text. */
  percent: string | null;
  in_return: string | null;
  reason: string;
  status: "requested" | "approved" | "declined";
  requested_by: string;
  decided_by: string | null;
  decided_at: Date | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  version: Version;
}

export interface SuccessMeasureTable extends SoftDeleted {
  id: string;
  workspace_id: string;
  decision_id: string;
  position: ColumnType<number, number | undefined, number>;
  measure: string;
  baseline: string | null;
  target: string | null;
  due_on: string;
  asked_at: Date | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  version: Version;
}

export interface SuccessReportTable {
  id: string;
  workspace_id: string;
  decision_id: string;
  share_link_id: string | null;
  recorded_by: string | null;
  stakeholder_id: string | null;
  reporter_name: string;
  verified: boolean;
  decide_again: "yes" | "unsure" | "no";
  in_the_way: string | null;
  /** [{ measureId, value, reached }]: what was said of each measure. */
  values: Json;
  created_at: CreatedAt;
}

export interface ConcernTable extends SoftDeleted {
  id: string;
  workspace_id: string;
  decision_id: string;
  text: string;
  kind: string;
  category: string;
  raised_by: string | null;
  severity: string;
  status: string;
  response: string | null;
  raised_via_link: string | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  version: Version;
}

export interface QuestionTable {
  id: string;
  workspace_id: string;
  gap_key: string;
  text: string;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  version: Version;
}

export interface ReviewTable {
  id: string;
  workspace_id: string;
  decision_id: string;
  reviewer_id: string;
  kind: "manager" | "self";
  status: ColumnType<"open" | "completed", "open" | "completed" | undefined, "open" | "completed">;
  coaching_notes: string | null;
  readiness_at_start: number;
  readiness_at_completion: number | null;
  completed_at: Date | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  deleted_at: Date | null;
  version: Version;
}

export interface ReviewAnswerTable {
  id: string;
  workspace_id: string;
  review_id: string;
  question: string;
  answer: string;
  confirmed: ColumnType<boolean, boolean | undefined, boolean>;
  label: string;
  reason: string | null;
  explanation: string;
  suggestion: string;
  signals: Json;
  updated_by: string | null;
  updated_at: UpdatedAt;
  version: Version;
}

export interface ReviewActionTable {
  id: string;
  workspace_id: string;
  review_id: string;
  decision_id: string;
  what: string;
  owner_id: string;
  due_date: string | null;
  status: ColumnType<"open" | "done", "open" | "done" | undefined, "open" | "done">;
  done_at: Date | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  deleted_at: Date | null;
  version: Version;
}

export interface PlanStepTable {
  id: string;
  workspace_id: string;
  decision_id: string;
  title: string;
  description: string | null;
  owner_side: "customer" | "us" | "both";
  owner_stakeholder_id: string | null;
  owner_member_id: string | null;
  due_date: string | null;
  first_due_date: string | null;
  due_date_moves: ColumnType<number, number | undefined, number>;
  status: "not_started" | "in_progress" | "done" | "blocked";
  blocked_reason: string | null;
  position: number;
  depends_on: string | null;
  done_at: Date | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  deleted_at: Date | null;
  version: Version;
}

export interface PlanTemplateTable {
  id: string;
  workspace_id: string;
  name: string;
  description: string | null;
  steps: Json;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  deleted_at: Date | null;
  version: Version;
}

export interface MemberLinkTable {
  id: string;
  workspace_id: string;
  member_id: string;
  purpose: "invitation" | "password_reset";
  token_hash: string;
  created_by: string | null;
  created_at: CreatedAt;
  expires_at: Date;
  used_at: Date | null;
  revoked_at: Date | null;
}

export interface ConversationTable {
  id: string;
  workspace_id: string;
  decision_id: string;
  happened_on: string;
  channel: "call" | "video" | "meeting" | "email" | "note";
  title: string;
  notes: string | null;
  transcript_format: string | null;
  turns: Json;
  speakers: Json;
  analysis: Json | null;
  warnings: Json;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  deleted_at: Date | null;
  version: Version;
}

export interface SpeakerMappingTable {
  workspace_id: string;
  name_key: string;
  member_id: string | null;
  stakeholder_id: string | null;
  updated_at: UpdatedAt;
}

export interface ConversationProposalTable {
  id: string;
  workspace_id: string;
  conversation_id: string;
  decision_id: string;
  kind: "problem" | "impact" | "concern" | "next_step";
  text: string;
  speaker: string;
  stakeholder_id: string | null;
  turn: number;
  at_seconds: number | null;
  note_line: number | null;
  status: ColumnType<
    "proposed" | "accepted" | "dismissed",
    "proposed" | undefined,
    "proposed" | "accepted" | "dismissed"
  >;
  resolved_by: string | null;
  resolved_at: Date | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  version: Version;
}

export interface ShareLinkTable {
  id: string;
  workspace_id: string;
  decision_id: string;
  token_hash: string;
  label: string;
  expires_at: Date;
  revoked_at: Date | null;
  created_by: string;
  created_at: CreatedAt;
  last_seen_at: Date | null;
  visit_count: ColumnType<number, number | undefined, number>;
  /** The stakeholder whose own link this is; null for a general link. */
  stakeholder_id: string | null;
}

export interface CheckInTable {
  id: string;
  workspace_id: string;
  decision_id: string;
  share_link_id: string;
  stakeholder_id: string | null;
  stakeholder_name: string;
  role: string | null;
  ratings: Json;
  comment: string | null;
  /** Came through the stakeholder's own link, so it is theirs. */
  verified: ColumnType<boolean, boolean | undefined, boolean>;
  created_at: CreatedAt;
}

export interface StepCommentTable {
  id: string;
  workspace_id: string;
  decision_id: string;
  step_id: string;
  author_name: string;
  author_member: string | null;
  share_link_id: string | null;
  body: string;
  created_at: CreatedAt;
}

export interface DiagnosisCorrectionTable {
  id: string;
  workspace_id: string;
  review_id: string | null;
  question: string;
  answer: string;
  predicted_label: string;
  predicted_reason: string | null;
  label: "customer" | "seller" | "vague";
  reason: string | null;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  deleted_at: Date | null;
  version: Version;
}

export interface ProblemCorrectionTable {
  id: string;
  workspace_id: string;
  decision_id: string;
  share_link_id: string;
  verdict: "right" | "not_quite";
  text: string | null;
  proposed_by: string | null;
  stakeholder_id: string | null;
  verified: ColumnType<boolean, boolean | undefined, boolean>;
  status: ColumnType<"proposed" | "accepted" | "dismissed", string | undefined, string>;
  resolved_by: string | null;
  resolved_at: Date | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  version: Version;
}

export interface BuyerActivityTable {
  id: Generated<number>;
  workspace_id: string;
  decision_id: string;
  share_link_id: string | null;
  kind: string;
  summary: string;
  payload: Json;
  created_at: CreatedAt;
}

export interface RateLimitTable {
  key: string;
  window_start: Date;
  hits: number;
}

export interface SchemaMigrationTable {
  name: string;
  applied_at: CreatedAt;
}

export type ImportStatus = "running" | "done" | "failed" | "undone";

/** An uploaded import file, kept in the database when it is a PostgreSQL server (see `upload_part`). */
export interface UploadTable {
  id: string;
  workspace_id: string;
  name: string;
  /** bigint: node-postgres reads it as a string. */
  bytes: ColumnType<string, number | undefined, number>;
  created_at: CreatedAt;
  stored_at: Date | null;
}

export interface UploadPartTable {
  upload_id: string;
  workspace_id: string;
  part: number;
  data: Buffer;
}

export interface ImportRunTable {
  id: string;
  workspace_id: string;
  member_id: string | null;
  status: ImportStatus;
  files: Json;
  options: Json;
  checkpoint: Json;
  counts: Json;
  unknown_owners: Json;
  unknown_stages: Json;
  error: string | null;
  created_at: CreatedAt;
  finished_at: Date | null;
  undone_at: Date | null;
  version: Version;
}

export interface ImportIssueTable {
  id: Generated<number>;
  workspace_id: string;
  import_id: string;
  file: string;
  row_number: number;
  column_name: string | null;
  value: string | null;
  message: string;
  severity: "error" | "warning";
}

export interface ImportMappingTable extends SoftDeleted {
  id: string;
  workspace_id: string;
  name: string;
  kind: string;
  columns: Json;
  constants: Json;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  version: Version;
}

export interface Database {
  workspace: WorkspaceTable;
  team: TeamTable;
  member: MemberTable;
  session: SessionTable;
  api_token: ApiTokenTable;
  webhook_endpoint: WebhookEndpointTable;
  webhook_event: WebhookEventTable;
  webhook_delivery: WebhookDeliveryTable;
  email_link: EmailLinkTable;
  email_unsubscribe: EmailUnsubscribeTable;
  calendar_feed: CalendarFeedTable;
  member_link: MemberLinkTable;
  change_log: ChangeLogTable;
  schema_migration: SchemaMigrationTable;
  rate_limit: RateLimitTable;
  account: AccountTable;
  stakeholder: StakeholderTable;
  decision: DecisionTable;
  involvement: InvolvementTable;
  concern: ConcernTable;
  concession: ConcessionTable;
  success_measure: SuccessMeasureTable;
  success_report: SuccessReportTable;
  question: QuestionTable;
  review: ReviewTable;
  review_answer: ReviewAnswerTable;
  review_action: ReviewActionTable;
  plan_step: PlanStepTable;
  plan_template: PlanTemplateTable;
  share_link: ShareLinkTable;
  check_in: CheckInTable;
  step_comment: StepCommentTable;
  problem_correction: ProblemCorrectionTable;
  diagnosis_correction: DiagnosisCorrectionTable;
  buyer_activity: BuyerActivityTable;
  import_run: ImportRunTable;
  upload: UploadTable;
  upload_part: UploadPartTable;
  import_issue: ImportIssueTable;
  import_mapping: ImportMappingTable;
  conversation: ConversationTable;
  speaker_mapping: SpeakerMappingTable;
  conversation_proposal: ConversationProposalTable;
}
