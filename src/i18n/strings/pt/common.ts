import type { Translation } from '../../localize.js';
import type { CommonStrings } from '../common.js';
import type { CrmErrorCode } from '../../../core/errors.js';

const ptCodes: Record<CrmErrorCode, string> = {
  'not-found': 'Isto não está mais no CRM: alguém pode ter excluído ou encerrado. Atualize e procure de novo.',
  conflict: 'Outra pessoa alterou isto ao mesmo tempo. Atualize para ver a alteração e faça a sua de novo.',
  invalid: 'O CRM não aceitou estes dados. Confira o que você digitou e tente de novo.',
  unavailable: 'O CRM não respondeu. Verifique sua conexão e tente de novo.',
  timeout: 'O CRM está demorando demais para responder. Aguarde um momento e tente de novo.',
  unauthorized: 'Você não tem permissão para isso. Entre novamente ou peça acesso a um administrador.',
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
  expectedFunctionName: 'o nome de uma função da página, como getCrmToken',
  noBaseUrl: 'createRestSource precisa de uma baseUrl.',
};

export default pt;
