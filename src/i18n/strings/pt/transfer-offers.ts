import type { Translation } from '../../localize.js';
import type { TransferOffersStrings } from '../transfer-offers.js';

const pt: Translation<TransferOffersStrings> = {
  title: 'Transferências para você',
  someone: 'Outro agente',
  blind: (from: string, who: string, channel: string, campaign: string) => `${from} está transferindo ${who} para você (${channel}, ${campaign}).`,
  attended: (from: string, who: string, channel: string, campaign: string) => `${from} quer consultar você sobre ${who} (${channel}, ${campaign}).`,
  timeLeft: (from: string, duration: string) => `Volta para ${from} em ${duration} se você não responder.`,
  timeUp: (from: string) => `O tempo acabou: volta para ${from}.`,
  onConsultation: (from: string) => `Você aceitou a consulta; ${from} conclui ou cancela a transferência.`,
  accept: 'Aceitar',
  decline: 'Recusar',
  leaveConsultation: 'Sair da consulta',
  answering: 'Respondendo…',
  arrived: (from: string, who: string, duration: string) => `Transferência oferecida: ${from} está transferindo ${who} para você. ${duration} para responder.`,
  accepted: (who: string) => `Você aceitou ${who}: está na sua aba Ativas.`,
  consultationAccepted: (from: string) => `Consulta aceita: ${from} conclui a transferência.`,
  declined: (who: string, from: string) => `Você recusou ${who}: voltou para ${from}.`,
  withdrawn: (who: string) => `A transferência de ${who} não está mais oferecida a você.`,
  gone: 'Esta transferência não está mais esperando por você: o tempo acabou ou foi cancelada, e voltou ao agente que a enviou.',
};

export default pt;
