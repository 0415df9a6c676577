import type { Translation } from '../../localize.js';
import type { FormsStrings } from '../forms.js';

const pt: Translation<FormsStrings> = {
  panelLabel: 'Formulário',
  entry: (form: string, campaign: string) => `${form} – ${campaign}`,
  untitledForm: 'Formulário',
  tabs: 'Formulários abertos',
  closeTab: (name: string) => `Fechar ${name}`,
  expand: 'Tela cheia',
  collapse: 'Sair da tela cheia',
  close: 'Fechar o formulário',
  mandatory: 'Obrigatório nesta campanha',
  loading: 'Carregando o formulário…',
  noForm: 'Esta campanha não tem formulário.',
  noFields: 'Este formulário ainda não tem campos.',
  noTabs: 'Nenhum formulário aberto.',
  save: 'Salvar formulário',
  saving: 'Salvando…',
  saved: 'Formulário salvo.',
  savedToContact: 'Formulário salvo no contato.',
  draftHint: 'O que você digita fica guardado neste dispositivo até salvar.',
  fixFields: (count: number) => (count === 1 ? 'Revise o campo destacado.' : `Revise os ${count} campos destacados.`),
  frameTitle: (name: string) => `${name} (formulário externo)`,
  externalNote: 'Uma página externa: o dono decide o que ela pergunta. Os dados chegam quando ela é enviada.',
  badUrl: 'O endereço do formulário não é um endereço web válido (https).',
  badMessage: 'O formulário externo enviou dados que o painel não consegue ler: foram ignorados.',
  formsMenu: 'Formulários',
  formsMenuHint: 'Formulários que você pode abrir sem uma interação',
  noManualForms: 'Nenhum formulário para abrir sem uma interação.',
  opened: (name: string) => `${name} aberto.`,
};

export default pt;
