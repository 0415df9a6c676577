import type { Translation } from '../../localize.js';
import type { DirectorySourceStrings } from '../directory-source.js';

const n = (value: number, locale: string) => new Intl.NumberFormat(locale).format(value);

const es: Translation<DirectorySourceStrings> = {
  noAdmin:
    'Esta fuente de datos no puede gestionar contactos (filtros, fusión, actualización masiva, importación). Da al directorio una fuente con gestión de contactos, como la fuente local, o pásale sus contactos.',
  writing: (done: number, total: number) => `Guardados ${n(done, 'es')} de ${n(total, 'es')} contactos…`,
  deleteView: (name: string) => `Eliminar la vista «${name}»`,
  detailsTitle: 'Detalles del contacto',
};

export default es;
