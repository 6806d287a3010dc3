import type { Transport } from '../core/kommo';

/** A transport that counts the requests it sends (for the command's summary). */
export function countingTransport(inner: Transport): Transport & { sent(): number } {
  let sent = 0;
  return {
    send(request) {
      sent += 1;
      return inner.send(request);
    },
    close: () => inner.close(),
    sent: () => sent,
  };
}
