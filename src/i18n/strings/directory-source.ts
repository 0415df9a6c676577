import { defineStrings } from '../localize.js';

const n = (value: number, locale: string) => new Intl.NumberFormat(locale).format(value);

/** The contact directory working on a data source: loading, writing, views, details. */
export const directorySourceStrings = defineStrings({
  en: {
    noAdmin:
      'This data source cannot manage contacts (filters, merge, bulk update, import). Give the directory a source with contact management, such as the local source, or pass its contacts.',
    loadingRow: 'Loading…',
    writing: (done: number, total: number) => `Saved ${n(done, 'en')} of ${n(total, 'en')} contacts…`,
    deleteView: (name: string) => `Delete view “${name}”`,
    detailsTitle: 'Contact details',
  },
  es: {
    noAdmin:
      'Esta fuente de datos no puede gestionar contactos (filtros, fusión, actualización masiva, importación). Da al directorio una fuente con gestión de contactos, como la fuente local, o pásale sus contactos.',
    loadingRow: 'Cargando…',
    writing: (done: number, total: number) => `Guardados ${n(done, 'es')} de ${n(total, 'es')} contactos…`,
    deleteView: (name: string) => `Eliminar la vista «${name}»`,
    detailsTitle: 'Detalles del contacto',
  },
  pt: {
    noAdmin:
      'Esta fonte de dados não pode gerenciar contatos (filtros, mesclagem, atualização em massa, importação). Dê ao diretório uma fonte com gestão de contatos, como a fonte local, ou passe os contatos.',
    loadingRow: 'Carregando…',
    writing: (done: number, total: number) => `Salvos ${n(done, 'pt')} de ${n(total, 'pt')} contatos…`,
    deleteView: (name: string) => `Excluir a visualização “${name}”`,
    detailsTitle: 'Detalhes do contato',
  },
});
