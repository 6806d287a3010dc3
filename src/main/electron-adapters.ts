/**
 * The Electron objects behind the shell's injected interfaces: nothing here decides anything,
 * so nothing here needs a test that Node could run.
 */
import { join } from 'node:path';
import {
  app,
  BrowserWindow,
  dialog,
  Menu,
  Notification,
  Tray,
  nativeImage,
  type MenuItemConstructorOptions,
  type SaveDialogOptions,
} from 'electron';
import type { ChooseExportTarget } from '../core/app/export/export-job';
import type { NotificationFactory } from './notifier';
import type { TrayFactory } from './tray-service';

/** `resourcesDir/tray/tray-<kind>.png`; nativeImage picks up the `@2x` file on high-DPI screens. */
export function electronTrayFactory(resourcesDir: string): TrayFactory {
  return {
    image: (kind) => nativeImage.createFromPath(join(resourcesDir, 'tray', `tray-${kind}.png`)),
    createTray: (image) => {
      const tray = new Tray(image as Electron.NativeImage);
      return {
        setImage: (next) => tray.setImage(next as Electron.NativeImage),
        setToolTip: (text) => tray.setToolTip(text),
        setContextMenu: (menu) => tray.setContextMenu(menu as Electron.Menu),
        onClick: (listener) => tray.on('click', listener),
        destroy: () => tray.destroy(),
      };
    },
    menu: (items, onCommand) =>
      Menu.buildFromTemplate(
        items.map((item): MenuItemConstructorOptions =>
          item.type === 'separator'
            ? { type: 'separator' }
            : { label: item.label, enabled: item.enabled, click: () => onCommand(item.command) },
        ),
      ),
  };
}

export function electronNotificationFactory(iconPath: string): NotificationFactory {
  return {
    isSupported: () => Notification.isSupported(),
    create: ({ title, body }) => {
      const notification = new Notification({ title, body, icon: iconPath });
      return {
        on: (event, listener) => void (event === 'click' ? notification.on('click', listener) : notification.on('close', listener)),
        show: () => notification.show(),
      };
    },
  };
}

/**
 * An export's destination: the save dialog, over the focused window, starting in Downloads with
 * the suggested name. Null when the user cancels (the export then does not start).
 */
export function electronExportTarget(): ChooseExportTarget {
  return async (fileName, format) => {
    const options: SaveDialogOptions = {
      defaultPath: join(app.getPath('downloads'), fileName),
      filters: [format === 'csv' ? { name: 'CSV', extensions: ['csv'] } : { name: 'Excel', extensions: ['xlsx'] }],
    };
    const window = BrowserWindow.getFocusedWindow();
    const chosen = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
    return chosen.canceled || !chosen.filePath ? null : { path: chosen.filePath, download: null };
  };
}
