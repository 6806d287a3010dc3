/** A note as the timeline shows it. `params` is Kommo's, kept whole: a type the page does not know is shown generically. */
export interface NoteItem {
  kind: 'note';
  id: number;
  /** When it was written (Unix s): the timeline's order. */
  at: number;
  noteType: string;
  params: Record<string, unknown>;
  /** Who wrote it (a user id; 0 or null: a robot or Kommo itself). */
  authorId: number | null;
  /** Written from the app and not yet confirmed by Kommo (its id is then negative, local). */
  pending?: boolean;
}

/** A task, on the timeline or in "Mis tareas". */
export interface TaskItem {
  kind: 'task';
  id: number;
  /** When it was set (Unix s): the timeline's order. */
  at: number;
  text: string;
  /** 1 follow-up/call, 2 meeting, or an account's own type. */
  taskTypeId: number;
  completeTill: number;
  responsibleUserId: number;
  isCompleted: boolean;
  /** Created or completed from the app and not yet confirmed by Kommo. */
  pending?: boolean;
  resultText: string | null;
  /** The record it is about (leads, contacts, …), with the lead's name when it is a lead the mirror holds. */
  entityType: string | null;
  entityId: number | null;
  entityName: string | null;
}

export type TimelineItem = NoteItem | TaskItem;

/** A lead's timeline, newest first, one page of it. */
export interface Timeline {
  items: TimelineItem[];
  /** Notes and tasks of the lead in the mirror. */
  total: number;
}

/** The signed-in user's open tasks by due time, oldest first; the page groups them (overdue, today, upcoming) in its own time zone. */
export interface MyTasks {
  /** Whose tasks (null: the mirror does not know who is signed in yet). */
  userId: number | null;
  tasks: TaskItem[];
  /** More open tasks than fit the list. */
  truncated: boolean;
}
