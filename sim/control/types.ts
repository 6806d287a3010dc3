import { type FaultSettings } from '../guard/faults';
import { type LogEntry, type SimCounters } from '../guard/request-log';
import {
  type ApiTag,
  type CompanyRecord,
  type ContactRecord,
  type CustomFieldDefinition,
  type EntityPlural,
  type LeadRecord,
  type LossReasonRecord,
  type NoteRecord,
  type TaskRecord,
  type PipelineRecord,
  type UserRecord,
} from '../model/types';
import { type Integration } from '../oauth/tokens';
import { type SimBehaviour, type SimBehaviourInput } from '../options';
import { type Delivery } from '../webhooks/deliver';
import { type ActivityKind } from './activity';
import { type RecordCorruption } from './corruption';
import { type PaginationMutation } from './pagination-mutator';

/** Which account a control call acts on; the first account when omitted. */
export interface OnAccount {
  account?: string;
}

/** Who makes a change: a user id, or 0 for "robot/system". Default: a random user of the account. */
export interface ByActor {
  actor?: number;
}

export type ControlEntity = 'leads' | 'contacts';

export interface TaskInput {
  entity?: ControlEntity;
  entityId?: number;
  text: string;
  completeTill: number;
  responsibleUserId?: number;
  /** 1 follow-up/call (default), 2 meeting, or an account's own type id. */
  taskTypeId?: number;
}

/** Custom field values in the API's write shape: `field_id` or `field_code`, plus `values`. */
export type FieldInput = Array<{ field_id?: number; field_code?: string; values: unknown[] | null }>;

export interface LeadInput {
  name?: string;
  price?: number;
  status_id?: number;
  pipeline_id?: number;
  responsible_user_id?: number;
  loss_reason_id?: number | null;
  created_at?: number;
  /** Sets updated_at instead of the clock's now (e.g. to put records into one second). */
  updated_at?: number;
  /** Tag names (created on the lead tag list when missing). */
  tags?: string[];
  contacts?: Array<number | { id: number; is_main?: boolean }>;
  custom_fields_values?: FieldInput;
}

export interface ContactInput {
  name?: string;
  first_name?: string;
  last_name?: string;
  responsible_user_id?: number;
  created_at?: number;
  updated_at?: number;
  tags?: string[];
  custom_fields_values?: FieldInput;
  /** Shortcuts for the PHONE / EMAIL multitext fields (enum WORK). */
  phones?: string[];
  emails?: string[];
}

export interface SimSnapshot {
  account: { id: number; subdomain: string; host: string };
  now: number;
  /** Live records, by id, as the API serves them (lead contacts only to live contacts). */
  leads: LeadRecord[];
  contacts: ContactRecord[];
  companies: CompanyRecord[];
  tags: Record<EntityPlural, ApiTag[]>;
  /** Lead–contact links between live records. */
  links: Array<{ leadId: number; contactId: number; isMain: boolean }>;
  deleted: { leads: number[]; contacts: number[]; companies: number[] };
  pipelines: PipelineRecord[];
  users: UserRecord[];
  customFields: Record<EntityPlural, CustomFieldDefinition[]>;
  lossReasons: LossReasonRecord[];
  /** Live notes and tasks, by id. */
  notes: NoteRecord[];
  tasks: TaskRecord[];
}

/**
 * The control API. Every method is also served over HTTP as `POST /__sim/{method}` with the
 * argument object as JSON body (read-only ones also as GET with query parameters); both run
 * this same implementation. Control calls are not rate-limited and not counted.
 */
export interface SimControl {
  create(
    args: OnAccount & ByActor & ({ entity: 'leads'; data?: LeadInput } | { entity: 'contacts'; data?: ContactInput }),
  ): LeadRecord | ContactRecord;
  update(
    args: OnAccount & ByActor & ({ entity: 'leads'; id: number; data: LeadInput } | { entity: 'contacts'; id: number; data: ContactInput }),
  ): LeadRecord | ContactRecord;
  /** Companies too: a deleted company is unlinked from its contacts and leads. */
  delete(args: OnAccount & ByActor & { entity: ControlEntity | 'companies'; id: number }): LeadRecord | ContactRecord | CompanyRecord;
  restore(args: OnAccount & ByActor & { entity: ControlEntity; id: number }): LeadRecord | ContactRecord;
  moveStatus(args: OnAccount & ByActor & { id: number; statusId: number; pipelineId?: number }): LeadRecord;
  reassign(args: OnAccount & ByActor & { entity: ControlEntity; id: number; userId: number }): LeadRecord | ContactRecord;
  tag(args: OnAccount & ByActor & { entity: ControlEntity; id: number; tag: string | number }): LeadRecord | ContactRecord;
  untag(args: OnAccount & ByActor & { entity: ControlEntity; id: number; tag: string | number }): LeadRecord | ContactRecord;
  link(args: OnAccount & ByActor & { leadId: number; contactId: number; isMain?: boolean }): LeadRecord;
  unlink(args: OnAccount & ByActor & { leadId: number; contactId: number }): LeadRecord;
  /** A common note with `text`, or any `noteType` with its `params` (unknown types too: Kommo adds types). */
  addNote(
    args: OnAccount & ByActor & { entity: ControlEntity; id: number; text?: string; noteType?: string; params?: Record<string, unknown> },
  ): { id: number };
  deleteNote(args: OnAccount & ByActor & { id: number }): { id: number };
  /** A task on a lead or contact (or on nothing), due at `completeTill` (Unix s); responsible: the actor by default. */
  addTask(args: OnAccount & ByActor & TaskInput): { id: number };
  completeTask(args: OnAccount & ByActor & { id: number; result?: string }): { id: number };
  editTask(args: OnAccount & ByActor & { id: number; text?: string; completeTill?: number; responsibleUserId?: number }): { id: number };
  deleteTask(args: OnAccount & ByActor & { id: number }): { id: number };

  now(): number;
  advanceClock(args: { seconds: number }): number;
  freezeClock(): number;
  unfreezeClock(): number;

  setFaults(args: OnAccount & Partial<FaultSettings>): FaultSettings;
  clearFaults(args?: OnAccount): FaultSettings;
  /** Serve the nginx HTML 403 to every request of the account for `seconds`. */
  block(args: OnAccount & { seconds: number }): void;
  unblock(args?: OnAccount): void;
  /** Revokes OAuth tokens as disabling the integration does (long-lived ones too if asked). */
  revokeTokens(args?: OnAccount & { clientId?: string; includeLongLived?: boolean }): { revoked: number };
  revokeToken(args: { token: string }): { revoked: boolean };

  registerIntegration(args: { redirectUri: string; name?: string }): Integration;
  /** Changes an integration's redirect URI (the default integration when clientId is omitted). */
  setRedirectUri(args: { clientId?: string; redirectUri: string }): Integration;
  setAutoApprove(args: { on: boolean; account?: string }): void;
  /** What approving the consent page does, without the page: the redirect URL with a fresh code. */
  authorize(args?: OnAccount & { clientId?: string; state?: string; userId?: number }): { redirectUrl: string; code: string };
  issueLongLivedToken(args?: OnAccount & { ttlSeconds?: number }): { token: string };

  /** Serves one record with wrong values from now on (see RecordCorruption); its data and filters are unchanged. */
  corrupt(args: OnAccount & { entity: ControlEntity; id: number } & RecordCorruption): void;
  /** Serves records correctly again: one, all of an entity, or all. Returns how many were corrupted. */
  clearCorruptions(args?: OnAccount & { entity?: ControlEntity; id?: number }): { cleared: number };
  mutateDuringPagination(args: OnAccount & (PaginationMutation | { off: true })): void;
  paginationStatus(args?: OnAccount): { config: PaginationMutation | null; applied: number; touched: number[] };
  setActivity(args: { on: boolean; intervalSeconds?: number }): { on: boolean; intervalSeconds: number };
  /** Runs activity steps now (tests use this instead of waiting for the timer). */
  activityTick(args?: OnAccount & { steps?: number; kind?: ActivityKind }): Array<{ kind: ActivityKind; id: number }>;

  requestLog(args?: OnAccount & { limit?: number }): LogEntry[];
  counters(args?: OnAccount): SimCounters;
  resetCounters(args?: OnAccount): void;
  snapshot(args?: OnAccount): SimSnapshot;
  behaviour(): SimBehaviour;
  setBehaviour(args: SimBehaviourInput): SimBehaviour;
  webhookDeliveries(args?: OnAccount): Delivery[];
  flushWebhooks(args?: OnAccount): Promise<void>;
}
