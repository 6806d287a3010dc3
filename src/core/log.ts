/**
 * A small structured logger with redaction. Secrets are redacted twice over: by key (any field
 * whose name looks like a credential) and by value (every token the process has learned is
 * registered, and its text is masked wherever it appears, even inside a URL or an error message).
 */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface LogRecord {
  time: string;
  level: LogLevel;
  scope: string;
  message: string;
  data?: unknown;
}

export type LogSink = (record: LogRecord) => void;

export interface Logger {
  debug(message: string, data?: unknown): void;
  info(message: string, data?: unknown): void;
  warn(message: string, data?: unknown): void;
  error(message: string, data?: unknown): void;
  child(scope: string): Logger;
}

// Field names that hold credentials. (OAuth codes and states are masked by value and in URLs.)
const SECRET_KEY = /(token|secret|password|authorization|cookie)/i;
const REDACTED = '[redacted]';
// Short values would mask ordinary words; real tokens are long.
const MIN_SECRET_LENGTH = 8;

const knownSecrets = new Set<string>();

/** Remember a secret so that every later log line masks it. */
export function registerSecret(value: string | null | undefined): void {
  if (value && value.length >= MIN_SECRET_LENGTH) knownSecrets.add(value);
}

export function redactText(text: string): string {
  let out = text;
  for (const secret of knownSecrets) {
    if (out.includes(secret)) out = out.split(secret).join(REDACTED);
  }
  // Bearer headers and OAuth query parameters that slipped into a message.
  return out
    .replace(/(Bearer\s+)[A-Za-z0-9._~+/=-]{8,}/gi, `$1${REDACTED}`)
    .replace(/([?&](?:code|state|access_token|refresh_token|client_secret|k)=)[^&\s"']+/gi, `$1${REDACTED}`);
}

export function redact(value: unknown, depth = 0): unknown {
  if (depth > 8) return '[deep]';
  if (typeof value === 'string') return redactText(value);
  if (value instanceof Error) {
    return { name: value.name, message: redactText(value.message), ...(value.cause ? { cause: redact(value.cause, depth + 1) } : {}) };
  }
  if (Array.isArray(value)) return value.map((item) => redact(item, depth + 1));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      out[key] = SECRET_KEY.test(key) && item != null ? REDACTED : redact(item, depth + 1);
    }
    return out;
  }
  return value;
}

const LEVELS: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export function stderrSink(minLevel: LogLevel = 'info'): LogSink {
  return (record) => {
    if (LEVELS[record.level] < LEVELS[minLevel]) return;
    process.stderr.write(`${JSON.stringify(record)}\n`);
  };
}

export function createLogger(sink: LogSink, scope = 'app'): Logger {
  const write = (level: LogLevel, message: string, data?: unknown): void => {
    const record: LogRecord = { time: new Date().toISOString(), level, scope, message: redactText(message) };
    if (data !== undefined) record.data = redact(data);
    sink(record);
  };
  return {
    debug: (message, data) => write('debug', message, data),
    info: (message, data) => write('info', message, data),
    warn: (message, data) => write('warn', message, data),
    error: (message, data) => write('error', message, data),
    child: (child) => createLogger(sink, `${scope}:${child}`),
  };
}

/** A logger that drops everything: for tests that do not look at logs. */
export const silentLogger: Logger = createLogger(() => {});
