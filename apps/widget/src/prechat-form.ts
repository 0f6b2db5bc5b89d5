import { ChatApiError, type FieldProblem } from './chat-api.ts';
import type { Language, StartChatRequest } from './chat-types.ts';
import { type Phrase, say } from './dictionary.ts';
import { h, uniqueId } from './dom.ts';

type FieldName = 'name' | 'email' | 'topic' | 'message';
type Field = { input: HTMLInputElement | HTMLTextAreaElement; error: HTMLElement };

export type PrechatForm = { element: HTMLFormElement; focus(): void };

const looksLikeEmail = (value: string) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value);

/** Name, e-mail, optional topic and the first message; the server's refusals appear by their fields. */
export function createPrechatForm(options: {
  language: Language;
  /** A stored chat could not be reopened: say so above the form. */
  hasEnded: boolean;
  start(request: StartChatRequest): Promise<void>;
}): PrechatForm {
  const { language } = options;
  const fields = {} as Record<FieldName, Field>;

  const field = (name: FieldName, phrase: Phrase, input: HTMLInputElement | HTMLTextAreaElement) => {
    const id = uniqueId(name);
    const error = h('p', { class: 'field-error', id: `${id}-error`, hidden: true });
    input.id = id;
    input.name = name;
    input.setAttribute('aria-describedby', error.id);
    fields[name] = { input, error };
    return h('div', { class: 'field' }, h('label', { for: id }, say(language, phrase)), input, error);
  };

  // People never see or fill the honeypot; a bot that fills every input gives itself away.
  const honeypot = h('input', { type: 'text', name: 'website', tabindex: '-1', autocomplete: 'off' });
  const formError = h('p', { class: 'form-error', role: 'alert', hidden: true });
  const submit = h('button', { type: 'submit', class: 'primary' }, say(language, 'start'));
  const element = h(
    'form',
    { class: 'prechat', novalidate: true },
    h('p', { class: 'intro' }, say(language, options.hasEnded ? 'ended' : 'intro')),
    field(
      'name',
      'name',
      h('input', { type: 'text', autocomplete: 'name', maxlength: '200', required: true }),
    ),
    field(
      'email',
      'email',
      h('input', { type: 'email', autocomplete: 'email', dir: 'ltr', maxlength: '254', required: true }),
    ),
    field('topic', 'topic', h('input', { type: 'text', maxlength: '300' })),
    field('message', 'firstMessage', h('textarea', { rows: '3', maxlength: '20000', required: true })),
    h('div', { class: 'honeypot', 'aria-hidden': 'true' }, h('label', {}, 'Website', honeypot)),
    formError,
    submit,
  );

  function showProblems(problems: FieldProblem[], formMessage = '') {
    for (const { input, error } of Object.values(fields)) {
      input.removeAttribute('aria-invalid');
      error.hidden = true;
      error.textContent = '';
    }
    const unplaced: string[] = [];
    for (const problem of problems) {
      const target = fields[problem.field as FieldName];
      if (!target) {
        unplaced.push(problem.message);
        continue;
      }
      target.input.setAttribute('aria-invalid', 'true');
      target.error.textContent = target.error.textContent
        ? `${target.error.textContent} ${problem.message}`
        : problem.message;
      target.error.hidden = false;
    }
    const text = [formMessage, ...unplaced].filter(Boolean).join(' ');
    formError.textContent = text;
    formError.hidden = text === '';
    const firstInvalid = Object.values(fields).find(({ input }) => input.hasAttribute('aria-invalid'));
    firstInvalid?.input.focus();
  }

  element.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (submit.disabled) return;
    const value = (name: FieldName) => fields[name].input.value.trim();
    const problems: FieldProblem[] = [];
    if (!value('name')) problems.push({ field: 'name', message: say(language, 'nameMissing') });
    if (!looksLikeEmail(value('email')))
      problems.push({ field: 'email', message: say(language, 'emailInvalid') });
    if (!value('message')) problems.push({ field: 'message', message: say(language, 'messageMissing') });
    showProblems(problems);
    if (problems.length > 0) return;

    submit.disabled = true;
    submit.textContent = say(language, 'starting');
    try {
      await options.start({
        name: value('name'),
        email: value('email'),
        topic: value('topic'),
        message: value('message'),
        language,
        website: honeypot.value,
      });
    } catch (error) {
      const failure = error instanceof ChatApiError ? error : new ChatApiError(0, 'failed', '');
      const message = failure.status === 0 ? say(language, 'network') : failure.message;
      showProblems(failure.fields, failure.fields.length > 0 ? '' : message || say(language, 'failed'));
    } finally {
      submit.disabled = false;
      submit.textContent = say(language, 'start');
    }
  });

  return {
    element,
    focus() {
      const firstEmpty = Object.values(fields).find(({ input }) => input.value.trim() === '');
      (firstEmpty ?? fields.name).input.focus();
    },
  };
}
