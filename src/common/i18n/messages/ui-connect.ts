import { defineMessages } from '../define';

/** The connect screen: OAuth, a long-lived token, the demo account, and why connecting failed. */
export const uiConnectMessages = defineMessages(
  {
    'connect.title': 'Connect your Kommo account',
    'connect.subtitle':
      'Kommo Mirror keeps a copy of your leads, contacts and tags on this computer, so you can browse them instantly, offline, and find any customer by phone.',
    'connect.reconnectTitle': 'Sign in to Kommo again',
    'connect.oauth.title': 'Sign in with Kommo',
    'connect.oauth.text': 'Recommended. Kommo asks you to allow access, and you come back here.',
    'connect.oauth.button': 'Sign in with Kommo',
    'connect.oauth.waiting': 'Finish signing in on the Kommo page. This screen continues by itself.',
    'connect.oauth.openLink': 'Open the Kommo sign-in page',
    'connect.oauth.notSetUp':
      'Sign-in with Kommo is not set up in this installation. Whoever installs the app sets it up once: create an integration in Kommo (Settings → Integrations) and give the app its KOMMO_CLIENT_ID, KOMMO_CLIENT_SECRET and KOMMO_REDIRECT_URI (see the README). Until then, connect with a long-lived token.',
    'connect.token.hostInvalid': 'Write your Kommo account’s address, like empresa.kommo.com.',
    'connect.token.tokenShort': 'Paste the whole token: Kommo’s long-lived tokens are hundreds of characters long.',
    'connect.token.title': 'Use a long-lived token',
    'connect.token.text': 'From a private integration in your Kommo account (Settings → Integrations).',
    'connect.token.host': 'Account address',
    'connect.token.token': 'Long-lived token',
    'connect.token.hint': 'Paste the whole token. It is stored securely on this computer and never shown again.',
    'connect.token.hintWeak':
      'Paste the whole token. This system has no keyring, so it is kept on this computer with weak protection. It is never shown again.',
    'connect.token.hintPlainFile':
      'Paste the whole token. The web preview keeps it in a file on this computer that is not encrypted: anyone who can read your files can read it. It is never shown again.',
    'connect.token.hintMemory': 'Paste the whole token. It is kept only until Kommo Mirror closes and never shown again.',
    'connect.token.hintPlain': 'Paste the whole token. It is never shown again.',
    'connect.token.button': 'Connect',
    'connect.demo.title': 'Try the demo account',
    'connect.demo.text': 'A simulated Kommo account with sample data that changes as you watch. No sign-in needed.',
    'connect.demo.button': 'Try the demo',
    'connect.connecting': 'Connecting…',
    'connect.browseOffline': 'Browse the local copy without connecting',
    'connect.error.invalid': 'Check the account address (like empresa.kommo.com) and paste the whole token.',
    'connect.error.wrongToken': 'Kommo did not accept this token. Check that it was copied whole and has not expired or been revoked.',
    'connect.error.unreachable': 'Could not reach that account. Check the address and your internet connection.',
    'connect.error.blocked':
      'Kommo denied access: the account may have API access blocked, or your user lacks the rights. Try again in a few minutes or ask your administrator.',
    'connect.error.rateLimited': 'Kommo is receiving too many requests right now. Try again in a minute.',
    'connect.error.denied': 'Access was not allowed in Kommo. Sign in again and choose “Allow”.',
    'connect.error.internal': 'Could not connect: {message}',
  },
  {
    'connect.title': 'Conecta tu cuenta de Kommo',
    'connect.subtitle':
      'Kommo Mirror guarda una copia de tus leads, contactos y etiquetas en esta computadora para que los consultes al instante, sin conexión, y encuentres a cualquier cliente por su teléfono.',
    'connect.reconnectTitle': 'Vuelve a iniciar sesión en Kommo',
    'connect.oauth.title': 'Iniciar sesión con Kommo',
    'connect.oauth.text': 'Recomendado. Kommo te pedirá permitir el acceso y luego volverás aquí.',
    'connect.oauth.button': 'Iniciar sesión con Kommo',
    'connect.oauth.waiting': 'Termina de iniciar sesión en la página de Kommo. Esta pantalla continuará sola.',
    'connect.oauth.openLink': 'Abrir la página de inicio de sesión de Kommo',
    'connect.oauth.notSetUp':
      'El inicio de sesión con Kommo no está configurado en esta instalación. Quien instala la app lo configura una vez: crea una integración en Kommo (Ajustes → Integraciones) y dale a la app su KOMMO_CLIENT_ID, KOMMO_CLIENT_SECRET y KOMMO_REDIRECT_URI (ver el README). Mientras tanto, conéctate con un token de larga duración.',
    'connect.token.hostInvalid': 'Escribe la dirección de tu cuenta de Kommo, por ejemplo empresa.kommo.com.',
    'connect.token.tokenShort': 'Pega el token completo: los tokens de larga duración de Kommo tienen cientos de caracteres.',
    'connect.token.title': 'Usar un token de larga duración',
    'connect.token.text': 'De una integración privada de tu cuenta de Kommo (Ajustes → Integraciones).',
    'connect.token.host': 'Dirección de la cuenta',
    'connect.token.token': 'Token de larga duración',
    'connect.token.hint': 'Pega el token completo. Se guarda de forma segura en esta computadora y no se vuelve a mostrar.',
    'connect.token.hintWeak':
      'Pega el token completo. Este sistema no tiene llavero, así que se guarda en esta computadora con una protección débil. No se vuelve a mostrar.',
    'connect.token.hintPlainFile':
      'Pega el token completo. La vista web lo guarda en un archivo sin cifrar en esta computadora: quien pueda leer tus archivos puede leerlo. No se vuelve a mostrar.',
    'connect.token.hintMemory': 'Pega el token completo. Se guarda solo hasta que cierres Kommo Mirror y no se vuelve a mostrar.',
    'connect.token.hintPlain': 'Pega el token completo. No se vuelve a mostrar.',
    'connect.token.button': 'Conectar',
    'connect.demo.title': 'Probar la cuenta de demostración',
    'connect.demo.text': 'Una cuenta de Kommo simulada con datos de ejemplo que cambian en vivo. No requiere iniciar sesión.',
    'connect.demo.button': 'Probar la demo',
    'connect.connecting': 'Conectando…',
    'connect.browseOffline': 'Ver la copia local sin conectarse',
    'connect.error.invalid': 'Revisa la dirección de la cuenta (por ejemplo empresa.kommo.com) y pega el token completo.',
    'connect.error.wrongToken': 'Kommo no aceptó este token. Verifica que esté completo y que no haya vencido ni sido revocado.',
    'connect.error.unreachable': 'No se pudo llegar a esa cuenta. Revisa la dirección y tu conexión a internet.',
    'connect.error.blocked':
      'Kommo denegó el acceso: la cuenta puede tener la API bloqueada o tu usuario no tiene permisos. Inténtalo en unos minutos o consulta a tu administrador.',
    'connect.error.rateLimited': 'Kommo está recibiendo demasiadas solicitudes. Inténtalo de nuevo en un minuto.',
    'connect.error.denied': 'No se permitió el acceso en Kommo. Vuelve a iniciar sesión y elige «Permitir».',
    'connect.error.internal': 'No se pudo conectar: {message}',
  },
);
