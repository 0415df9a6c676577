import type { Translation } from '../../localize.js';
import type { TransferOffersStrings } from '../transfer-offers.js';

const es: Translation<TransferOffersStrings> = {
  title: 'Transferencias para ti',
  someone: 'Otro agente',
  blind: (from: string, who: string, channel: string, campaign: string) => `${from} te está transfiriendo a ${who} (${channel}, ${campaign}).`,
  attended: (from: string, who: string, channel: string, campaign: string) => `${from} quiere consultarte sobre ${who} (${channel}, ${campaign}).`,
  timeLeft: (from: string, duration: string) => `Vuelve a ${from} en ${duration} si no respondes.`,
  timeUp: (from: string) => `Se acabó el tiempo: vuelve a ${from}.`,
  onConsultation: (from: string) => `Aceptaste la consulta; ${from} completa o cancela la transferencia.`,
  accept: 'Aceptar',
  decline: 'Rechazar',
  leaveConsultation: 'Salir de la consulta',
  answering: 'Respondiendo…',
  arrived: (from: string, who: string, duration: string) => `Transferencia ofrecida: ${from} te está transfiriendo a ${who}. ${duration} para responder.`,
  accepted: (who: string) => `Aceptaste a ${who}: está en tu pestaña Activas.`,
  consultationAccepted: (from: string) => `Consulta aceptada: ${from} completa la transferencia.`,
  declined: (who: string, from: string) => `Rechazaste a ${who}: volvió a ${from}.`,
  withdrawn: (who: string) => `La transferencia de ${who} ya no te está ofrecida.`,
  gone: 'Esta transferencia ya no te espera: venció el tiempo o se canceló, y volvió al agente que la envió.',
};

export default es;
