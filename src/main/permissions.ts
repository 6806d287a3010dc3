/**
 * Web permissions of every session (the app's and the sign-in window's partition). The page
 * needs none: notifications are shown by the main process, links open in the system browser,
 * and nothing uses the camera, microphone, location, clipboard-read, MIDI, HID, USB or serial.
 * So every request is refused, every check answers "not granted" (a check is what
 * `navigator.permissions.query` and some APIs consult without asking), and no device is granted.
 */
export interface PermissionSessionLike {
  setPermissionRequestHandler(handler: (contents: unknown, permission: string, callback: (granted: boolean) => void) => void): void;
  setPermissionCheckHandler(handler: (contents: unknown, permission: string) => boolean): void;
  setDevicePermissionHandler(handler: (details: unknown) => boolean): void;
}

export function denyAllPermissions(session: PermissionSessionLike): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}
