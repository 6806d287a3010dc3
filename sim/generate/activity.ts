import { type Rng } from '../core/rng';
import { type LeadRecord, type NoteRecord, type TaskRecord } from '../model/types';
import { type AccountState } from '../state/account-state';
import { LOST_STATUS_ID, WON_STATUS_ID } from './metadata';
import { NOTE_TEXTS } from './names';

const HOUR = 3600;
const DAY = 86_400;

const TASK_TEXTS = [
  'Llamar para confirmar la cotización',
  'Enviar propuesta actualizada',
  'Reunión de seguimiento en la oficina del cliente',
  'Confirmar fecha de entrega',
  'Recordar pago del adelanto',
  'Enviar catálogo por WhatsApp',
] as const;
const RESULTS = ['Cliente confirmó, enviar factura.', 'No contestó, reprogramado.', 'Acepta la propuesta.'] as const;
const SMS_TEXTS = ['Hola, le escribo de parte de ventas. ¿Podemos coordinar una llamada?', 'Gracias por su pedido.'] as const;
const CALL_RESULTS = ['Interesado, pide visita', 'Buzón de voz', 'Volver a llamar la próxima semana'] as const;

/**
 * Notes and tasks for the demo account, as a rep's week leaves them: common notes, calls in and
 * out with duration and result, SMS and service messages on leads (a few on contacts); an open
 * task on most open leads (some overdue, some due today, the rest upcoming; a good share for the
 * signed-in user, so "Mis tareas" has something on first launch) and completed ones with results.
 * Written straight into the state (no events): this is the account as it was before the session.
 */
export function seedNotesAndTasks(s: AccountState, rng: Rng): void {
  const now = s.now();
  const leads = [...s.leads.byId.values()].filter((l) => !l.is_deleted);
  for (const lead of leads) {
    const count = rng.int(0, 4);
    for (let i = 0; i < count; i++) s.notes.push(note(s, rng, 'leads', lead.id, lead.responsible_user_id, lead.created_at, now));
    const open = lead.status_id !== WON_STATUS_ID && lead.status_id !== LOST_STATUS_ID;
    if (open && rng.chance(0.7)) s.tasks.push(task(s, rng, lead, dueTime(rng, now), false, now));
    if (rng.chance(0.3)) s.tasks.push(task(s, rng, lead, now - rng.int(2, 60) * DAY, true, now));
  }
  for (const contact of [...s.contacts.byId.values()].filter((c) => !c.is_deleted && rng.chance(0.2)))
    s.notes.push(note(s, rng, 'contacts', contact.id, contact.responsible_user_id, contact.created_at, now));
}

/** Overdue (a quarter), later today (a quarter), or in the next two weeks. */
function dueTime(rng: Rng, now: number): number {
  const r = rng.next();
  if (r < 0.25) return now - rng.int(1, 10 * 24) * HOUR;
  if (r < 0.5) return now + rng.int(10, 5 * 60) * 60;
  return now + rng.int(1, 14) * DAY + rng.int(0, 8) * HOUR;
}

function note(
  s: AccountState,
  rng: Rng,
  entity: 'leads' | 'contacts',
  entityId: number,
  responsible: number,
  since: number,
  now: number,
): NoteRecord {
  const at = rng.int(Math.min(since, now), now);
  const phone = `+51 9${rng.int(10, 99)} ${rng.int(100, 999)} ${rng.int(100, 999)}`;
  const r = rng.next();
  const [noteType, params]: [string, Record<string, unknown>] =
    r < 0.45
      ? ['common', { text: rng.pick(NOTE_TEXTS) }]
      : r < 0.75
        ? [
            rng.chance(0.5) ? 'call_in' : 'call_out',
            {
              uniq: `call-${s.newId('note')}`,
              duration: rng.int(0, 900),
              source: 'Central telefónica',
              link: '',
              phone,
              call_status: rng.int(1, 7),
              call_result: rng.pick(CALL_RESULTS),
            },
          ]
        : r < 0.9
          ? [rng.chance(0.5) ? 'sms_out' : 'sms_in', { text: rng.pick(SMS_TEXTS), phone }]
          : ['service_message', { service: 'Formulario web', text: 'Nueva solicitud desde el sitio web' }];
  return {
    id: s.newId('note'),
    entity_id: entityId,
    entity_type: entity,
    created_by: responsible,
    updated_by: responsible,
    created_at: at,
    updated_at: at,
    responsible_user_id: responsible,
    group_id: s.groupOf(responsible),
    note_type: noteType,
    params,
    account_id: s.info.id,
  };
}

function task(s: AccountState, rng: Rng, lead: LeadRecord, due: number, done: boolean, now: number): TaskRecord {
  const responsible = rng.chance(0.4) ? s.currentUserId : lead.responsible_user_id;
  const created = Math.min(now, Math.max(lead.created_at, due - rng.int(1, 7) * DAY));
  return {
    id: s.newId('task'),
    created_by: responsible,
    updated_by: responsible,
    created_at: created,
    updated_at: done ? Math.min(now, Math.max(created, due)) : created,
    responsible_user_id: responsible,
    group_id: s.groupOf(responsible),
    entity_id: lead.id,
    entity_type: 'leads',
    duration: 0,
    is_completed: done,
    task_type_id: rng.chance(0.7) ? 1 : 2,
    text: rng.pick(TASK_TEXTS),
    result: done ? { text: rng.pick(RESULTS) } : [],
    complete_till: due,
    account_id: s.info.id,
  };
}
