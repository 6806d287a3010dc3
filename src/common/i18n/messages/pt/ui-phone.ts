import type { PortugueseTable } from '../../define';
import type { uiPhoneMessages } from '../ui-phone';

export const uiPhonePt: PortugueseTable<typeof uiPhoneMessages> = {
  'phone.label': 'Buscar cliente por telefone',
  'phone.placeholder': 'Telefone: 987 654 321, +51…, (01) 234-5678',
  'phone.results': 'Contatos e leads com este telefone',
  'phone.searching': 'Buscando…',
  'phone.tooShort': 'Digite pelo menos 6 dígitos.',
  'phone.readAs': 'Lido como {number}',
  'phone.endingIn': 'Números terminados em {number}',
  'phone.noMatch': 'Nenhum contato tem este telefone.',
  'phone.extension': 'ramal {ext}',
  'phone.call': 'Ligar para {number}',
  'phone.whatsapp': 'Enviar mensagem para {number} pelo WhatsApp',
  'phone.copy': 'Copiar {number}',
  'phone.copied': 'Copiado',
  'phone.callShort': 'Ligar',
  'phone.copyShort': 'Copiar',
};
