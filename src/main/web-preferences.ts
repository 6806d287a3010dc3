/**
 * The webPreferences of every window of ours (Electron's security checklist): the page runs in
 * its own JavaScript world (contextIsolation), in a sandboxed process without Node, with web
 * security on; only the preload bridges it to the host.
 */
export function secureWebPreferences(preloadPath: string) {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInSubFrames: false,
    nodeIntegrationInWorker: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    spellcheck: false,
  } as const;
}
