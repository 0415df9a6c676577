/**
 * The server's problem titles and details in the languages the widgets ship
 * (en, es, pt), picked from Accept-Language, so the message an agent sees in
 * the widget's error box is in the widget's language.
 */
import type { CrmErrorCode } from '../src/core/errors.js';

export type Language = 'en' | 'es' | 'pt';

interface Messages {
  titles: Record<Exclude<CrmErrorCode, 'aborted'>, string>;
  contactNotFound: (id: string) => string;
  staleContact: string;
  invalidRequest: string;
  tokenRequired: string;
  tokenWrong: string;
  tooLarge: (bytes: number) => string;
  idempotencyMismatch: string;
  originRejected: (origin: string) => string;
  storageDown: string;
  routeNotFound: string;
  mergeIds: string;
  mergeCount: (limit: number, tooFew: boolean) => string;
  viewName: string;
  noteEmpty: string;
  notJsonType: string;
  notJson: string;
  bodyNotObject: string;
  tooDeep: (levels: number) => string;
  hostRejected: string;
  authHeaderInvalid: string;
  authUnavailable: string;
  viewNotFound: (id: string) => string;
  viewNotYours: string;
  notReady: string;
}

const en: Messages = {
  titles: {
    'not-found': 'Not found',
    conflict: 'Conflict',
    invalid: 'Invalid request',
    unavailable: 'Service unavailable',
    timeout: 'Timed out',
    unauthorized: 'Unauthorized',
  },
  contactNotFound: (id) => `There is no contact with id "${id}".`,
  staleContact: 'Someone else changed this contact since you opened it. Reload it and apply your change again.',
  invalidRequest: 'The request has invalid values.',
  tokenRequired: 'This CRM server needs a bearer token.',
  tokenWrong: 'The bearer token is not valid for this CRM server.',
  tooLarge: (bytes) => `The request body is larger than ${bytes} bytes.`,
  idempotencyMismatch: 'This Idempotency-Key was already used for a different contact.',
  originRejected: (origin) => `Requests from ${origin} are not allowed by this CRM server.`,
  storageDown: 'The CRM database is unavailable. Try again in a moment.',
  routeNotFound: 'There is no such endpoint.',
  mergeIds: 'The primary contact cannot also be merged away, and no contact may be listed twice.',
  mergeCount: (limit, tooFew) => `A merge takes ${tooFew ? 'at least' : 'at most'} ${limit} contacts.`,
  viewName: 'A view needs a name.',
  noteEmpty: 'A note cannot be empty.',
  notJsonType: 'The body must be application/json.',
  notJson: 'The body is not valid JSON.',
  bodyNotObject: 'The body must be a JSON object.',
  tooDeep: (levels) => `The body nests objects and lists deeper than ${levels} levels.`,
  hostRejected: 'This CRM server does not answer for this host name.',
  authHeaderInvalid: 'The Authorization header must be "Bearer <token>".',
  authUnavailable: 'The CRM server cannot check tokens right now. Try again in a moment.',
  viewNotFound: (id) => `There is no view with id "${id}".`,
  viewNotYours: 'Only the agent who saved this view can change or delete it.',
  notReady: 'The CRM server is not ready: its database is unreachable or it is shutting down.',
};

const es: Messages = {
  titles: {
    'not-found': 'No encontrado',
    conflict: 'Conflicto',
    invalid: 'Solicitud no válida',
    unavailable: 'Servicio no disponible',
    timeout: 'Tiempo agotado',
    unauthorized: 'No autorizado',
  },
  contactNotFound: (id) => `No hay ningún contacto con el id "${id}".`,
  staleContact: 'Otra persona cambió este contacto después de que lo abriste. Recárgalo y vuelve a aplicar tu cambio.',
  invalidRequest: 'La solicitud tiene valores no válidos.',
  tokenRequired: 'Este servidor CRM necesita un token de portador.',
  tokenWrong: 'El token de portador no es válido para este servidor CRM.',
  tooLarge: (bytes) => `El cuerpo de la solicitud supera los ${bytes} bytes.`,
  idempotencyMismatch: 'Esta Idempotency-Key ya se usó para otro contacto.',
  originRejected: (origin) => `Este servidor CRM no acepta solicitudes desde ${origin}.`,
  storageDown: 'La base de datos del CRM no está disponible. Inténtalo de nuevo en un momento.',
  routeNotFound: 'No existe ese endpoint.',
  mergeIds: 'El contacto principal no puede combinarse también como eliminado, y ningún contacto puede aparecer dos veces.',
  mergeCount: (limit, tooFew) => `Una combinación admite ${tooFew ? 'al menos' : 'como máximo'} ${limit} contactos.`,
  viewName: 'Una vista necesita un nombre.',
  noteEmpty: 'Una nota no puede estar vacía.',
  notJsonType: 'El cuerpo debe ser application/json.',
  notJson: 'El cuerpo no es JSON válido.',
  bodyNotObject: 'El cuerpo debe ser un objeto JSON.',
  tooDeep: (levels) => `El cuerpo anida objetos y listas en más de ${levels} niveles.`,
  hostRejected: 'Este servidor CRM no responde a este nombre de host.',
  authHeaderInvalid: 'La cabecera Authorization debe ser "Bearer <token>".',
  authUnavailable: 'El servidor CRM no puede verificar tokens en este momento. Inténtalo de nuevo en un momento.',
  viewNotFound: (id) => `No hay ninguna vista con el id "${id}".`,
  viewNotYours: 'Solo el agente que guardó esta vista puede cambiarla o eliminarla.',
  notReady: 'El servidor CRM no está listo: su base de datos no responde o se está apagando.',
};

const pt: Messages = {
  titles: {
    'not-found': 'Não encontrado',
    conflict: 'Conflito',
    invalid: 'Solicitação inválida',
    unavailable: 'Serviço indisponível',
    timeout: 'Tempo esgotado',
    unauthorized: 'Não autorizado',
  },
  contactNotFound: (id) => `Não há contato com o id "${id}".`,
  staleContact: 'Outra pessoa alterou este contato depois que você o abriu. Recarregue-o e aplique sua alteração novamente.',
  invalidRequest: 'A solicitação tem valores inválidos.',
  tokenRequired: 'Este servidor CRM precisa de um token de portador.',
  tokenWrong: 'O token de portador não é válido para este servidor CRM.',
  tooLarge: (bytes) => `O corpo da solicitação é maior que ${bytes} bytes.`,
  idempotencyMismatch: 'Esta Idempotency-Key já foi usada para outro contato.',
  originRejected: (origin) => `Este servidor CRM não aceita solicitações de ${origin}.`,
  storageDown: 'O banco de dados do CRM está indisponível. Tente novamente em instantes.',
  routeNotFound: 'Esse endpoint não existe.',
  mergeIds: 'O contato principal não pode também ser removido na mesclagem, e nenhum contato pode aparecer duas vezes.',
  mergeCount: (limit, tooFew) => `Uma mesclagem aceita ${tooFew ? 'no mínimo' : 'no máximo'} ${limit} contatos.`,
  viewName: 'Uma visualização precisa de um nome.',
  noteEmpty: 'Uma nota não pode estar vazia.',
  notJsonType: 'O corpo deve ser application/json.',
  notJson: 'O corpo não é um JSON válido.',
  bodyNotObject: 'O corpo deve ser um objeto JSON.',
  tooDeep: (levels) => `O corpo aninha objetos e listas em mais de ${levels} níveis.`,
  hostRejected: 'Este servidor CRM não responde a este nome de host.',
  authHeaderInvalid: 'O cabeçalho Authorization deve ser "Bearer <token>".',
  authUnavailable: 'O servidor CRM não consegue verificar tokens agora. Tente novamente em instantes.',
  viewNotFound: (id) => `Não há visualização com o id "${id}".`,
  viewNotYours: 'Somente o agente que salvou esta visualização pode alterá-la ou excluí-la.',
  notReady: 'O servidor CRM não está pronto: o banco de dados não responde ou ele está sendo desligado.',
};

const CATALOG: Record<Language, Messages> = { en, es, pt };

/** The first of en/es/pt in Accept-Language (q-values honoured), else English. */
export function languageOf(acceptLanguage: string | undefined): Language {
  const ranked = (acceptLanguage ?? '')
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([\d.]+)/.exec(p)?.[1]).find(Boolean);
      return { base: tag.trim().toLowerCase().split('-')[0] ?? '', q: q ? Number(q) : 1 };
    })
    .filter((entry) => entry.q > 0)
    .sort((a, b) => b.q - a.q);
  const hit = ranked.find((entry) => entry.base in CATALOG);
  return (hit?.base as Language | undefined) ?? 'en';
}

export function messages(language: Language): Messages {
  return CATALOG[language];
}
