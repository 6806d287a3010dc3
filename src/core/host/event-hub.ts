import type { EventName, Events } from '../../common/contract';
import { Observable } from '../observable';

export type EventListener = <E extends EventName>(name: E, payload: Events[E]) => void;

/**
 * Where the core announces contract events; each host subscribes once and forwards them to its
 * renderers (IPC to every window, or every WebSocket client).
 */
export class EventHub {
  private readonly listeners = new Observable<[EventName, Events[EventName]]>();

  emit<E extends EventName>(name: E, payload: Events[E]): void {
    this.listeners.emit(name, payload);
  }

  subscribe(listener: EventListener): () => void {
    return this.listeners.subscribe(listener);
  }
}
