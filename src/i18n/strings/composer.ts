import { defineStrings } from '../localize.js';
import type { AttachmentCategory } from '../../core/composer/attachment-limits.js';
import type { ComposerChannel, UnavailableReason } from '../../core/composer/availability.js';
import type { ComposerErrorCode, ComposerField } from '../../core/composer/validate.js';
import type { SmsEncoding } from '../../core/composer/sms.js';

type ErrorText = (field: ComposerField, code: ComposerErrorCode, extra: string) => string;

const enChannels: Record<ComposerChannel, string> = { phone: 'Phone', whatsapp: 'WhatsApp', sms: 'SMS', email: 'Email' };
const esChannels: Record<ComposerChannel, string> = { phone: 'Teléfono', whatsapp: 'WhatsApp', sms: 'SMS', email: 'Correo' };
const ptChannels: Record<ComposerChannel, string> = { phone: 'Telefone', whatsapp: 'WhatsApp', sms: 'SMS', email: 'E-mail' };

const enCategories: Record<AttachmentCategory, string> = { image: 'images', audio: 'audio', video: 'videos', document: 'documents' };
const esCategories: Record<AttachmentCategory, string> = { image: 'imágenes', audio: 'audios', video: 'videos', document: 'documentos' };
const ptCategories: Record<AttachmentCategory, string> = { image: 'imagens', audio: 'áudios', video: 'vídeos', document: 'documentos' };

const enUnavailable: Record<UnavailableReason, string> = {
  'no-campaigns': 'There are no campaigns to start an interaction from.',
  'no-membership': 'You are not a member of any campaign. Ask your supervisor to add you to one.',
  'no-outbound-channels': 'None of your campaigns has Phone, WhatsApp, SMS or Email enabled for outbound interactions.',
  'no-permission': 'You do not have permission to start outbound interactions in your campaigns. Ask your supervisor or administrator.',
};
const esUnavailable: Record<UnavailableReason, string> = {
  'no-campaigns': 'No hay campañas desde las que iniciar una interacción.',
  'no-membership': 'No eres miembro de ninguna campaña. Pide a tu supervisor que te agregue a una.',
  'no-outbound-channels': 'Ninguna de tus campañas tiene Teléfono, WhatsApp, SMS o Correo habilitado para interacciones salientes.',
  'no-permission': 'No tienes permiso para iniciar interacciones salientes en tus campañas. Consulta a tu supervisor o administrador.',
};
const ptUnavailable: Record<UnavailableReason, string> = {
  'no-campaigns': 'Não há campanhas a partir das quais iniciar uma interação.',
  'no-membership': 'Você não é membro de nenhuma campanha. Peça ao seu supervisor para adicioná-lo a uma.',
  'no-outbound-channels': 'Nenhuma das suas campanhas tem Telefone, WhatsApp, SMS ou E-mail habilitado para interações de saída.',
  'no-permission': 'Você não tem permissão para iniciar interações de saída nas suas campanhas. Fale com seu supervisor ou administrador.',
};

const enError: ErrorText = (field, code, extra) => {
  switch (code) {
    case 'required':
      return {
        campaign: 'Choose a campaign.',
        to: 'Enter the recipient.',
        message: 'Write a message or choose a template.',
        template: 'Choose a template.',
        subject: 'Enter a subject.',
        body: 'Write the email body.',
        cc: 'Enter an address.',
        bcc: 'Enter an address.',
      }[field];
    case 'too-few-digits':
      return 'Enter at least 5 digits.';
    case 'invalid-number':
      return "This is not a valid phone number for the campaign's country. Include the country code if it is from another country.";
    case 'invalid-email':
      return extra ? `Not valid email addresses: ${extra}.` : 'This is not a valid email address.';
    case 'free-text':
      return 'A WhatsApp conversation must start with an approved template (HSM): free text would not reach the customer. Choose a template.';
    case 'template-required':
      return 'Choose an approved template (HSM): a WhatsApp conversation must start with one.';
    case 'unknown-template':
      return 'This template is no longer available in the campaign. Choose another one.';
    case 'not-approved':
      return 'This template is not approved by Meta yet and cannot start a conversation.';
    case 'missing-variables':
      return `Fill in the template variables: ${extra}.`;
  }
};
const esError: ErrorText = (field, code, extra) => {
  switch (code) {
    case 'required':
      return {
        campaign: 'Elige una campaña.',
        to: 'Ingresa el destinatario.',
        message: 'Escribe un mensaje o elige una plantilla.',
        template: 'Elige una plantilla.',
        subject: 'Ingresa un asunto.',
        body: 'Escribe el cuerpo del correo.',
        cc: 'Ingresa una dirección.',
        bcc: 'Ingresa una dirección.',
      }[field];
    case 'too-few-digits':
      return 'Ingresa al menos 5 dígitos.';
    case 'invalid-number':
      return 'No es un número de teléfono válido para el país de la campaña. Incluye el código de país si es de otro país.';
    case 'invalid-email':
      return extra ? `Direcciones de correo no válidas: ${extra}.` : 'No es una dirección de correo válida.';
    case 'free-text':
      return 'Una conversación de WhatsApp debe iniciar con una plantilla aprobada (HSM): el texto libre no llegaría al cliente. Elige una plantilla.';
    case 'template-required':
      return 'Elige una plantilla aprobada (HSM): una conversación de WhatsApp debe iniciar con una.';
    case 'unknown-template':
      return 'Esta plantilla ya no está disponible en la campaña. Elige otra.';
    case 'not-approved':
      return 'Esta plantilla aún no está aprobada por Meta y no puede iniciar una conversación.';
    case 'missing-variables':
      return `Completa las variables de la plantilla: ${extra}.`;
  }
};
const ptError: ErrorText = (field, code, extra) => {
  switch (code) {
    case 'required':
      return {
        campaign: 'Escolha uma campanha.',
        to: 'Informe o destinatário.',
        message: 'Escreva uma mensagem ou escolha um modelo.',
        template: 'Escolha um modelo.',
        subject: 'Informe um assunto.',
        body: 'Escreva o corpo do e-mail.',
        cc: 'Informe um endereço.',
        bcc: 'Informe um endereço.',
      }[field];
    case 'too-few-digits':
      return 'Informe pelo menos 5 dígitos.';
    case 'invalid-number':
      return 'Não é um número de telefone válido para o país da campanha. Inclua o código do país se for de outro país.';
    case 'invalid-email':
      return extra ? `Endereços de e-mail inválidos: ${extra}.` : 'Não é um endereço de e-mail válido.';
    case 'free-text':
      return 'Uma conversa de WhatsApp deve começar com um modelo aprovado (HSM): texto livre não chegaria ao cliente. Escolha um modelo.';
    case 'template-required':
      return 'Escolha um modelo aprovado (HSM): uma conversa de WhatsApp deve começar com um.';
    case 'unknown-template':
      return 'Este modelo não está mais disponível na campanha. Escolha outro.';
    case 'not-approved':
      return 'Este modelo ainda não foi aprovado pela Meta e não pode iniciar uma conversa.';
    case 'missing-variables':
      return `Preencha as variáveis do modelo: ${extra}.`;
  }
};

/** Strings of `<ucrm-new-interaction>`. */
export const composerStrings = defineStrings({
  en: {
    newButton: 'New',
    title: 'New interaction',
    close: 'Close',
    loadingCampaigns: 'Loading campaigns…',
    channel: 'Channel',
    channelName: (channel: ComposerChannel) => enChannels[channel],
    unavailable: (reason: UnavailableReason) => enUnavailable[reason],
    campaign: 'Campaign',
    chooseCampaign: 'Choose a campaign',
    phoneNumber: 'Number to call',
    phoneHint: 'Digits, # and * only; at least 5 digits.',
    mobileNumber: 'Customer number',
    mobileHint: 'National numbers use the campaign country; include + and the country code for others.',
    email: 'To',
    cc: 'CC',
    bcc: 'BCC',
    chipsHint: 'Press Enter or comma after each address; Backspace removes the last one.',
    removeAddress: (address: string) => `Remove ${address}`,
    subject: 'Subject',
    body: 'Message',
    loadingEditor: 'Loading the editor…',
    message: 'Message',
    template: 'Template',
    noTemplate: 'No template',
    notApproved: (name: string) => `${name} (not approved)`,
    hsmHint: 'The first WhatsApp message must be an approved template (HSM).',
    variables: 'Template variables',
    variable: (name: string) => `Variable {{${name}}}`,
    preview: 'Preview',
    smsCounter: (chars: string, segments: string, encoding: SmsEncoding) =>
      `${chars} characters · ${segments} ${segments === '1' ? 'segment' : 'segments'} · ${encoding === 'gsm7' ? 'GSM-7' : 'Unicode (UCS-2)'}`,
    attachments: 'Attachments',
    attach: 'Attach files',
    removeAttachment: (name: string) => `Remove ${name}`,
    rejectedType: (name: string, ext: string) => `${name} was not attached: .${ext || '?'} files are not accepted.`,
    rejectedSize: (name: string, size: string, limit: string, category: AttachmentCategory) =>
      `${name} was not attached: it is ${size}; the limit for ${enCategories[category]} in this campaign is ${limit}.`,
    rejectedChannel: (name: string) => `${name} was not attached: this channel does not take attachments.`,
    voice: 'Voice message',
    record: 'Record voice message',
    stop: 'Stop recording',
    recording: 'Recording…',
    discard: 'Discard voice message',
    voiceReady: 'Voice message recorded; it is sent when the interaction starts.',
    micDenied: 'The browser denied access to the microphone. Allow it in the site settings to record voice messages.',
    micUnavailable: 'Voice messages cannot be recorded in this browser.',
    start: 'Start new interaction',
    starting: 'Starting the interaction…',
    started: 'Interaction started.',
    refused: 'The interaction was not started.',
    failed: (reason: string) => `The interaction could not be started: ${reason}`,
    fixErrors: (n: number) => (n === 1 ? 'Fix 1 field to start.' : `Fix ${n} fields to start.`),
    error: (field: ComposerField, code: ComposerErrorCode, extra: string) => enError(field, code, extra),
    toolbar: 'Formatting',
    bold: 'Bold',
    italic: 'Italic',
    underline: 'Underline',
    strike: 'Strikethrough',
    highlight: 'Highlight',
    bulletList: 'Bullet list',
    orderedList: 'Ordered list',
    blockType: 'Text style',
    paragraph: 'Paragraph',
    heading: (level: number) => `Heading ${level}`,
    alignLeft: 'Align left',
    alignCenter: 'Center',
    alignRight: 'Align right',
    alignJustify: 'Justify',
    horizontalRule: 'Horizontal rule',
    hardBreak: 'Line break',
    insertTable: 'Insert table',
    addRow: 'Add row',
    addColumn: 'Add column',
    deleteRow: 'Delete row',
    deleteColumn: 'Delete column',
    deleteTable: 'Delete table',
  },
  es: {
    newButton: 'Nueva',
    title: 'Nueva interacción',
    close: 'Cerrar',
    loadingCampaigns: 'Cargando campañas…',
    channel: 'Canal',
    channelName: (channel: ComposerChannel) => esChannels[channel],
    unavailable: (reason: UnavailableReason) => esUnavailable[reason],
    campaign: 'Campaña',
    chooseCampaign: 'Elige una campaña',
    phoneNumber: 'Número a llamar',
    phoneHint: 'Solo dígitos, # y *; al menos 5 dígitos.',
    mobileNumber: 'Número del cliente',
    mobileHint: 'Los números nacionales usan el país de la campaña; para otros, incluye + y el código de país.',
    email: 'Para',
    cc: 'CC',
    bcc: 'CCO',
    chipsHint: 'Presiona Enter o coma después de cada dirección; Retroceso elimina la última.',
    removeAddress: (address: string) => `Quitar ${address}`,
    subject: 'Asunto',
    body: 'Mensaje',
    loadingEditor: 'Cargando el editor…',
    message: 'Mensaje',
    template: 'Plantilla',
    noTemplate: 'Sin plantilla',
    notApproved: (name: string) => `${name} (no aprobada)`,
    hsmHint: 'El primer mensaje de WhatsApp debe ser una plantilla aprobada (HSM).',
    variables: 'Variables de la plantilla',
    variable: (name: string) => `Variable {{${name}}}`,
    preview: 'Vista previa',
    smsCounter: (chars: string, segments: string, encoding: SmsEncoding) =>
      `${chars} caracteres · ${segments} ${segments === '1' ? 'segmento' : 'segmentos'} · ${encoding === 'gsm7' ? 'GSM-7' : 'Unicode (UCS-2)'}`,
    attachments: 'Adjuntos',
    attach: 'Adjuntar archivos',
    removeAttachment: (name: string) => `Quitar ${name}`,
    rejectedType: (name: string, ext: string) => `${name} no se adjuntó: no se aceptan archivos .${ext || '?'}.`,
    rejectedSize: (name: string, size: string, limit: string, category: AttachmentCategory) =>
      `${name} no se adjuntó: pesa ${size}; el límite para ${esCategories[category]} en esta campaña es ${limit}.`,
    rejectedChannel: (name: string) => `${name} no se adjuntó: este canal no admite adjuntos.`,
    voice: 'Mensaje de voz',
    record: 'Grabar mensaje de voz',
    stop: 'Detener grabación',
    recording: 'Grabando…',
    discard: 'Descartar mensaje de voz',
    voiceReady: 'Mensaje de voz grabado; se envía al iniciar la interacción.',
    micDenied: 'El navegador denegó el acceso al micrófono. Permítelo en la configuración del sitio para grabar mensajes de voz.',
    micUnavailable: 'Este navegador no puede grabar mensajes de voz.',
    start: 'Iniciar nueva interacción',
    starting: 'Iniciando la interacción…',
    started: 'Interacción iniciada.',
    refused: 'La interacción no se inició.',
    failed: (reason: string) => `No se pudo iniciar la interacción: ${reason}`,
    fixErrors: (n: number) => (n === 1 ? 'Corrige 1 campo para iniciar.' : `Corrige ${n} campos para iniciar.`),
    error: (field: ComposerField, code: ComposerErrorCode, extra: string) => esError(field, code, extra),
    toolbar: 'Formato',
    bold: 'Negrita',
    italic: 'Cursiva',
    underline: 'Subrayado',
    strike: 'Tachado',
    highlight: 'Resaltar',
    bulletList: 'Lista con viñetas',
    orderedList: 'Lista numerada',
    blockType: 'Estilo de texto',
    paragraph: 'Párrafo',
    heading: (level: number) => `Título ${level}`,
    alignLeft: 'Alinear a la izquierda',
    alignCenter: 'Centrar',
    alignRight: 'Alinear a la derecha',
    alignJustify: 'Justificar',
    horizontalRule: 'Línea horizontal',
    hardBreak: 'Salto de línea',
    insertTable: 'Insertar tabla',
    addRow: 'Agregar fila',
    addColumn: 'Agregar columna',
    deleteRow: 'Eliminar fila',
    deleteColumn: 'Eliminar columna',
    deleteTable: 'Eliminar tabla',
  },
  pt: {
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
      `${chars} caracteres · ${segments} ${segments === '1' ? 'segmento' : 'segmentos'} · ${encoding === 'gsm7' ? 'GSM-7' : 'Unicode (UCS-2)'}`,
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
    error: (field: ComposerField, code: ComposerErrorCode, extra: string) => ptError(field, code, extra),
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
  },
});
