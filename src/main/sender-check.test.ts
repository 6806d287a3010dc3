import { describe, expect, it } from 'vitest';
import { createSenderCheck, type SenderFrame } from './sender-check';

const top = (url: string): SenderFrame => ({ url, parent: null });

describe('IPC sender check', () => {
  it('accepts only the top frame of the built renderer file', () => {
    const trusted = createSenderCheck('file:///opt/Kommo%20Mirror/resources/app.asar/out/renderer/index.html');
    expect(trusted(top('file:///opt/Kommo%20Mirror/resources/app.asar/out/renderer/index.html#/leads'))).toBe(true);
    expect(trusted(top('file:///tmp/evil/index.html'))).toBe(false);
    expect(trusted(top('https://example.com/'))).toBe(false);
    expect(trusted({ url: 'file:///opt/Kommo%20Mirror/resources/app.asar/out/renderer/index.html', parent: top('file:///x') })).toBe(false);
    expect(trusted(null)).toBe(false);
  });

  it('accepts the dev server by origin during development', () => {
    const trusted = createSenderCheck('http://localhost:5173/');
    expect(trusted(top('http://localhost:5173/index.html'))).toBe(true);
    expect(trusted(top('http://localhost:5174/'))).toBe(false);
  });
});
