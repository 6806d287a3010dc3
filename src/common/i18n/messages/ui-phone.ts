import { defineMessages } from '../define';

/** The phone search box in the top bar, and how a phone is shown and acted on anywhere. */
export const uiPhoneMessages = defineMessages(
  {
    'phone.label': 'Find a customer by phone',
    'phone.placeholder': 'Phone: 987 654 321, +51…, (01) 234-5678',
    'phone.results': 'Contacts and leads with this phone',
    'phone.searching': 'Searching…',
    'phone.tooShort': 'Type at least 6 digits.',
    'phone.readAs': 'Read as {number}',
    'phone.endingIn': 'Numbers ending in {number}',
    'phone.noMatch': 'No contact has this phone.',
    'phone.extension': 'ext. {ext}',
    'phone.call': 'Call {number}',
    'phone.whatsapp': 'Message {number} on WhatsApp',
    'phone.copy': 'Copy {number}',
    'phone.copied': 'Copied',
    'phone.callShort': 'Call',
    'phone.copyShort': 'Copy',
  },
  {
    'phone.label': 'Buscar cliente por teléfono',
    'phone.placeholder': 'Teléfono: 987 654 321, +51…, (01) 234-5678',
    'phone.results': 'Contactos y leads con este teléfono',
    'phone.searching': 'Buscando…',
    'phone.tooShort': 'Escribe al menos 6 dígitos.',
    'phone.readAs': 'Leído como {number}',
    'phone.endingIn': 'Números que terminan en {number}',
    'phone.noMatch': 'Ningún contacto tiene este teléfono.',
    'phone.extension': 'anexo {ext}',
    'phone.call': 'Llamar al {number}',
    'phone.whatsapp': 'Escribir al {number} por WhatsApp',
    'phone.copy': 'Copiar {number}',
    'phone.copied': 'Copiado',
    'phone.callShort': 'Llamar',
    'phone.copyShort': 'Copiar',
  },
);
