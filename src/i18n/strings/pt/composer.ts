import type { Translation } from '../../localize.js';
import type { ComposerFieldError, ComposerStrings } from '../composer.js';
import type { AttachmentCategory } from '../../../core/composer/index.js';
import type { ComposerChannel, UnavailableReason } from '../../../core/composer/index.js';
import type { ComposerField } from '../../../core/composer/index.js';
import type { SmsEncoding } from '../../../core/composer/index.js';

/** Encodings are named the same in every language. */
const ENCODING_NAMES: Record<SmsEncoding, string> = { gsm7: 'GSM-7', ucs2: 'Unicode (UCS-2)' };

const ptChannels: Record<ComposerChannel, string> = { phone: 'Telefone', whatsapp: 'WhatsApp', sms: 'SMS', email: 'E-mail' };

const ptCategories: Record<AttachmentCategory, string> = { image: 'imagens', audio: 'áudios', video: 'vídeos', document: 'documentos' };

const ptUnavailable: Record<UnavailableReason, string> = {
  'no-campaigns': 'Não há campanhas a partir das quais iniciar uma interação.',
  'no-membership': 'Você não é membro de nenhuma campanha. Peça ao seu supervisor para adicioná-lo a uma.',
  'no-outbound-channels': 'Nenhuma das suas campanhas tem Telefone, WhatsApp, SMS ou E-mail habilitado para interações de saída.',
  'no-permission': 'Você não tem permissão para iniciar interações de saída nas suas campanhas. Fale com seu supervisor ou administrador.',
};

const ptRequired: Record<ComposerField, string> = {
  campaign: 'Escolha uma campanha.',
  to: 'Informe o destinatário.',
  message: 'Escreva uma mensagem ou escolha um modelo.',
  template: 'Escolha um modelo.',
  subject: 'Informe um assunto.',
  body: 'Escreva o corpo do e-mail.',
  cc: 'Informe um endereço.',
  bcc: 'Informe um endereço.',
};

const ptErrors: Record<ComposerFieldError, string> = {
  'too-few-digits': 'Informe pelo menos 5 dígitos.',
  'invalid-number': 'Não é um número de telefone válido para o país da campanha. Inclua o código do país se for de outro país.',
  'invalid-email': 'Não é um endereço de e-mail válido.',
  'free-text': 'Uma conversa de WhatsApp deve começar com um modelo aprovado (HSM): texto livre não chegaria ao cliente. Escolha um modelo.',
  'template-required': 'Escolha um modelo aprovado (HSM): uma conversa de WhatsApp deve começar com um.',
  'unknown-template': 'Este modelo não está mais disponível na campanha. Escolha outro.',
  'not-approved': 'Este modelo ainda não foi aprovado pela Meta e não pode iniciar uma conversa.',
};

const pt: Translation<ComposerStrings> = {
  newButton: 'Nova',
  title: 'Nova interação',
  close: 'Fechar',
  loadingCampaigns: 'Carregando campanhas…',
  channel: 'Canal',
  channelName: (channel: ComposerChannel) => ptChannels[channel],
  unavailable: (reason: UnavailableReason) => ptUnavailable[reason],
  campaign: 'Campanha',
  chooseCampaign: 'Escolha uma campanha',
  phoneNumber: 'Número para ligar',
  phoneHint: 'Apenas dígitos, # e *; pelo menos 5 dígitos.',
  mobileNumber: 'Número do cliente',
  mobileHint: 'Números nacionais usam o país da campanha; para outros, inclua + e o código do país.',
  email: 'Para',
  cc: 'CC',
  bcc: 'CCO',
  chipsHint: 'Pressione Enter ou vírgula após cada endereço; Backspace remove o último.',
  removeAddress: (address: string) => `Remover ${address}`,
  subject: 'Assunto',
  body: 'Mensagem',
  loadingEditor: 'Carregando o editor…',
  message: 'Mensagem',
  template: 'Modelo',
  noTemplate: 'Sem modelo',
  notApproved: (name: string) => `${name} (não aprovado)`,
  hsmHint: 'A primeira mensagem de WhatsApp deve ser um modelo aprovado (HSM).',
  variables: 'Variáveis do modelo',
  variable: (name: string) => `Variável {{${name}}}`,
  preview: 'Pré-visualização',
  smsCounter: (chars: string, segments: string, encoding: SmsEncoding) =>
    `${chars} caracteres · ${segments} ${segments === '1' ? 'segmento' : 'segmentos'} · ${ENCODING_NAMES[encoding]}`,
  attachments: 'Anexos',
  attach: 'Anexar arquivos',
  removeAttachment: (name: string) => `Remover ${name}`,
  rejectedType: (name: string, ext: string) => `${name} não foi anexado: arquivos .${ext || '?'} não são aceitos.`,
  rejectedSize: (name: string, size: string, limit: string, category: AttachmentCategory) =>
    `${name} não foi anexado: tem ${size}; o limite para ${ptCategories[category]} nesta campanha é ${limit}.`,
  rejectedChannel: (name: string) => `${name} não foi anexado: este canal não aceita anexos.`,
  voice: 'Mensagem de voz',
  record: 'Gravar mensagem de voz',
  stop: 'Parar gravação',
  recording: 'Gravando…',
  discard: 'Descartar mensagem de voz',
  voiceReady: 'Mensagem de voz gravada; ela é enviada quando a interação começar.',
  micDenied: 'O navegador negou o acesso ao microfone. Permita-o nas configurações do site para gravar mensagens de voz.',
  micUnavailable: 'Este navegador não consegue gravar mensagens de voz.',
  start: 'Iniciar nova interação',
  starting: 'Iniciando a interação…',
  started: 'Interação iniciada.',
  refused: 'A interação não foi iniciada.',
  failed: (reason: string) => `Não foi possível iniciar a interação: ${reason}`,
  fixErrors: (n: number) => (n === 1 ? 'Corrija 1 campo para iniciar.' : `Corrija ${n} campos para iniciar.`),
  required: (field: ComposerField) => ptRequired[field],
  fieldError: (code: ComposerFieldError) => ptErrors[code],
  invalidEmails: (addresses: string) => `Endereços de e-mail inválidos: ${addresses}.`,
  missingVariables: (names: string) => `Preencha as variáveis do modelo: ${names}.`,
  toolbar: 'Formatação',
  bold: 'Negrito',
  italic: 'Itálico',
  underline: 'Sublinhado',
  strike: 'Tachado',
  highlight: 'Destacar',
  bulletList: 'Lista com marcadores',
  orderedList: 'Lista numerada',
  blockType: 'Estilo do texto',
  paragraph: 'Parágrafo',
  heading: (level: number) => `Título ${level}`,
  alignLeft: 'Alinhar à esquerda',
  alignCenter: 'Centralizar',
  alignRight: 'Alinhar à direita',
  alignJustify: 'Justificar',
  horizontalRule: 'Linha horizontal',
  hardBreak: 'Quebra de linha',
  insertTable: 'Inserir tabela',
  addRow: 'Adicionar linha',
  addColumn: 'Adicionar coluna',
  deleteRow: 'Excluir linha',
  deleteColumn: 'Excluir coluna',
  deleteTable: 'Excluir tabela',
};

export default pt;
