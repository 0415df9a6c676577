import type { Translation } from '../../localize.js';
import type { ComposerFieldError, ComposerStrings } from '../composer.js';
import type { AttachmentCategory } from '../../../core/composer/index.js';
import type { ComposerChannel, UnavailableReason } from '../../../core/composer/index.js';
import type { ComposerField } from '../../../core/composer/index.js';
import type { SmsEncoding } from '../../../core/composer/index.js';

/** Encodings are named the same in every language. */
const ENCODING_NAMES: Record<SmsEncoding, string> = { gsm7: 'GSM-7', ucs2: 'Unicode (UCS-2)' };

const esChannels: Record<ComposerChannel, string> = { phone: 'Teléfono', whatsapp: 'WhatsApp', sms: 'SMS', email: 'Correo' };

const esCategories: Record<AttachmentCategory, string> = { image: 'imágenes', audio: 'audios', video: 'videos', document: 'documentos' };

const esUnavailable: Record<UnavailableReason, string> = {
  'no-campaigns': 'No hay campañas desde las que iniciar una interacción.',
  'no-membership': 'No eres miembro de ninguna campaña. Pide a tu supervisor que te agregue a una.',
  'no-outbound-channels': 'Ninguna de tus campañas tiene Teléfono, WhatsApp, SMS o Correo habilitado para interacciones salientes.',
  'no-permission': 'No tienes permiso para iniciar interacciones salientes en tus campañas. Consulta a tu supervisor o administrador.',
};

const esRequired: Record<ComposerField, string> = {
  campaign: 'Elige una campaña.',
  to: 'Ingresa el destinatario.',
  message: 'Escribe un mensaje o elige una plantilla.',
  template: 'Elige una plantilla.',
  subject: 'Ingresa un asunto.',
  body: 'Escribe el cuerpo del correo.',
  cc: 'Ingresa una dirección.',
  bcc: 'Ingresa una dirección.',
};

const esErrors: Record<ComposerFieldError, string> = {
  'too-few-digits': 'Ingresa al menos 5 dígitos.',
  'invalid-number': 'No es un número de teléfono válido para el país de la campaña. Incluye el código de país si es de otro país.',
  'invalid-email': 'No es una dirección de correo válida.',
  'free-text': 'Una conversación de WhatsApp debe iniciar con una plantilla aprobada (HSM): el texto libre no llegaría al cliente. Elige una plantilla.',
  'template-required': 'Elige una plantilla aprobada (HSM): una conversación de WhatsApp debe iniciar con una.',
  'unknown-template': 'Esta plantilla ya no está disponible en la campaña. Elige otra.',
  'not-approved': 'Esta plantilla aún no está aprobada por Meta y no puede iniciar una conversación.',
};

const es: Translation<ComposerStrings> = {
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
    `${chars} caracteres · ${segments} ${segments === '1' ? 'segmento' : 'segmentos'} · ${ENCODING_NAMES[encoding]}`,
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
  required: (field: ComposerField) => esRequired[field],
  fieldError: (code: ComposerFieldError) => esErrors[code],
  invalidEmails: (addresses: string) => `Direcciones de correo no válidas: ${addresses}.`,
  missingVariables: (names: string) => `Completa las variables de la plantilla: ${names}.`,
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
};

export default es;
