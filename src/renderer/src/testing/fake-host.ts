import type { LeadFilter } from '../../../common/contract/mirror';
import type { EventName, Events, RequestArgs, RequestName, RequestValue } from '../../../common/contract';
import type { AppInfo } from '../../../common/model/app';
import type { ConnectionState } from '../../../common/model/connection';
import type {
  CompanyRow,
  ContactDetail,
  ContactRow,
  LeadDetail,
  LeadRow,
  MirrorMeta,
  PhoneSearchResult,
  TagWithCount,
} from '../../../common/model/mirror';
import { DEFAULT_SETTINGS, type Settings } from '../../../common/model/settings';
import type { SyncStatus } from '../../../common/model/sync';
import { fail, ok, type Result } from '../../../common/result';
import type { Host } from '../host/host';
import { CONNECTED, IDLE, INFO, META } from './fixtures';

export interface FakeHostData {
  info: AppInfo;
  settings: Settings;
  connection: ConnectionState;
  sync: SyncStatus | null;
  meta: MirrorMeta;
  leads: LeadRow[];
  contacts: ContactRow[];
  companies: CompanyRow[];
  tags: TagWithCount[];
}

type Override<K extends RequestName> = (args: RequestArgs<K>) => Result<RequestValue<K>> | Promise<Result<RequestValue<K>>>;

/**
 * An in-memory host for component and store tests: it answers the contract's requests from plain
 * arrays (with simple filtering, sorting and paging, as the real host does in SQL), records every
 * request, and lets a test push events. Any request can be overridden per test.
 */
export class FakeHost implements Host {
  readonly calls: Array<{ name: RequestName; args: unknown }> = [];
  readonly data: FakeHostData;
  private readonly overrides = new Map<RequestName, Override<never>>();
  private readonly listeners = new Map<EventName, Set<(payload: never) => void>>();

  constructor(data: Partial<FakeHostData> = {}) {
    this.data = {
      info: INFO,
      settings: structuredClone(DEFAULT_SETTINGS),
      connection: CONNECTED,
      sync: IDLE,
      meta: META,
      leads: [],
      contacts: [],
      companies: [],
      tags: [],
      ...data,
    };
  }

  override<K extends RequestName>(name: K, handler: Override<K>): this {
    this.overrides.set(name, handler as unknown as Override<never>);
    return this;
  }

  /** The arguments of every call of one request, oldest first. */
  callsOf<K extends RequestName>(name: K): RequestArgs<K>[] {
    return this.calls.filter((call) => call.name === name).map((call) => call.args as RequestArgs<K>);
  }

  emit<E extends EventName>(name: E, payload: Events[E]): void {
    for (const listener of this.listeners.get(name) ?? []) (listener as (payload: Events[E]) => void)(payload);
  }

  on<E extends EventName>(name: E, listener: (payload: Events[E]) => void): () => void {
    const set = this.listeners.get(name) ?? new Set();
    this.listeners.set(name, set);
    set.add(listener as (payload: never) => void);
    return () => set.delete(listener as (payload: never) => void);
  }

  async request<K extends RequestName>(name: K, args: RequestArgs<K>): Promise<Result<RequestValue<K>>> {
    this.calls.push({ name, args: structuredClone(args) });
    await Promise.resolve();
    const override = this.overrides.get(name) as Override<K> | undefined;
    if (override) return override(args);
    return this.answer(name, args as never) as Result<RequestValue<K>>;
  }

  private answer(name: RequestName, args: Record<string, never>): Result<unknown> {
    const d = this.data;
    switch (name) {
      case 'app.info':
        return ok(d.info);
      case 'settings.get':
        return ok(d.settings);
      case 'settings.update': {
        const patch = (args as unknown as { patch: Partial<Settings> }).patch;
        d.settings = {
          ...d.settings,
          ...patch,
          notifications: { ...d.settings.notifications, ...patch.notifications },
          ui: { ...d.settings.ui, ...patch.ui },
        };
        return ok(d.settings);
      }
      case 'auth.state':
        return ok(d.connection);
      case 'sync.status':
      case 'sync.now':
      case 'sync.rebuildMirror':
        return d.sync ? ok(d.sync) : fail('invalid_input', 'Unknown request');
      case 'meta.get':
        return ok(d.meta);
      case 'leads.list': {
        const {
          filter = {},
          sort,
          offset = 0,
          limit = 100,
        } = args as unknown as { filter?: LeadFilter; sort?: { field: string; direction: string }; offset?: number; limit?: number };
        const rows = sortRows(filterLeads(d.leads, filter), sort);
        return ok({ rows: rows.slice(offset, offset + limit), total: rows.length });
      }
      case 'leads.get': {
        const lead = d.leads.find((row) => row.id === (args as unknown as { id: number }).id);
        return ok(lead ? leadDetail(lead) : null);
      }
      case 'leads.board': {
        const { pipelineId } = args as unknown as { pipelineId: number };
        const statuses = d.meta.pipelines.find((p) => p.id === pipelineId)?.statuses ?? [];
        return ok(
          statuses.map((status) => {
            const inStage = d.leads.filter((lead) => lead.pipelineId === pipelineId && lead.statusId === status.id);
            return { statusId: status.id, count: inStage.length, priceTotal: inStage.reduce((sum, lead) => sum + lead.price, 0) };
          }),
        );
      }
      case 'contacts.list': {
        const { filter = {}, offset = 0, limit = 100 } = args as unknown as { filter?: { text?: string }; offset?: number; limit?: number };
        const rows = d.contacts.filter((row) => !filter.text || row.name.toLowerCase().includes(filter.text.toLowerCase()));
        return ok({ rows: rows.slice(offset, offset + limit), total: rows.length });
      }
      case 'companies.list': {
        const { filter = {}, offset = 0, limit = 100 } = args as unknown as { filter?: { text?: string }; offset?: number; limit?: number };
        const rows = d.companies.filter((row) => !filter.text || row.name.toLowerCase().includes(filter.text.toLowerCase()));
        return ok({ rows: rows.slice(offset, offset + limit), total: rows.length });
      }
      case 'contacts.get': {
        const contact = d.contacts.find((row) => row.id === (args as unknown as { id: number }).id);
        return ok(contact ? contactDetail(contact, d.leads) : null);
      }
      case 'tags.list': {
        const { entityType } = args as unknown as { entityType: string };
        return ok(d.tags.filter((tag) => tag.entityType === entityType));
      }
      case 'phone.search': {
        const digits = (args as unknown as { query: string }).query.replace(/\D/g, '');
        const result: PhoneSearchResult = {
          normalized: digits.length === 9 ? `51${digits}` : digits,
          matchedBy: digits.length < 6 ? 'none' : digits.length >= 9 ? 'exact' : 'suffix',
          contacts:
            digits.length < 6
              ? []
              : d.contacts
                  .filter((contact) => contact.phones.some((phone) => phone.normalized.endsWith(digits.slice(-9))))
                  .map((contact) => ({ ...contact, leads: d.leads.filter((lead) => lead.mainContact?.id === contact.id) })),
        };
        return ok(result);
      }
      default:
        return fail('invalid_input', `Unknown request "${name}".`);
    }
  }
}

function filterLeads(leads: LeadRow[], filter: LeadFilter): LeadRow[] {
  return leads.filter((lead) => {
    if (filter.text && !lead.name.toLowerCase().includes(filter.text.toLowerCase())) return false;
    if (filter.pipelineIds?.length && !filter.pipelineIds.includes(lead.pipelineId)) return false;
    if (filter.stages?.length && !filter.stages.some((s) => s.pipelineId === lead.pipelineId && s.statusId === lead.statusId)) return false;
    if (filter.responsibleUserIds?.length && !filter.responsibleUserIds.includes(lead.responsibleUserId)) return false;
    if (filter.tagIds?.length) {
      const has = (id: number) => lead.tags.some((tag) => tag.id === id);
      if (filter.tagMode === 'all' ? !filter.tagIds.every(has) : !filter.tagIds.some(has)) return false;
    }
    if (filter.priceMin !== undefined && lead.price < filter.priceMin) return false;
    if (filter.priceMax !== undefined && lead.price > filter.priceMax) return false;
    if (filter.createdFrom !== undefined && lead.createdAt < filter.createdFrom) return false;
    if (filter.createdTo !== undefined && lead.createdAt > filter.createdTo) return false;
    if (filter.updatedFrom !== undefined && lead.updatedAt < filter.updatedFrom) return false;
    if (filter.updatedTo !== undefined && lead.updatedAt > filter.updatedTo) return false;
    return true;
  });
}

function sortRows(rows: LeadRow[], sort: { field: string; direction: string } | undefined): LeadRow[] {
  const field = sort?.field ?? 'updated_at';
  const key = (row: LeadRow): string | number =>
    field === 'name' ? row.name : field === 'price' ? row.price : field === 'created_at' ? row.createdAt : row.updatedAt;
  const sign = sort?.direction === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => (key(a) < key(b) ? -sign : key(a) > key(b) ? sign : 0));
}

export function leadDetail(lead: LeadRow): LeadDetail {
  return { ...lead, lossReasonId: null, lossReasonName: null, contacts: [], company: null, customFields: [] };
}

function contactDetail(contact: ContactRow, leads: LeadRow[]): ContactDetail {
  return {
    ...contact,
    firstName: null,
    lastName: null,
    customFields: [],
    leads: leads.filter((lead) => lead.mainContact?.id === contact.id),
  };
}
