import type { Translation } from '../../localize.js';
import type { CommonStrings } from '../common.js';
import type { CrmErrorCode } from '../../../core/errors.js';

const esCodes: Record<CrmErrorCode, string> = {
  'not-found': 'Esto ya no está en el CRM: alguien pudo haberlo borrado o cerrado. Actualiza y vuelve a buscarlo.',
  conflict: 'Otra persona cambió esto al mismo tiempo. Actualiza para ver su cambio y vuelve a hacer el tuyo.',
  invalid: 'El CRM no aceptó estos datos. Revisa lo que ingresaste e inténtalo de nuevo.',
  unavailable: 'El CRM no respondió. Revisa tu conexión e inténtalo de nuevo.',
  timeout: 'El CRM está tardando demasiado en responder. Espera un momento e inténtalo de nuevo.',
  unauthorized: 'No tienes permiso para hacer esto. Inicia sesión de nuevo o pide acceso a un administrador.',
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
  expectedFunctionName: 'el nombre de una función de la página, como getCrmToken',
  noBaseUrl: 'createRestSource necesita una baseUrl.',
};

export default es;
