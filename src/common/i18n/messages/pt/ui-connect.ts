import type { PortugueseTable } from '../../define';
import type { uiConnectMessages } from '../ui-connect';

export const uiConnectPt: PortugueseTable<typeof uiConnectMessages> = {
  'connect.title': 'Conecte sua conta do Kommo',
  'connect.subtitle':
    'O Kommo Mirror guarda uma cópia dos seus leads, contatos e etiquetas neste computador, para você consultá-los na hora, sem internet, e encontrar qualquer cliente pelo telefone.',
  'connect.reconnectTitle': 'Entre no Kommo novamente',
  'connect.oauth.title': 'Entrar com o Kommo',
  'connect.oauth.text': 'Recomendado. O Kommo pede para você permitir o acesso, e você volta para cá.',
  'connect.oauth.button': 'Entrar com o Kommo',
  'connect.oauth.waiting': 'Termine de entrar na página do Kommo. Esta tela continua sozinha.',
  'connect.oauth.openLink': 'Abrir a página de login do Kommo',
  'connect.oauth.notSetUp':
    'O login com o Kommo não está configurado nesta instalação. Quem instala o aplicativo configura uma vez: crie uma integração no Kommo (Configurações → Integrações) e informe ao aplicativo o KOMMO_CLIENT_ID, o KOMMO_CLIENT_SECRET e o KOMMO_REDIRECT_URI dela (veja o README). Até lá, conecte com um token de longa duração.',
  'connect.token.hostInvalid': 'Digite o endereço da sua conta do Kommo, como empresa.kommo.com.',
  'connect.token.tokenShort': 'Cole o token inteiro: os tokens de longa duração do Kommo têm centenas de caracteres.',
  'connect.token.title': 'Usar um token de longa duração',
  'connect.token.text': 'De uma integração privada da sua conta do Kommo (Configurações → Integrações).',
  'connect.token.host': 'Endereço da conta',
  'connect.token.token': 'Token de longa duração',
  'connect.token.hint': 'Cole o token inteiro. Ele fica guardado com segurança neste computador e não é mostrado de novo.',
  'connect.token.hintWeak':
    'Cole o token inteiro. Este sistema não tem chaveiro, então ele fica guardado neste computador com proteção fraca. Ele não é mostrado de novo.',
  'connect.token.hintPlainFile':
    'Cole o token inteiro. A prévia web o guarda em um arquivo sem criptografia neste computador: quem puder ler seus arquivos poderá lê-lo. Ele não é mostrado de novo.',
  'connect.token.hintMemory': 'Cole o token inteiro. Ele fica guardado só até o Kommo Mirror fechar e não é mostrado de novo.',
  'connect.token.hintPlain': 'Cole o token inteiro. Ele não é mostrado de novo.',
  'connect.token.button': 'Conectar',
  'connect.demo.title': 'Experimentar a conta de demonstração',
  'connect.demo.text': 'Uma conta simulada do Kommo com dados de exemplo que mudam enquanto você olha. Não precisa de login.',
  'connect.demo.button': 'Experimentar a demonstração',
  'connect.connecting': 'Conectando…',
  'connect.browseOffline': 'Ver a cópia local sem conectar',
  'connect.error.invalid': 'Confira o endereço da conta (como empresa.kommo.com) e cole o token inteiro.',
  'connect.error.wrongToken': 'O Kommo não aceitou este token. Confira se ele foi copiado inteiro e se não expirou nem foi revogado.',
  'connect.error.unreachable': 'Não foi possível acessar essa conta. Confira o endereço e sua conexão com a internet.',
  'connect.error.blocked':
    'O Kommo negou o acesso: a conta pode estar com a API bloqueada, ou seu usuário não tem permissão. Tente de novo em alguns minutos ou fale com o administrador.',
  'connect.error.rateLimited': 'O Kommo está recebendo solicitações demais agora. Tente de novo em um minuto.',
  'connect.error.denied': 'O acesso não foi permitido no Kommo. Entre de novo e escolha “Permitir”.',
  'connect.error.internal': 'Não foi possível conectar: {message}',
};
