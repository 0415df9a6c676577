import type { Translation } from '../../localize.js';
import type { CommonStrings } from '../common.js';
import type { CrmErrorCode } from '../../../core/errors.js';

const ptCodes: Record<CrmErrorCode, string> = {
  'not-found': 'Não encontrado.',
  conflict: 'Outra pessoa alterou isto nesse meio tempo.',
  invalid: 'Alguns dados não são válidos.',
  unavailable: 'Não é possível acessar o CRM agora.',
  timeout: 'O CRM demorou demais para responder.',
  unauthorized: 'Você não tem permissão para isso. Entre novamente ou fale com um administrador.',
  aborted: 'Cancelado.',
};

const pt: Translation<CommonStrings> = {
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
  noBaseUrl: 'createRestSource precisa de uma baseUrl.',
};

export default pt;
