import type { Translation } from '../../localize.js';
import type { BulkStrings } from '../directory-bulk.js';
import type { BulkAction, BulkRefusal } from '../../../core/contacts/index.js';

const n = (value: number, locale: string) => new Intl.NumberFormat(locale).format(value);

type ActionKind = BulkAction['kind'];

const pt: Translation<BulkStrings> = {
  title: 'Atualização em massa',
  scopeSelection: (count: number) =>
    `Isto altera ${count === 1 ? 'o contato selecionado' : `os ${n(count, 'pt')} contatos selecionados`}.`,
  scopeFilter: (count: number) =>
    `Nada está selecionado: isto altera ${count === 1 ? 'o contato' : `todos os ${n(count, 'pt')} contatos`} que atendem ao filtro atual.`,
  actionLabel: 'Ação',
  action: (kind: ActionKind) =>
    ({
      'assign-owner': 'Atribuir responsável',
      'add-tags': 'Adicionar etiquetas',
      'remove-tags': 'Remover etiquetas',
      'set-field': 'Alterar um campo',
    })[kind],
  ownerLabel: 'Responsável',
  ownerHint: 'Deixe vazio para remover o responsável.',
  tagsLabel: 'Etiquetas, separadas por vírgulas',
  fieldLabel: 'Campo',
  valueLabel: 'Novo valor',
  refusal: (reason: BulkRefusal) =>
    ({
      'no-tags': 'Digite pelo menos uma etiqueta.',
      'invalid-value': 'Este valor não corresponde ao campo.',
      'unknown-field': 'Escolha um campo.',
      'field-not-settable': 'Este campo não pode ser alterado em massa.',
    })[reason],
  confirm: (count: number) => `Atualizar ${n(count, 'pt')} ${count === 1 ? 'contato' : 'contatos'}`,
};

export default pt;
