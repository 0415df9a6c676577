import type { Translation } from '../../localize.js';
import type { CommonStrings } from '../common.js';
import type { CrmErrorCode } from '../../../core/errors.js';

const esCodes: Record<CrmErrorCode, string> = {
  'not-found': 'No encontrado.',
  conflict: 'Otra persona cambió esto mientras tanto.',
  invalid: 'Algunos datos no son válidos.',
  unavailable: 'No se puede acceder al CRM en este momento.',
  timeout: 'El CRM tardó demasiado en responder.',
  unauthorized: 'No tienes permiso para hacer esto. Inicia sesión de nuevo o consulta a un administrador.',
  aborted: 'Cancelado.',
};

const es: Translation<CommonStrings> = {
  retry: 'Reintentar',
  dismiss: 'Descartar',
  cancel: 'Cancelar',
  confirm: 'Confirmar',
  save: 'Guardar',
  close: 'Cerrar',
  loading: 'Cargando…',
  errorTitle: 'Algo salió mal',
  errorCode: (code: CrmErrorCode) => esCodes[code],
  badAttribute: (name: string, value: string, expected: string) =>
    `El atributo ${name}="${value}" no es válido: se esperaba ${expected}.`,
  expectedRegion: 'un código de país ISO 3166 como BR o UY',
  expectedUrl: 'una URL http(s)',
  noBaseUrl: 'createRestSource necesita una baseUrl.',
};

export default es;
