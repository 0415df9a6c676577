import type { Translation } from '../../localize.js';
import type { ContactDetailsStrings } from '../contact-details.js';
import type { NormalizeFailure } from '../../../core/identity/index.js';

const n = (value: number, locale: string) => new Intl.NumberFormat(locale).format(value);

const pt: Translation<ContactDetailsStrings> = {
  title: 'Detalhes do contato',
  loading: 'Carregando o contato…',
  noContact: 'Escolha um contato para ver os detalhes.',
  notFound: 'Este contato não existe mais.',
  firstName: 'Nome',
  lastName: 'Sobrenome',
  save: 'Salvar alterações',
  saving: 'Salvando…',
  saved: 'Alterações salvas.',
  invalidCount: (count: number) => (count === 1 ? '1 campo precisa de atenção.' : `${n(count, 'pt')} campos precisam de atenção.`),
  identitiesTitle: 'Identidades',
  noIdentities: 'Ainda não há identidades.',
  identityKind: 'Canal',
  identityValue: 'Identidade',
  addIdentity: 'Adicionar identidade',
  removeIdentity: (value: string) => `Remover ${value}`,
  identityProblem: (reason: NormalizeFailure) =>
    reason === 'empty'
      ? 'Digite a identidade primeiro.'
      : reason === 'invalid-phone'
        ? 'Não é um telefone válido: inclua o código do país (ex.: +55 11 91234 5678) ou defina uma região padrão.'
        : 'Não é um e-mail válido: use a forma nome@exemplo.com.',
  identityExists: 'O contato já tem esta identidade.',
  tagsTitle: 'Etiquetas',
  noTags: 'Ainda não há etiquetas.',
  newTag: 'Nova etiqueta',
  addTag: 'Adicionar etiqueta',
  removeTag: (tag: string) => `Remover a etiqueta ${tag}`,
  tagExists: 'O contato já tem esta etiqueta.',
  notesTitle: 'Notas',
  newNote: 'Nova nota',
  addNote: 'Adicionar nota',
  noteEmpty: 'Escreva a nota primeiro.',
  unknownAuthor: 'Autor desconhecido',
  statusTitle: 'Situação',
  unsubscribe: 'Descadastrar do e-mail',
  resubscribe: 'Cadastrar de novo no e-mail',
  unsubscribedNote: 'Descadastrado do e-mail: nenhum e-mail de marketing é enviado a este contato.',
  block: 'Bloquear contato',
  unblock: 'Desbloquear contato',
  blockedNote: 'Bloqueado: está no segmento Bloqueados e é marcado na tela de atendimento.',
  duplicates: (count: number) => (count === 1 ? '1 possível duplicado' : `${n(count, 'pt')} possíveis duplicados`),
  duplicateReason: (reason: 'identity' | 'name-email', value: string) =>
    reason === 'identity' ? `mesma identidade ${value}` : 'mesmo nome e e-mail',
  mergeDuplicates: 'Revisar e mesclar',
  updated: 'Contato atualizado.',
};

export default pt;
