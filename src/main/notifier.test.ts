import { describe, expect, it } from 'vitest';
import { settle } from '../core/lifecycle/testing/fake-sync-controller';
import { DesktopNotifier, type NotificationLike } from './notifier';

function setup(supported = true) {
  const shown: Array<{ title: string; body: string; fire(event: 'click' | 'close'): void }> = [];
  const calls: string[] = [];
  const notifier = new DesktopNotifier({
    factory: {
      isSupported: () => supported,
      create: ({ title, body }) => {
        const listeners = new Map<string, () => void>();
        const native: NotificationLike = {
          on: (event, l) => listeners.set(event, l),
          show: () => shown.push({ title, body, fire: (e) => listeners.get(e)?.() }),
        };
        return native;
      },
    },
    revealWindow: async () => void calls.push('reveal'),
    openLead: (id) => calls.push(`open lead ${id}`),
  });
  return { notifier, shown, calls };
}

describe('DesktopNotifier', () => {
  it('on click, reveals the window first and then opens the lead', async () => {
    const { notifier, shown, calls } = setup();
    notifier.show({ title: 'New lead', body: 'Clínica Sonrisa', leadId: 42 });
    expect(notifier.onScreen).toBe(1);
    shown[0]!.fire('click');
    await settle();
    expect(calls).toEqual(['reveal', 'open lead 42']);
    expect(notifier.onScreen).toBe(0);
  });

  it('only reveals the window for a summary of many leads', async () => {
    const { notifier, shown, calls } = setup();
    notifier.show({ title: '5 leads updated', body: '5 new', leadId: null });
    shown[0]!.fire('click');
    await settle();
    expect(calls).toEqual(['reveal']);
  });

  it('forgets a dismissed notification, and shows nothing where notifications are unsupported', () => {
    const { notifier, shown } = setup();
    notifier.show({ title: 'a', body: 'b', leadId: 1 });
    shown[0]!.fire('close');
    expect(notifier.onScreen).toBe(0);
    const unsupported = setup(false);
    unsupported.notifier.show({ title: 'a', body: 'b', leadId: 1 });
    expect(unsupported.shown).toEqual([]);
  });
});
