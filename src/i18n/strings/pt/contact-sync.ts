import type { Translation } from '../../localize.js';
import type { ContactSyncStrings } from '../contact-sync.js';

const pt: Translation<ContactSyncStrings> = {
  title: 'Sincronização',
  loading: 'Carregando o estado da sincronização…',
  none: 'Ainda não sincronizado com nenhum outro CRM.',
  synced: (crm: string) => `Sincronizado com ${crm}`,
  pending: (crm: string) => `Sincronização com ${crm} pendente`,
  failed: (crm: string, reason: string) => `A sincronização com ${crm} falhou: ${reason}`,
  flagged: (crm: string, reason: string) => `${crm} precisa de uma pessoa: ${reason}`,
  noReason: 'sem motivo informado',
  open: (crm: string) => `Abrir no ${crm}`,
  retry: 'Tentar de novo',
  retryLabel: (crm: string) => `Tentar de novo a sincronização com ${crm}`,
  retrying: 'Tentando de novo…',
  loadFailed: 'Não foi possível carregar o estado da sincronização.',
  retryFailed: (crm: string) => `Não foi possível tentar de novo a sincronização com ${crm}.`,
};

export default pt;
