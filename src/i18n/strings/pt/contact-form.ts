import type { Translation } from '../../localize.js';
import type { ContactFormStrings } from '../contact-form.js';
import contact from './contact.js';

const pt: Translation<ContactFormStrings> = {
  ...contact,
  formTitle: 'Novo contato',
  firstName: 'Nome',
  lastName: 'Sobrenome',
  phoneN: (n: number) => `Telefone ${n}`,
  emailN: (n: number) => `E-mail ${n}`,
  addPhone: 'Adicionar telefone',
  addEmail: 'Adicionar e-mail',
  removePhone: (n: number) => `Remover telefone ${n}`,
  removeEmail: (n: number) => `Remover e-mail ${n}`,
  channelIdentity: (channel: string) => `${channel} (desta interação)`,
  choose: 'Escolher…',
  requiredMark: '(obrigatório)',
  submit: 'Criar contato',
  saving: 'Salvando…',
  invalidCount: (n: number) => (n === 1 ? '1 campo precisa de atenção.' : `${n} campos precisam de atenção.`),
  errRequired: 'Este campo é obrigatório.',
  errEmail: 'Digite um e-mail como nome@exemplo.com.',
  errUrl: 'Digite um endereço web que comece com https://.',
  errNumber: 'Digite um número.',
  errPhone: 'Digite um telefone: dígitos, com um + inicial opcional.',
  errName: 'Digite um nome ou sobrenome, ou escolha “Criar sem nome”.',
  errIdentify: 'Um contato sem nome precisa de um telefone ou de um e-mail.',
  createUnnamed: 'Criar sem nome',
  createUnnamedHint: 'Cria o contato só com o telefone, o e-mail ou a identidade do canal.',
};

export default pt;
