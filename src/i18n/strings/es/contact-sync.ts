import type { Translation } from '../../localize.js';
import type { ContactSyncStrings } from '../contact-sync.js';

const es: Translation<ContactSyncStrings> = {
  title: 'Sincronización',
  loading: 'Cargando el estado de sincronización…',
  none: 'Todavía no se sincronizó con ningún otro CRM.',
  synced: (crm: string) => `Sincronizado con ${crm}`,
  pending: (crm: string) => `Sincronización con ${crm} pendiente`,
  failed: (crm: string, reason: string) => `Falló la sincronización con ${crm}: ${reason}`,
  flagged: (crm: string, reason: string) => `${crm} necesita a una persona: ${reason}`,
  noReason: 'sin motivo indicado',
  open: (crm: string) => `Abrir en ${crm}`,
  retry: 'Reintentar',
  retryLabel: (crm: string) => `Reintentar la sincronización con ${crm}`,
  retrying: 'Reintentando…',
  loadFailed: 'No se pudo cargar el estado de sincronización.',
  retryFailed: (crm: string) => `No se pudo reintentar la sincronización con ${crm}.`,
};

export default es;
