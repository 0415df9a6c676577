import type { Translation } from '../../localize.js';
import type { DirectoryActionStrings } from '../directory-actions.js';

const pt: Translation<DirectoryActionStrings> = {
  actionsColumn: 'Ações',
  unblock: 'Desbloquear',
  unblockLabel: (name: string) => `Desbloquear ${name}`,
  unblocked: (name: string) => `${name} foi desbloqueado e voltou à lista principal.`,
  newConversation: 'Nova conversa',
  newConversationLabel: (name: string) => `Nova conversa com ${name}`,
  conversationTitle: (name: string) => `Nova conversa com ${name}`,
  noAddress: 'Este contato não tem telefone nem e-mail para iniciar uma conversa.',
  newContact: 'Novo contato',
  customFieldsTitle: 'Campos personalizados',
  newContactTitle: 'Novo contato',
  created: (name: string) => `${name} foi criado.`,
  editView: (name: string) => `Editar a visualização “${name}”`,
  editViewTitle: (name: string) => `Editar a visualização “${name}”`,
  useCurrentFilter: 'Substituir o filtro dela pelo filtro mostrado agora',
  saveChanges: 'Salvar alterações',
  deleteView: 'Excluir visualização',
  deleteViewLabel: (name: string) => `Excluir a visualização “${name}”`,
  deleteViewTitle: (name: string) => `Excluir a visualização “${name}”?`,
  deleteViewWarning: 'A visualização é excluída para todos os agentes que a veem. Os contatos não mudam.',
  deleteViewConfirm: 'Excluir visualização',
  viewNameTaken: (name: string) => `Já existe uma visualização chamada “${name}”. Escolha outro nome.`,
  viewNotYours: 'Só o agente que criou esta visualização pode alterá-la ou excluí-la.',
};

export default pt;
