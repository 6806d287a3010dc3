import type { CustomFieldDefinitionView, EntityType, MirrorMeta, PipelineView, StatusView, UserView } from '../../../common/model/mirror';
import type { MirrorDatabase } from '../open';
import type { Account } from '../schema/account';

/** Names, colours and definitions for the ids on rows. Small tables, read with Kysely. */
export async function getMeta(mirror: MirrorDatabase): Promise<MirrorMeta> {
  const { db } = mirror;
  const [account, pipelines, statuses, users, fields, lossReasons] = await Promise.all([
    db.selectFrom('account').selectAll().executeTakeFirst(),
    db.selectFrom('pipelines').selectAll().orderBy('sort').orderBy('id').execute(),
    db.selectFrom('statuses').selectAll().orderBy('sort').orderBy('id').execute(),
    db.selectFrom('users').select(['id', 'name', 'email']).orderBy('sort_name').execute(),
    db.selectFrom('custom_fields').selectAll().orderBy('entity_type').orderBy('sort').orderBy('id').execute(),
    db.selectFrom('loss_reasons').select(['id', 'name']).orderBy('sort').orderBy('id').execute(),
  ]);
  const stagesOf = new Map<number, StatusView[]>();
  for (const s of statuses) {
    const view: StatusView = { id: s.id, pipelineId: s.pipeline_id, name: s.name, color: s.color, sort: s.sort, type: s.type };
    stagesOf.set(s.pipeline_id, [...(stagesOf.get(s.pipeline_id) ?? []), view]);
  }
  return {
    account: account ? accountView(account) : null,
    currentUserId: account?.current_user_id ?? null,
    pipelines: pipelines.map((p): PipelineView => ({
      id: p.id,
      name: p.name,
      sort: p.sort,
      isMain: p.is_main === 1,
      isArchive: p.is_archive === 1,
      statuses: stagesOf.get(p.id) ?? [],
    })),
    users: users.map((u): UserView => ({ id: u.id, name: u.name, email: u.email })),
    customFields: fields.map((f): CustomFieldDefinitionView => ({
      id: f.id,
      entityType: f.entity_type as EntityType,
      name: f.name,
      type: f.type,
      code: f.code,
      sort: f.sort,
      enums: JSON.parse(f.enums) as CustomFieldDefinitionView['enums'],
    })),
    lossReasons,
  };
}

function accountView(a: Account): MirrorMeta['account'] {
  return {
    id: a.id,
    name: a.name,
    subdomain: a.subdomain,
    host: a.host,
    timezone: a.timezone,
    currency: a.currency,
    currencySymbol: a.currency_symbol,
  };
}
