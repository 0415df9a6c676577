import { defineStrings } from '../localize.js';
import type { CrmErrorCode } from '../../core/errors.js';

const enCodes: Record<CrmErrorCode, string> = {
  'not-found': 'Not found.',
  conflict: 'Someone else changed this in the meantime.',
  invalid: 'Some data is not valid.',
  unavailable: 'The CRM cannot be reached right now.',
  timeout: 'The CRM took too long to answer.',
  unauthorized: 'You are not allowed to do this. Sign in again or ask an administrator.',
  aborted: 'Cancelled.',
};
const esCodes: Record<CrmErrorCode, string> = {
  'not-found': 'No encontrado.',
  conflict: 'Otra persona cambió esto mientras tanto.',
  invalid: 'Algunos datos no son válidos.',
  unavailable: 'No se puede acceder al CRM en este momento.',
  timeout: 'El CRM tardó demasiado en responder.',
  unauthorized: 'No tienes permiso para hacer esto. Inicia sesión de nuevo o consulta a un administrador.',
  aborted: 'Cancelado.',
};
const ptCodes: Record<CrmErrorCode, string> = {
  'not-found': 'Não encontrado.',
  conflict: 'Outra pessoa alterou isto nesse meio tempo.',
  invalid: 'Alguns dados não são válidos.',
  unavailable: 'Não é possível acessar o CRM agora.',
  timeout: 'O CRM demorou demais para responder.',
  unauthorized: 'Você não tem permissão para isso. Entre novamente ou fale com um administrador.',
  aborted: 'Cancelado.',
};

/** Strings every element may show: error reporting and generic actions. */
export const commonStrings = defineStrings({
  en: {
    retry: 'Retry',
    dismiss: 'Dismiss',
    cancel: 'Cancel',
    confirm: 'Confirm',
    save: 'Save',
    close: 'Close',
    loading: 'Loading…',
    errorTitle: 'Something went wrong',
    errorCode: (code: CrmErrorCode) => enCodes[code],
    badAttribute: (name: string, value: string, expected: string) =>
      `The attribute ${name}="${value}" is not valid: expected ${expected}.`,
    expectedRegion: 'an ISO 3166 country code such as BR or UY',
    expectedUrl: 'an http(s) URL',
  },
  es: {
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
  },
  pt: {
    retry: 'Tentar novamente',
    dismiss: 'Dispensar',
    cancel: 'Cancelar',
    confirm: 'Confirmar',
    save: 'Salvar',
    close: 'Fechar',
    loading: 'Carregando…',
    errorTitle: 'Algo deu errado',
    errorCode: (code: CrmErrorCode) => ptCodes[code],
    badAttribute: (name: string, value: string, expected: string) =>
      `O atributo ${name}="${value}" não é válido: esperava-se ${expected}.`,
    expectedRegion: 'um código de país ISO 3166 como BR ou UY',
    expectedUrl: 'uma URL http(s)',
  },
});
