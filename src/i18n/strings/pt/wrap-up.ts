import type { Channel } from '../../../core/types.js';
import type { Translation } from '../../localize.js';
import type { WrapUpStrings } from '../wrap-up.js';

const channels: Record<Channel, string> = {
  phone: 'Telefone', whatsapp: 'WhatsApp', sms: 'SMS', email: 'E-mail', webchat: 'Chat web',
  instagram: 'Instagram', messenger: 'Messenger', telegram: 'Telegram',
};

const pt: Translation<WrapUpStrings> = {
  label: 'Pós-atendimento',
  endNow: 'Encerrar o pós-atendimento agora',
  hint: 'Encerra o pós-atendimento: você fica disponível para novas chamadas.',
  started: (duration: string) => `Pós-atendimento iniciado: ${duration} para concluir suas anotações.`,
  endedTimeout: 'O tempo de pós-atendimento acabou. Você está disponível novamente.',
  endedManual: 'Pós-atendimento encerrado. Você está disponível novamente.',
  over: 'Pós-atendimento encerrado',
  notApplicable: (channel: Channel) => `Sem pós-atendimento após interações de ${channels[channel]}`,
  expectedSeconds: 'um número de segundos maior que 0',
  expectedDeadline: 'milissegundos desde epoch ou uma data e hora ISO 8601',
};

export default pt;
