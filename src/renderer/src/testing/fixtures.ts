import type { AppInfo } from '../../../common/model/app';
import type { ConnectionState } from '../../../common/model/connection';
import type { ContactRow, LeadRow, MirrorMeta, TagChip } from '../../../common/model/mirror';
import type { SyncStatus } from '../../../common/model/sync';
import { ACME_ACCOUNT } from '../../../common/testing/accounts';

export const INFO: AppInfo = {
  name: 'Kommo Mirror',
  version: '1.2.3',
  host: 'web',
  databasePath: '/tmp/mirror.sqlite',
  schemaVersion: 8,
  latestSchemaVersion: 8,
  systemLocale: 'es-PE',
  tokenStorage: 'file_unencrypted',
  signInWithKommo: true,
};

export const CONNECTED: ConnectionState = {
  status: 'connected',
  account: { id: 1, name: 'Acme Perú', host: 'acme.kommo.com', isDemo: false },
  user: { id: 10, name: 'Rosa' },
  tokenStorage: 'os_encrypted',
  message: null,
};

export const IDLE: SyncStatus = {
  state: 'idle',
  progress: null,
  initialSyncComplete: true,
  lastSuccessfulSyncAt: Date.now() - 60_000,
  nextAttemptAt: null,
  message: null,
};

export const META: MirrorMeta = {
  account: ACME_ACCOUNT,
  currentUserId: 10,
  pipelines: [
    {
      id: 100,
      name: 'Ventas',
      sort: 1,
      isMain: true,
      isArchive: false,
      statuses: [
        { id: 1001, pipelineId: 100, name: 'Nuevo', color: '#99ccff', sort: 10, type: 1 },
        { id: 1002, pipelineId: 100, name: 'Negociación', color: '#ffcc66', sort: 20, type: 0 },
        { id: 142, pipelineId: 100, name: 'Ganado', color: '#CCFF66', sort: 10000, type: 0 },
      ],
    },
  ],
  users: [
    { id: 10, name: 'Rosa', email: null },
    { id: 11, name: 'Diego', email: null },
  ],
  customFields: [],
  lossReasons: [
    { id: 18_879_754, name: 'Precio alto' },
    { id: 18_879_755, name: 'Eligió a la competencia' },
  ],
};

export const TAG_VIP: TagChip = { id: 7, name: 'VIP', color: 'FF8F92' };
export const TAG_WEB: TagChip = { id: 8, name: 'Web', color: null };

/** `count` leads, newest first, with ids 1…count and names "Lead 1"…. */
export function makeLeads(count: number): LeadRow[] {
  return Array.from({ length: count }, (_, index) => {
    const id = index + 1;
    return {
      id,
      name: `Lead ${id}`,
      price: id * 100,
      pipelineId: 100,
      statusId: id % 2 ? 1001 : 1002,
      responsibleUserId: id % 3 ? 10 : 11,
      tags: id % 5 === 0 ? [TAG_VIP] : id % 7 === 0 ? [TAG_VIP, TAG_WEB] : [],
      mainContact: { id: 5000 + id, name: `Contacto ${id}`, phone: '987 654 321' },
      createdAt: 1_700_000_000 + id,
      updatedAt: 1_710_000_000 + id,
      closedAt: null,
    };
  });
}

export function makeContacts(count: number): ContactRow[] {
  return Array.from({ length: count }, (_, index) => {
    const id = 5000 + index + 1;
    return {
      id,
      name: `Contacto ${index + 1}`,
      responsibleUserId: 10,
      tags: [],
      phones: [{ raw: '987-654-321', normalized: '51987654321', type: 'MOB' }],
      emails: [{ value: `c${id}@example.pe`, type: 'WORK' }],
      company: null,
      leadCount: 1,
      createdAt: 1_700_000_000,
      updatedAt: 1_710_000_000 + index,
    };
  });
}
