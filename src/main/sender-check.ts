/** The part of Electron's WebFrameMain the check reads (injected so it is testable in Node). */
export interface SenderFrame {
  readonly url: string;
  readonly parent: SenderFrame | null;
}

/**
 * Accepts IPC only from the top frame of our own renderer: the built index.html (file://) or,
 * in development, the electron-vite dev server's origin. Anything else (an iframe, a page the
 * window was somehow navigated to, a devtools extension) is refused.
 */
export function createSenderCheck(rendererUrl: string): (frame: SenderFrame | null | undefined) => boolean {
  const expected = new URL(rendererUrl);
  return (frame) => {
    if (!frame || frame.parent !== null) return false;
    let actual: URL;
    try {
      actual = new URL(frame.url);
    } catch {
      return false;
    }
    if (expected.protocol === 'file:') return actual.protocol === 'file:' && actual.pathname === expected.pathname;
    return actual.origin === expected.origin;
  };
}
