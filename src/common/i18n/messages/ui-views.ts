import { defineMessages } from '../define';

/** Saved views of the lead list, in the sidebar: name the current filters and sort, switch, rename, delete. */
export const uiViewsMessages = defineMessages(
  {
    'views.heading': 'Saved views',
    'views.myOpenLeads': 'My open leads',
    'views.open': 'Show the view {name}',
    'views.saveCurrent': 'Save current view',
    'views.nameLabel': 'View name',
    'views.defaultName': 'My view',
    'views.save': 'Save',
    'views.cancel': 'Cancel',
    'views.rename': 'Rename {name}',
    'views.renameLabel': 'New name for {name}',
    'views.delete': 'Delete {name}',
  },
  {
    'views.heading': 'Vistas guardadas',
    'views.myOpenLeads': 'Mis leads abiertos',
    'views.open': 'Mostrar la vista {name}',
    'views.saveCurrent': 'Guardar vista actual',
    'views.nameLabel': 'Nombre de la vista',
    'views.defaultName': 'Mi vista',
    'views.save': 'Guardar',
    'views.cancel': 'Cancelar',
    'views.rename': 'Renombrar {name}',
    'views.renameLabel': 'Nuevo nombre para {name}',
    'views.delete': 'Eliminar {name}',
  },
);
