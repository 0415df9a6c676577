/** What simulated customers say and who they are: small, fixed pools picked by the seeded PRNG. */
import type { Channel } from '../../core/types.js';

export const CUSTOMER_OPENERS = [
  'Hola, quería consultar por mi factura.',
  'Hi, I need help with my order.',
  'Olá, gostaria de saber o preço do plano.',
  'Buenas, ¿tienen stock del modelo nuevo?',
  'My package has not arrived yet.',
  'Hola! Me pueden llamar?',
  'I would like to change my address.',
  'Oi, meu pedido veio errado.',
];

export const CUSTOMER_REPLIES = [
  'Gracias!',
  'Ok, perfect.',
  'Perfeito, obrigado.',
  '¿Y cuánto demora?',
  'Can you send me the details by email?',
  'Dale, espero.',
  'That works for me.',
  'Hmm, no entendí.',
];

const FIRST = ['Ana', 'Luis', 'Carla', 'João', 'Emily', 'Martín', 'Sofía', 'Pedro', 'Lucía', 'Diego'];
const LAST = ['Pérez', 'Silva', 'García', 'Souza', 'Rodríguez', 'Costa', 'Fernández', 'Lima'];

/** A ClientID of the channel's kind, from two random numbers in [0, 1). */
export function clientIdFor(channel: Channel, region: string | undefined, a: number, b: number): string {
  const n = Math.floor(a * 900_000) + 100_000;
  const first = FIRST[Math.floor(b * FIRST.length)]!;
  const last = LAST[Math.floor(a * LAST.length)]!;
  switch (channel) {
    case 'email':
      return `${first}.${last}${n % 100}@example.com`.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
    case 'webchat':
      return `visitor-${n.toString(16)}`;
    case 'instagram':
    case 'telegram':
      return `@${first.toLowerCase()}_${n % 1000}`.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
    case 'messenger':
      return `${n}${n}`;
    default:
      return region === 'BR' ? `+55 11 9${n.toString().slice(0, 4)}-${n.toString().slice(2, 6)}`
        : region === 'AR' ? `+54 9 11 ${n.toString().slice(0, 4)}-${n.toString().slice(2, 6)}`
          : `+598 9${n.toString().slice(0, 1)} ${n.toString().slice(1, 4)} ${n.toString().slice(3, 6)}`;
  }
}

export function customerName(a: number, b: number): string {
  return `${FIRST[Math.floor(a * FIRST.length)]} ${LAST[Math.floor(b * LAST.length)]}`;
}
