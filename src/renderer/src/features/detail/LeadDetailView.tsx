import type { LeadDetail } from '../../../../common/model/mirror';
import { StatusPill } from '../../components/StatusPill';
import { TagChips } from '../../components/TagChip';
import { UserName } from '../../components/UserName';
import { useFormat } from '../../i18n/use-format';
import { useT } from '../../i18n/use-t';
import { useAppStore } from '../../store/context';
import { ContactCard } from './ContactCard';
import { CustomFields } from './CustomFields';
import { Timeline } from './Timeline';

export function LeadDetailView({ lead }: { lead: LeadDetail }) {
  const t = useT();
  const fmt = useFormat();
  const contacts = [...lead.contacts].sort((a, b) => Number(b.isMain) - Number(a.isMain));
  return (
    <>
      <dl className="facts">
        <dt>{t('detail.price')}</dt>
        <dd className="num">{fmt.money(lead.price)}</dd>
        <dt>{t('detail.stage')}</dt>
        <dd>
          <StatusPill pipelineId={lead.pipelineId} statusId={lead.statusId} withPipeline />
        </dd>
        <dt>{t('detail.responsible')}</dt>
        <dd>
          <UserName id={lead.responsibleUserId} />
        </dd>
        {lead.company && (
          <>
            <dt>{t('detail.company')}</dt>
            <dd>{lead.company.name}</dd>
          </>
        )}
        <dt>{t('detail.created')}</dt>
        <dd>{fmt.dateTime(lead.createdAt)}</dd>
        <dt>{t('detail.updated')}</dt>
        <dd>{fmt.dateTime(lead.updatedAt)}</dd>
        {lead.closedAt !== null && (
          <>
            <dt>{t('detail.closed')}</dt>
            <dd>{fmt.dateTime(lead.closedAt)}</dd>
          </>
        )}
        {lead.lossReasonId !== null && (
          <>
            <dt>{t('detail.lossReason')}</dt>
            <dd>{lead.lossReasonName ?? `#${lead.lossReasonId}`}</dd>
          </>
        )}
        <dt>{t('detail.id')}</dt>
        <dd className="muted">{lead.id}</dd>
      </dl>
      <section className="detail-section" aria-labelledby="lead-tags">
        <h3 id="lead-tags">{t('detail.tags')}</h3>
        {lead.tags.length ? <TagChips tags={lead.tags} max={50} /> : <p className="muted">{t('detail.noTags')}</p>}
      </section>
      <section className="detail-section" aria-labelledby="lead-contacts">
        <h3 id="lead-contacts">{t('detail.contacts', { count: contacts.length })}</h3>
        {contacts.length === 0 && <p className="muted">{t('detail.noContacts')}</p>}
        {contacts.map((contact) => (
          <ContactCard key={contact.id} contact={contact} isMain={contact.isMain} />
        ))}
      </section>
      <CustomFields fields={lead.customFields} />
      <Timeline leadId={lead.id} />
    </>
  );
}

export function OpenLeadButton({ id, name }: { id: number; name: string }) {
  const openDetail = useAppStore((state) => state.openDetail);
  return (
    <button type="button" className="link-button" onClick={() => openDetail('lead', id, true)}>
      {name}
    </button>
  );
}
