import { expect } from '@open-wc/testing';
import { fillTemplate, missingVariables, templateVariables, templatesFor } from '../../src/core/composer/templates.js';
import type { MessageTemplate } from '../../src/core/types.js';

describe('composer: templates', () => {
  const body = 'Hi {{1}}, your order {{ order_id }} ships {{2}}. Thanks {{1}}!';

  it('extracts placeholders in order, once each', () => {
    expect(templateVariables(body)).to.deep.equal(['1', 'order_id', '2']);
    expect(templateVariables('No variables')).to.deep.equal([]);
  });

  it('fills what has a value and leaves the rest visible', () => {
    expect(fillTemplate(body, { '1': 'Ana', order_id: 'A-7', '2': ' ' })).to.equal('Hi Ana, your order A-7 ships {{2}}. Thanks Ana!');
    expect(missingVariables(body, { '1': 'Ana', '2': ' ' })).to.deep.equal(['order_id', '2']);
  });

  it('does not treat filled values as placeholders again', () => {
    expect(fillTemplate('{{1}} {{2}}', { '1': '{{2}}', '2': 'x' })).to.equal('{{2}} x');
  });

  it('filters templates by channel', () => {
    const templates: MessageTemplate[] = [
      { id: 'a', name: 'A', body: '', channel: 'sms' },
      { id: 'b', name: 'B', body: '', channel: 'whatsapp' },
    ];
    expect(templatesFor(templates, 'sms').map((t) => t.id)).to.deep.equal(['a']);
    expect(templatesFor(undefined, 'sms')).to.deep.equal([]);
  });
});
