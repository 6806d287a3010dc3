import { afterEach, beforeEach } from 'vitest';
import { useTempDir } from '../../../../test/helpers/temp-dir';
import type { MirrorDatabase } from '../open';
import { openTestMirror } from './fixtures';

/**
 * A real mirror file in a fresh temporary folder for each test, closed (and the folder removed)
 * after it. `opened` receives each new mirror before the test runs: keep it in the test file's own
 * `let mirror`, and seed it there if the test needs data (`opened` may be async).
 *
 *     let mirror: MirrorDatabase;
 *     useTestMirror((opened) => (mirror = opened));
 */
export function useTestMirror(opened: (mirror: MirrorDatabase) => unknown): void {
  const tempDir = useTempDir();
  let current: MirrorDatabase | null = null;
  beforeEach(async () => {
    current = openTestMirror(tempDir());
    await opened(current);
  });
  afterEach(async () => {
    await current?.close();
    current = null;
  });
}
