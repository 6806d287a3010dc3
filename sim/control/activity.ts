import { randomFieldValue } from '../generate/field-values';
import { LOST_STATUS_ID, WON_STATUS_ID } from '../generate/metadata';
import { leadName, personName } from '../generate/records';
import { type AccountRuntime } from '../runtime/account-runtime';

export type ActivityKind = 'new_lead' | 'status' | 'reassign' | 'tag' | 'edit' | 'contact_edit' | 'new_contact' | 'delete' | 'restore';

const WEIGHTS: ReadonlyArray<readonly [ActivityKind, number]> = [
  ['new_lead', 0.16],
  ['status', 0.26],
  ['reassign', 0.1],
  ['tag', 0.1],
  ['edit', 0.16],
  ['contact_edit', 0.1],
  ['new_contact', 0.06],
  ['delete', 0.03],
  ['restore', 0.03],
];

/**
 * One step of the demo's "activity mode": a realistic change made by a random user, with all the
 * events and webhooks it implies. Returns what it did, for the log and for tests.
 */
export function activityStep(acct: AccountRuntime, forced?: ActivityKind): { kind: ActivityKind; id: number } | null {
  const s = acct.state;
  const m = acct.mutator;
  const rng = s.rng;
  const actor = rng.pick(s.users.filter((u) => u.rights.is_active)).id;
  const kind = forced ?? rng.weighted(WEIGHTS);
  const liveLeads = s.leads.view(false).id;
  const randomLead = () => (liveLeads.size > 0 ? liveLeads.at(rng.int(0, liveLeads.size - 1))?.rec : undefined);
  const liveContacts = s.contacts.view(false).id;
  const randomContact = () => (liveContacts.size > 0 ? liveContacts.at(rng.int(0, liveContacts.size - 1))?.rec : undefined);
  // Activity favours recent leads, as a real team works its fresh pipeline.
  const recentLead = () =>
    liveLeads.size > 0 ? liveLeads.at(Math.max(0, liveLeads.size - 1 - rng.int(0, Math.min(500, liveLeads.size - 1))))?.rec : undefined;

  switch (kind) {
    case 'new_lead': {
      const person = personName(rng);
      const contact = rng.chance(0.6)
        ? m.createContact(
            {
              first_name: person.first,
              last_name: person.last,
              custom_fields: [
                {
                  def: s.field('contacts', 'PHONE')!,
                  values: randomFieldValue(rng, s.field('contacts', 'PHONE')!, { now: s.now() }).values,
                },
              ],
            },
            actor,
          )
        : randomContact();
      const lead = m.createLead(
        {
          name: leadName(rng, person.last.split(' ')[0] ?? person.last),
          price: rng.int(1, 300) * 100,
          responsible_user_id: actor,
          contacts: contact ? [{ id: contact.id, is_main: true }] : [],
        },
        actor,
      );
      return { kind, id: lead.id };
    }
    case 'status': {
      const lead = recentLead();
      if (!lead) return null;
      const pipeline = s.pipeline(lead.pipeline_id);
      if (!pipeline) return null;
      const options = pipeline.statuses.filter((st) => st.id !== lead.status_id && st.type === 0);
      const next = rng.chance(0.25) ? rng.pick([WON_STATUS_ID, LOST_STATUS_ID]) : rng.pick(options).id;
      m.updateLead(
        lead.id,
        { status_id: next, ...(next === LOST_STATUS_ID && rng.chance(0.5) ? { loss_reason_id: rng.pick(s.lossReasons).id } : {}) },
        actor,
      );
      return { kind, id: lead.id };
    }
    case 'reassign': {
      const lead = randomLead();
      if (!lead) return null;
      const to = rng.pick(s.users.filter((u) => u.id !== lead.responsible_user_id));
      m.updateLead(lead.id, { responsible_user_id: to.id }, actor);
      return { kind, id: lead.id };
    }
    case 'tag': {
      const lead = recentLead();
      if (!lead) return null;
      const current = lead._embedded.tags;
      if (current.length > 0 && rng.chance(0.4)) m.updateLead(lead.id, { tags_to_delete: [rng.pick(current)] }, actor);
      else m.updateLead(lead.id, { tags_to_add: [rng.pick(s.tags.leads)] }, actor);
      return { kind, id: lead.id };
    }
    case 'edit': {
      const lead = recentLead();
      if (!lead) return null;
      const def = rng.pick(s.customFields.leads);
      if (rng.chance(0.4)) m.updateLead(lead.id, { price: rng.int(1, 500) * 100 }, actor);
      else if (rng.chance(0.2)) m.updateLead(lead.id, { name: `${lead.name.replace(/ \(actualizado\)$/, '')} (actualizado)` }, actor);
      else m.updateLead(lead.id, { custom_fields: [{ def, values: randomFieldValue(rng, def, { now: s.now() }).values }] }, actor);
      return { kind, id: lead.id };
    }
    case 'contact_edit': {
      const contact = randomContact();
      if (!contact) return null;
      const phone = s.field('contacts', 'PHONE');
      if (phone && rng.chance(0.6))
        m.updateContact(
          contact.id,
          { custom_fields: [{ def: phone, values: randomFieldValue(rng, phone, { now: s.now() }).values }] },
          actor,
        );
      else m.updateContact(contact.id, { responsible_user_id: rng.pick(s.users).id }, actor);
      return { kind, id: contact.id };
    }
    case 'new_contact': {
      const person = personName(rng);
      const contact = m.createContact({ first_name: person.first, last_name: person.last }, actor);
      return { kind, id: contact.id };
    }
    case 'delete': {
      const lead = randomLead();
      if (!lead) return null;
      m.deleteLead(lead.id, actor);
      return { kind, id: lead.id };
    }
    case 'restore': {
      const deleted = s.leads.view(true).id;
      if (deleted.size === 0) return activityStep(acct, 'status');
      const lead = deleted.at(rng.int(0, deleted.size - 1))?.rec;
      if (!lead) return null;
      m.restoreLead(lead.id, actor);
      return { kind, id: lead.id };
    }
  }
}
