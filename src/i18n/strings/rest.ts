import { defineStrings } from '../localize.js';

/**
 * The REST source's own failure messages (the server's problem details come
 * already translated, per Accept-Language). `op` is one of `operations`.
 */
export const restStrings = defineStrings({
  en: {
    resolve: 'Resolving the interaction',
    getContact: 'Loading the contact',
    findByIdentity: 'Finding contacts',
    search: 'Searching contacts',
    createContact: 'Creating the contact',
    updateContact: 'Saving the contact',
    addIdentity: 'Assigning the ClientID',
    removeIdentity: 'Removing the ClientID',
    listSections: 'Loading the custom sections',
    listCampaigns: 'Loading the campaigns',
    queryContacts: 'Filtering contacts',
    getContacts: 'Loading the contacts',
    deleteContacts: 'Deleting the contacts',
    mergeContacts: 'Merging the contacts',
    bulkUpdate: 'Updating the contacts',
    importContacts: 'Importing the contacts',
    listViews: 'Loading the saved views',
    saveView: 'Saving the view',
    deleteView: 'Deleting the view',
    listTags: 'Loading the tags',
    addNote: 'Adding the note',
    findDuplicates: 'Looking for duplicates',
    cancelled: (op: string) => `${op} was cancelled.`,
    timedOut: (op: string) => `${op} timed out: the CRM server did not answer in time.`,
    unreachable: (op: string) => `${op} failed: the CRM server cannot be reached.`,
    notJson: (op: string) => `${op} failed: the CRM server sent a response that is not valid JSON.`,
    unexpectedShape: (op: string) => `${op} failed: the CRM server sent a response of an unexpected shape.`,
    httpStatus: (op: string, status: number) => `${op} failed: the CRM server answered ${status}.`,
    noToken: 'Could not get an access token for the CRM server.',
    noBaseUrl: 'createRestSource needs a baseUrl.',
  },
  es: {
    resolve: 'Resolver la interacción',
    getContact: 'Cargar el contacto',
    findByIdentity: 'Buscar contactos',
    search: 'Buscar contactos',
    createContact: 'Crear el contacto',
    updateContact: 'Guardar el contacto',
    addIdentity: 'Asignar el ClientID',
    removeIdentity: 'Quitar el ClientID',
    listSections: 'Cargar las secciones personalizadas',
    listCampaigns: 'Cargar las campañas',
    queryContacts: 'Filtrar contactos',
    getContacts: 'Cargar los contactos',
    deleteContacts: 'Eliminar los contactos',
    mergeContacts: 'Combinar los contactos',
    bulkUpdate: 'Actualizar los contactos',
    importContacts: 'Importar los contactos',
    listViews: 'Cargar las vistas guardadas',
    saveView: 'Guardar la vista',
    deleteView: 'Eliminar la vista',
    listTags: 'Cargar las etiquetas',
    addNote: 'Agregar la nota',
    findDuplicates: 'Buscar duplicados',
    cancelled: (op: string) => `${op}: se canceló.`,
    timedOut: (op: string) => `${op}: tiempo agotado, el servidor CRM no respondió a tiempo.`,
    unreachable: (op: string) => `${op}: no se puede acceder al servidor CRM.`,
    notJson: (op: string) => `${op}: el servidor CRM envió una respuesta que no es JSON válido.`,
    unexpectedShape: (op: string) => `${op}: el servidor CRM envió una respuesta con una forma inesperada.`,
    httpStatus: (op: string, status: number) => `${op}: el servidor CRM respondió ${status}.`,
    noToken: 'No se pudo obtener un token de acceso para el servidor CRM.',
    noBaseUrl: 'createRestSource necesita una baseUrl.',
  },
  pt: {
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
    cancelled: (op: string) => `${op}: foi cancelado.`,
    timedOut: (op: string) => `${op}: tempo esgotado, o servidor CRM não respondeu a tempo.`,
    unreachable: (op: string) => `${op}: não é possível acessar o servidor CRM.`,
    notJson: (op: string) => `${op}: o servidor CRM enviou uma resposta que não é JSON válido.`,
    unexpectedShape: (op: string) => `${op}: o servidor CRM enviou uma resposta com formato inesperado.`,
    httpStatus: (op: string, status: number) => `${op}: o servidor CRM respondeu ${status}.`,
    noToken: 'Não foi possível obter um token de acesso para o servidor CRM.',
    noBaseUrl: 'createRestSource precisa de uma baseUrl.',
  },
});

export type RestStrings = (typeof restStrings)['en'];
export type RestOperation =
  | 'resolve'
  | 'getContact'
  | 'findByIdentity'
  | 'search'
  | 'createContact'
  | 'updateContact'
  | 'addIdentity'
  | 'removeIdentity'
  | 'listSections'
  | 'queryContacts'
  | 'getContacts'
  | 'deleteContacts'
  | 'mergeContacts'
  | 'bulkUpdate'
  | 'importContacts'
  | 'listViews'
  | 'saveView'
  | 'deleteView'
  | 'listTags'
  | 'addNote'
  | 'findDuplicates'
  | 'listCampaigns';
