import { describe, expect, it } from 'vitest';
import {
  firstNameOf,
  renderTemplate,
  TEMPLATE_VARIABLE_LABELS,
  TEMPLATE_VARIABLES,
  templateVariablesFor,
  unknownTemplateVariables,
} from './reply-template.ts';

describe('renderTemplate', () => {
  it('fills every variable of an Arabic acknowledgement', () => {
    const variables = templateVariablesFor({
      customerName: 'خالد بن سعيد',
      referenceNumber: 'SAD-2026-000042',
      subject: 'الطلب ما وصل',
      agentName: 'نورة العتيبي',
      workspaceName: 'صدى',
    });

    const rendered = renderTemplate(
      'أهلًا {{customer.first_name}}، وصلتنا شكواك «{{case.subject}}» برقم {{case.reference}}. معك {{agent.first_name}} من {{workspace.name}}.',
      variables,
    );

    expect(rendered).toEqual({
      text: 'أهلًا خالد، وصلتنا شكواك «الطلب ما وصل» برقم SAD-2026-000042. معك نورة من صدى.',
      missing: [],
    });
  });

  it('tolerates whitespace inside the braces', () => {
    const rendered = renderTemplate('Dear {{ customer.name }}, {{\tcase.reference\n}}', {
      'customer.name': 'Sara Ali',
      'case.reference': 'SAD-2026-000001',
    });

    expect(rendered.text).toBe('Dear Sara Ali, SAD-2026-000001');
  });

  it('leaves unknown and unfilled variables as written and lists each once', () => {
    const rendered = renderTemplate(
      '{{customer.nickname}} {{ agent.name }} {{customer.nickname}} {{case.reference}}',
      {
        'case.reference': 'SAD-2026-000007',
        'agent.name': '  ',
      },
    );

    expect(rendered).toEqual({
      text: '{{customer.nickname}} {{ agent.name }} {{customer.nickname}} SAD-2026-000007',
      missing: ['customer.nickname', 'agent.name'],
    });
  });

  it('replaces every occurrence and leaves text without placeholders alone', () => {
    expect(renderTemplate('{{agent.name}} / {{agent.name}}', { 'agent.name': 'Omar' }).text).toBe(
      'Omar / Omar',
    );
    expect(renderTemplate('نعتذر عن التأخير {not a variable}', {})).toEqual({
      text: 'نعتذر عن التأخير {not a variable}',
      missing: [],
    });
  });

  it('does not read variables from the object prototype', () => {
    expect(renderTemplate('{{toString}}', {}).missing).toEqual(['toString']);
  });
});

describe('templateVariablesFor', () => {
  it('derives first names from the first word', () => {
    expect(
      templateVariablesFor({
        customerName: '  Sara   Ali ',
        agentName: 'Omar Haddad',
        referenceNumber: 'X-1',
      }),
    ).toEqual({
      'customer.first_name': 'Sara',
      'customer.name': 'Sara   Ali',
      'agent.first_name': 'Omar',
      'agent.name': 'Omar Haddad',
      'case.reference': 'X-1',
    });
  });

  it('keeps compound Arabic first names whole', () => {
    expect(firstNameOf('عبد الله السالم')).toBe('عبد الله');
    expect(firstNameOf('أبو بكر الصديق')).toBe('أبو بكر');
    expect(firstNameOf('Abdul Rahman Khan')).toBe('Abdul Rahman');
    expect(firstNameOf('عبدالرحمن القحطاني')).toBe('عبدالرحمن');
    expect(firstNameOf('نورة')).toBe('نورة');
  });

  it('leaves out what is not known, so the template reports it missing', () => {
    const variables = templateVariablesFor({ customerName: null, referenceNumber: 'SAD-2026-000003' });

    expect(renderTemplate('Hi {{customer.first_name}} ({{case.reference}})', variables)).toEqual({
      text: 'Hi {{customer.first_name}} (SAD-2026-000003)',
      missing: ['customer.first_name'],
    });
  });
});

describe('template variables', () => {
  it('labels every variable in both languages', () => {
    expect(Object.keys(TEMPLATE_VARIABLE_LABELS).sort()).toEqual([...TEMPLATE_VARIABLES].sort());
  });

  it('names the placeholders that are not variables', () => {
    expect(unknownTemplateVariables('{{customer.name}} {{ customer.firstname }} {{agent.nam}}')).toEqual([
      'customer.firstname',
      'agent.nam',
    ]);
    expect(unknownTemplateVariables('{{case.reference}}')).toEqual([]);
  });
});
