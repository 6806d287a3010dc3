/**
 * Which page the main window loads, and therefore which page the preload serves and the IPC
 * sender check trusts. electron-vite's dev server announces itself in ELECTRON_RENDERER_URL;
 * a packaged app has no dev server, so there the variable is ignored: anyone able to set an
 * environment variable must not be able to point the app's privileged window at a page of theirs.
 */
export interface RendererUrlSources {
  /** Electron's `app.isPackaged`. */
  isPackaged: boolean;
  /** `process.env.ELECTRON_RENDERER_URL`. */
  devServerUrl: string | undefined;
  /** The built index.html, as a file:// URL. */
  builtPageUrl: string;
}

export function resolveRendererUrl(sources: RendererUrlSources): string {
  if (sources.isPackaged || !sources.devServerUrl) return sources.builtPageUrl;
  return sources.devServerUrl;
}
