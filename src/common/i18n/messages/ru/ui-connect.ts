import type { RussianTable } from '../../define';
import type { uiConnectMessages } from '../ui-connect';

export const uiConnectRu: RussianTable<typeof uiConnectMessages> = {
  'connect.title': 'Подключите свой аккаунт Kommo',
  'connect.subtitle':
    'Kommo Mirror хранит копию ваших сделок, контактов и тегов на этом компьютере: их можно мгновенно просматривать даже без интернета и находить любого клиента по телефону.',
  'connect.reconnectTitle': 'Войдите в Kommo снова',
  'connect.oauth.title': 'Вход через Kommo',
  'connect.oauth.text': 'Рекомендуется. Kommo попросит разрешить доступ, после чего вы вернётесь сюда.',
  'connect.oauth.button': 'Войти через Kommo',
  'connect.oauth.waiting': 'Завершите вход на странице Kommo. Этот экран продолжит работу сам.',
  'connect.oauth.openLink': 'Открыть страницу входа Kommo',
  'connect.oauth.notSetUp':
    'Вход через Kommo в этой установке не настроен. Тот, кто устанавливает приложение, настраивает его один раз: создайте интеграцию в Kommo (Настройки → Интеграции) и передайте приложению её KOMMO_CLIENT_ID, KOMMO_CLIENT_SECRET и KOMMO_REDIRECT_URI (см. README). А пока подключитесь с помощью долгосрочного токена.',
  'connect.token.hostInvalid': 'Укажите адрес своего аккаунта Kommo, например empresa.kommo.com.',
  'connect.token.tokenShort': 'Вставьте токен целиком: долгосрочные токены Kommo длиной в сотни символов.',
  'connect.token.title': 'Использовать долгосрочный токен',
  'connect.token.text': 'Из частной интеграции вашего аккаунта Kommo (Настройки → Интеграции).',
  'connect.token.host': 'Адрес аккаунта',
  'connect.token.token': 'Долгосрочный токен',
  'connect.token.hint': 'Вставьте токен целиком. Он надёжно хранится на этом компьютере и больше не показывается.',
  'connect.token.hintWeak':
    'Вставьте токен целиком. В этой системе нет хранилища паролей, поэтому он хранится на этом компьютере со слабой защитой. Больше он не показывается.',
  'connect.token.hintPlainFile':
    'Вставьте токен целиком. Веб-версия хранит его на этом компьютере в незашифрованном файле: его может прочитать любой, кто может читать ваши файлы. Больше он не показывается.',
  'connect.token.hintMemory': 'Вставьте токен целиком. Он хранится только до закрытия Kommo Mirror и больше не показывается.',
  'connect.token.hintPlain': 'Вставьте токен целиком. Больше он не показывается.',
  'connect.token.button': 'Подключить',
  'connect.demo.title': 'Попробовать демо-аккаунт',
  'connect.demo.text': 'Смоделированный аккаунт Kommo с примерами данных, которые меняются у вас на глазах. Вход не нужен.',
  'connect.demo.button': 'Открыть демо',
  'connect.connecting': 'Подключение…',
  'connect.browseOffline': 'Просматривать локальную копию без подключения',
  'connect.error.invalid': 'Проверьте адрес аккаунта (например, empresa.kommo.com) и вставьте токен целиком.',
  'connect.error.wrongToken': 'Kommo не принял этот токен. Проверьте, что он скопирован целиком, не истёк и не отозван.',
  'connect.error.unreachable': 'Не удалось связаться с этим аккаунтом. Проверьте адрес и подключение к интернету.',
  'connect.error.blocked':
    'Kommo отказал в доступе: возможно, у аккаунта заблокирован API или у вашего пользователя нет прав. Попробуйте через несколько минут или обратитесь к администратору.',
  'connect.error.rateLimited': 'Kommo сейчас получает слишком много запросов. Попробуйте через минуту.',
  'connect.error.denied': 'Доступ в Kommo не разрешён. Войдите снова и выберите «Разрешить».',
  'connect.error.internal': 'Не удалось подключиться: {message}',
};
