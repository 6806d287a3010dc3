/**
 * WebSocket at the byte level, for tests of what a hostile or broken client sends: an upgrade
 * written by hand over TCP, frames no client library would write, and the close code the server
 * answers with.
 */
import { connect as tcpConnect, type Socket } from 'node:net';

/** An upgrade written by hand over TCP, so that the test can then send frames no client library would. */
export function rawUpgrade(port: number, path: string, origin: string, host = `127.0.0.1:${port}`) {
  return new Promise<{ status: number; socket: Socket; rest: Buffer[] }>((resolve, reject) => {
    const socket = tcpConnect(port, '127.0.0.1');
    let received = Buffer.alloc(0);
    socket.on('error', reject);
    socket.on('data', function onData(chunk: Buffer) {
      received = Buffer.concat([received, chunk]);
      const end = received.indexOf('\r\n\r\n');
      if (end < 0) return;
      socket.off('data', onData);
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(received.toString('latin1'))?.[1] ?? 0);
      resolve({ status, socket, rest: [received.subarray(end + 4)] });
    });
    socket.write(
      [
        `GET ${path} HTTP/1.1`,
        `Host: ${host}`,
        `Origin: ${origin}`,
        'Upgrade: websocket',
        'Connection: Upgrade',
        'Sec-WebSocket-Version: 13',
        'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==',
        '',
        '',
      ].join('\r\n'),
    );
  });
}

/** A masked client frame; `declaredLength` may claim more bytes than are sent. */
export function frame(firstByte: number, payload: Buffer, declaredLength = payload.length): Buffer {
  const mask = Buffer.from([0x12, 0x34, 0x56, 0x78]);
  let header: Buffer;
  if (declaredLength < 126) header = Buffer.from([firstByte, 0x80 | declaredLength]);
  else if (declaredLength < 65536) header = Buffer.from([firstByte, 0x80 | 126, declaredLength >> 8, declaredLength & 0xff]);
  else {
    header = Buffer.alloc(10);
    header[0] = firstByte;
    header[1] = 0x80 | 127;
    header.writeBigUInt64BE(BigInt(declaredLength), 2);
  }
  return Buffer.concat([header, mask, payload.map((byte, i) => byte ^ mask[i % 4]!)]);
}

/** The status code of the close frame the server sends back on a raw socket. */
export function closeCodeFrom(raw: { socket: Socket; rest: Buffer[] }): Promise<number> {
  return new Promise((resolve, reject) => {
    let received = Buffer.concat(raw.rest);
    const check = () => {
      if (received.length < 4) return false;
      if ((received[0]! & 0x0f) !== 0x8) reject(new Error(`expected a close frame, got opcode ${received[0]! & 0x0f}`));
      else resolve(received.readUInt16BE(2));
      return true;
    };
    if (check()) return;
    raw.socket.on('data', (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      check();
    });
    raw.socket.on('close', () => reject(new Error('the socket closed without a close frame')));
  });
}
