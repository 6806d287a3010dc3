import type { RussianTable } from '../../define';
import type { uiPhoneMessages } from '../ui-phone';

export const uiPhoneRu: RussianTable<typeof uiPhoneMessages> = {
  'phone.label': 'Найти клиента по телефону',
  'phone.placeholder': 'Телефон: 987 654 321, +51…, (01) 234-5678',
  'phone.results': 'Контакты и сделки с этим телефоном',
  'phone.searching': 'Поиск…',
  'phone.tooShort': 'Введите не меньше 6 цифр.',
  'phone.readAs': 'Распознан как {number}',
  'phone.endingIn': 'Номера, оканчивающиеся на {number}',
  'phone.noMatch': 'Ни у одного контакта нет этого телефона.',
  'phone.extension': 'доб. {ext}',
  'phone.call': 'Позвонить на {number}',
  'phone.whatsapp': 'Написать на {number} в WhatsApp',
  'phone.copy': 'Скопировать {number}',
  'phone.copied': 'Скопировано',
  'phone.callShort': 'Позвонить',
  'phone.copyShort': 'Копировать',
};
