import type { Slice } from '../types';

export const VIEWS = ['leads', 'board', 'tasks', 'contacts', 'companies', 'tags', 'settings'] as const;
export type View = (typeof VIEWS)[number];

export interface NavSlice {
  view: View;
  /** The connect screen over the app, to sign in again while the mirror stays browsable. */
  connectOpen: boolean;
  navigate(view: View): void;
  setConnectOpen(open: boolean): void;
}

export const createNavSlice: Slice<NavSlice> = () => (set) => ({
  view: 'leads',
  connectOpen: false,
  navigate: (view) => set({ view }),
  setConnectOpen: (connectOpen) => set({ connectOpen }),
});
