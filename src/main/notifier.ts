import type { DesktopNotification } from '../core/notifications/policy';

/** The part of Electron's Notification the notifier uses. */
export interface NotificationLike {
  on(event: 'click' | 'close', listener: () => void): void;
  show(): void;
}

export interface NotificationFactory {
  isSupported(): boolean;
  create(options: { title: string; body: string }): NotificationLike;
}

export interface DesktopNotifierOptions {
  factory: NotificationFactory;
  /** Shows and focuses the main window (creating it if needed); resolves once its page is loaded. */
  revealWindow(): Promise<void>;
  /** Asks the page to show one lead (the `open_entity` event). */
  openLead(leadId: number): void;
}

/**
 * Shows the policy's notifications as native ones. A click brings the app forward and, when the
 * notification was about one lead, opens that lead.
 */
export class DesktopNotifier {
  // Electron drops a notification's click handler when the object is garbage-collected, so the
  // ones on screen are kept here until clicked or closed.
  private readonly live = new Set<NotificationLike>();

  constructor(private readonly options: DesktopNotifierOptions) {}

  show(notification: DesktopNotification): void {
    const { factory } = this.options;
    if (!factory.isSupported()) return;
    const native = factory.create({ title: notification.title, body: notification.body });
    this.live.add(native);
    native.on('close', () => this.live.delete(native));
    native.on('click', () => {
      this.live.delete(native);
      void this.options.revealWindow().then(() => {
        if (notification.leadId !== null) this.options.openLead(notification.leadId);
      });
    });
    native.show();
  }

  get onScreen(): number {
    return this.live.size;
  }
}
