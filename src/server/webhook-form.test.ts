import { describe, expect, it } from 'vitest';
import { parseWebhookForm } from './webhook-form';

describe('parseWebhookForm', () => {
  it("reads the records and the account from Kommo's real form, values as strings", () => {
    const body =
      'leads[status][0][id]=15318175&leads[status][0][status_id]=67548619&leads[status][0][old_status_id]=67548607' +
      '&leads[status][0][custom_fields][0][id]=5&leads[status][0][custom_fields][0][values][0][value]=x' +
      '&contacts[update][0][id]=77&contacts[update][0][type]=contact' +
      '&account[subdomain]=example&account[id]=32427762&account[_links][self]=https://example.amocrm.ru';
    expect(parseWebhookForm(body)).toEqual({
      accountId: 32427762,
      subdomain: 'example',
      hints: [
        { entity: 'leads', id: 15318175, deleted: false },
        { entity: 'contacts', id: 77, deleted: false },
      ],
    });
  });

  it('collapses a record named twice, keeping a delete; skips companies and malformed ids', () => {
    const body = new URLSearchParams({
      'leads[update][0][id]': '9',
      'leads[delete][0][id]': '9',
      'leads[responsible][0][id]': 'nine',
      'contacts[add][0][id]': '12',
      'contacts[add][0][type]': 'company',
      'unsorted[add][0][lead_id]': '31',
      'account[id]': '1',
    }).toString();
    expect(parseWebhookForm(body).hints).toEqual([
      { entity: 'leads', id: 9, deleted: true },
      { entity: 'leads', id: 31, deleted: false },
    ]);
  });

  it('says when the account is missing', () => {
    expect(parseWebhookForm('leads[add][0][id]=1').accountId).toBeNull();
    expect(parseWebhookForm('account[id]=abc').accountId).toBeNull();
  });
});
