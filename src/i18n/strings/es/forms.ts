import type { Translation } from '../../localize.js';
import type { FormsStrings } from '../forms.js';

const es: Translation<FormsStrings> = {
  panelLabel: 'Formulario',
  entry: (form: string, campaign: string) => `${form} – ${campaign}`,
  untitledForm: 'Formulario',
  tabs: 'Formularios abiertos',
  closeTab: (name: string) => `Cerrar ${name}`,
  expand: 'Pantalla completa',
  collapse: 'Salir de pantalla completa',
  close: 'Cerrar el formulario',
  mandatory: 'Obligatorio en esta campaña',
  loading: 'Cargando el formulario…',
  noForm: 'Esta campaña no tiene formulario.',
  noFields: 'Este formulario todavía no tiene campos.',
  noTabs: 'No hay ningún formulario abierto.',
  save: 'Guardar formulario',
  saving: 'Guardando…',
  saved: 'Formulario guardado.',
  savedToContact: 'Formulario guardado en el contacto.',
  draftHint: 'Lo que escribes se conserva en este dispositivo hasta que guardes.',
  fixFields: (count: number) => (count === 1 ? 'Revisa el campo marcado.' : `Revisa los ${count} campos marcados.`),
  frameTitle: (name: string) => `${name} (formulario externo)`,
  externalNote: 'Una página externa: su dueño decide qué pregunta. Sus datos llegan cuando se envía.',
  badUrl: 'La dirección del formulario no es una dirección web válida (https).',
  badMessage: 'El formulario externo envió datos que el panel no puede leer: se ignoraron.',
  formsMenu: 'Formularios',
  formsMenuHint: 'Formularios que puedes abrir sin una interacción',
  noManualForms: 'No hay formularios para abrir sin una interacción.',
  opened: (name: string) => `${name} abierto.`,
};

export default es;
