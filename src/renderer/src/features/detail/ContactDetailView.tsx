import type { ContactDetail } from '../../../../common/model/mirror';
import { StatusPill } from '../../components/StatusPill';
import { TagChips } from '../../components/TagChip';
import { UserName } from '../../components/UserName';
import { useFormat } from '../../i18n/use-format';
import { useT } from '../../i18n/use-t';
import { CustomFields } from './CustomFields';
import { OpenLeadButton } from './LeadDetailView';
import { PhoneList } from './PhoneList';

export function ContactDetailView({ contact }: { contact: ContactDetail }) {
  const t = useT();
  const fmt = useFormat();
  return (
    <>
      <dl className="facts">
        {(contact.firstName || contact.lastName) && (
          <>
            <dt>{t('detail.firstLast')}</dt>
            <dd>{[contact.firstName, contact.lastName].filter(Boolean).join(' ')}</dd>
          </>
        )}
        <dt>{t('detail.responsible')}</dt>
        <dd>
          <UserName id={contact.responsibleUserId} />
        </dd>
        {contact.company && (
          <>
            <dt>{t('detail.company')}</dt>
            <dd>{contact.company.name}</dd>
          </>
        )}
        <dt>{t('detail.created')}</dt>
        <dd>{fmt.dateTime(contact.createdAt)}</dd>
        <dt>{t('detail.updated')}</dt>
        <dd>{fmt.dateTime(contact.updatedAt)}</dd>
        <dt>{t('detail.id')}</dt>
        <dd className="muted">{contact.id}</dd>
      </dl>
      <section className="detail-section" aria-labelledby="contact-points">
        <h3 id="contact-points">{t('detail.phonesEmails')}</h3>
        <PhoneList phones={contact.phones} emails={contact.emails} />
      </section>
      <section className="detail-section" aria-labelledby="contact-tags">
        <h3 id="contact-tags">{t('detail.tags')}</h3>
        {contact.tags.length ? <TagChips tags={contact.tags} max={50} /> : <p className="muted">{t('detail.noTags')}</p>}
      </section>
      <section className="detail-section" aria-labelledby="contact-leads">
        <h3 id="contact-leads">{t('detail.leads', { count: contact.leads.length })}</h3>
        {contact.leads.length === 0 && <p className="muted">{t('detail.noLeads')}</p>}
        <ul className="linked-leads">
          {contact.leads.map((lead) => (
            <li key={lead.id} className="linked-card">
              <p className="linked-title">
                <OpenLeadButton id={lead.id} name={lead.name || t('leads.unnamed', { id: lead.id })} />
                <span className="num">{fmt.money(lead.price)}</span>
              </p>
              <StatusPill pipelineId={lead.pipelineId} statusId={lead.statusId} withPipeline />
            </li>
          ))}
        </ul>
      </section>
      <CustomFields fields={contact.customFields} />
    </>
  );
}
