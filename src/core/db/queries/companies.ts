import type { CompanyRow, PageOf } from '../../../common/model/mirror';
import type { MirrorDatabase } from '../open';
import { statement } from '../statements';
import { companyConditions, type CompanyFilterInput } from './filters';
import { listQuery, type ListArgs } from './plans';
import { tagsFor } from './rows';
import { IDS, idsParam } from './sql';

export type CompanySortField = 'name' | 'created_at' | 'updated_at';

export type CompanyListArgs = ListArgs<CompanySortField, CompanyFilterInput>;

const companyList = listQuery<CompanySortField, CompanyFilterInput>(
  {
    table: 'companies',
    alias: 'co',
    sorts: {
      name: { column: 'co.sort_name', index: 'companies_by_name' },
      created_at: { column: 'co.created_at', index: 'companies_by_created' },
      updated_at: { column: 'co.updated_at', index: 'companies_by_updated' },
    },
  },
  companyConditions,
  () => null,
);

export const companyListSql = companyList.sql;

export function listCompanies(mirror: MirrorDatabase, args: CompanyListArgs): PageOf<CompanyRow> {
  const { ids, total } = companyList.readPage(mirror, args);
  return { rows: companiesByIds(mirror, ids), total };
}

interface CompanyRecordRow {
  id: number;
  name: string;
  responsible_user_id: number;
  created_at: number;
  updated_at: number;
  contact_count: number;
  lead_count: number;
  phone: string | null;
  email: string | null;
}

/**
 * The page's companies in the order of `ids`. Phones and emails are the PHONE and EMAIL multitext
 * fields (companies have no phone table: they are not searched by phone); the counts read the
 * contacts' and leads' company indexes.
 */
function companiesByIds(mirror: MirrorDatabase, ids: readonly number[]): CompanyRow[] {
  if (ids.length === 0) return [];
  const firstValue = (code: string) =>
    `(SELECT v.value FROM company_field_values v JOIN custom_fields f ON f.entity_type = 'companies' AND f.id = v.field_id
      WHERE v.company_id = co.id AND f.code = '${code}' ORDER BY v.field_id, v.position LIMIT 1)`;
  const rows = statement(
    mirror.sqlite,
    `SELECT co.id, co.name, co.responsible_user_id, co.created_at, co.updated_at,
       (SELECT count(*) FROM contacts c WHERE c.company_id = co.id) AS contact_count,
       (SELECT count(*) FROM leads l WHERE l.company_id = co.id) AS lead_count,
       ${firstValue('PHONE')} AS phone, ${firstValue('EMAIL')} AS email
     FROM companies co WHERE co.id IN ${IDS}`,
  ).all(idsParam(ids)) as CompanyRecordRow[];
  const byId = new Map(rows.map((r) => [r.id, r]));
  const tags = tagsFor(mirror.sqlite, 'companies', ids);
  return ids.flatMap((id) => {
    const r = byId.get(id);
    if (!r) return [];
    return [
      {
        id: r.id,
        name: r.name,
        responsibleUserId: r.responsible_user_id,
        tags: tags.get(r.id) ?? [],
        phone: r.phone === null ? null : String(r.phone),
        email: r.email === null ? null : String(r.email),
        contactCount: r.contact_count,
        leadCount: r.lead_count,
        createdAt: r.created_at,
        updatedAt: r.updated_at,
      },
    ];
  });
}
