import type { Translation } from '../../localize.js';
import type { RestStrings } from '../rest.js';

const pt: Translation<RestStrings> = {
  resolve: 'Resolver a interação',
  getContact: 'Carregar o contato',
  findByIdentity: 'Procurar contatos',
  search: 'Pesquisar contatos',
  createContact: 'Criar o contato',
  updateContact: 'Salvar o contato',
  addIdentity: 'Atribuir o ClientID',
  removeIdentity: 'Remover o ClientID',
  listSections: 'Carregar as seções personalizadas',
  listCampaigns: 'Carregar as campanhas',
  queryContacts: 'Filtrar contatos',
  getContacts: 'Carregar os contatos',
  deleteContacts: 'Excluir os contatos',
  mergeContacts: 'Mesclar os contatos',
  bulkUpdate: 'Atualizar os contatos',
  importContacts: 'Importar os contatos',
  listViews: 'Carregar as visualizações salvas',
  saveView: 'Salvar a visualização',
  deleteView: 'Excluir a visualização',
  listTags: 'Carregar as etiquetas',
  addNote: 'Adicionar a nota',
  findDuplicates: 'Procurar duplicados',
  syncStatus: 'Carregar o estado da sincronização',
  retrySync: 'Tentar a sincronização de novo',
  cancelled: (op: string) => `${op}: foi cancelado.`,
  timedOut: (op: string) => `${op}: tempo esgotado, o servidor CRM não respondeu a tempo.`,
  unreachable: (op: string) => `${op}: não é possível acessar o servidor CRM.`,
  notJson: (op: string) => `${op}: o servidor CRM enviou uma resposta que não é JSON válido.`,
  unexpectedShape: (op: string) => `${op}: o servidor CRM enviou uma resposta com formato inesperado.`,
  httpStatus: (op: string, status: number) => `${op}: o servidor CRM respondeu ${status}.`,
  noToken: 'Não foi possível obter um token de acesso para o servidor CRM.',
};

export default pt;
