import type { EventName, Events } from '../../shared/contract';

export type EventListener = <E extends EventName>(name: E, payload: Events[E]) => void;

/**
 * Where the core announces contract events; each host subscribes once and forwards them to its
 * renderers (IPC to every window, or every WebSocket client).
 */
export class EventHub {
  private readonly listeners = new Set<EventListener>();

  emit<E extends EventName>(name: E, payload: Events[E]): void {
    for (const listener of this.listeners) listener(name, payload);
  }

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
