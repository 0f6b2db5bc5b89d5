import { ChatApiError, newClientMessageId, type OutgoingMessage } from './chat-api.ts';
import type { ChatConfig, Language } from './chat-types.ts';
import { say, sizeText } from './dictionary.ts';
import { h, ICONS, icon, uniqueId } from './dom.ts';

export type Composer = { element: HTMLFormElement; focus(): void };

// The agent sees "typing" for a few seconds after each signal; repeat it no more often than this.
const TYPING_REPEAT_MS = 3000;
const TYPING_IDLE_MS = 3000;

/** The message box with its files; it tells the agent while the customer types. */
export function createComposer(options: {
  language: Language;
  limits: ChatConfig['attachments'];
  send(message: OutgoingMessage): Promise<void>;
  typing(isTyping: boolean): void;
}): Composer {
  const { language, limits } = options;
  let files: File[] = [];
  // One id per draft: a send retried after a failure, unchanged, is stored once by the server.
  let draftId: string | null = null;

  const textId = uniqueId('message');
  const fileId = uniqueId('files');
  const text = h('textarea', { id: textId, rows: '2', maxlength: '20000', dir: 'auto' });
  const fileInput = h('input', {
    type: 'file',
    id: fileId,
    class: 'visually-hidden',
    multiple: true,
    accept: limits.types.join(','),
  });
  const fileList = h('ul', { class: 'files', hidden: true });
  const problem = h('p', { class: 'form-error', role: 'alert', hidden: true });
  const sendButton = h('button', { type: 'submit', class: 'send', 'aria-label': say(language, 'send') });
  sendButton.append(icon(ICONS.send));
  const element = h(
    'form',
    { class: 'composer' },
    h('label', { for: textId, class: 'visually-hidden' }, say(language, 'message')),
    fileList,
    problem,
    h(
      'div',
      { class: 'composer-row' },
      fileInput,
      h(
        'label',
        { for: fileId, class: 'attach', title: say(language, 'attach') },
        icon(ICONS.attach),
        h('span', { class: 'visually-hidden' }, say(language, 'attach')),
      ),
      text,
      sendButton,
    ),
  );

  let typingSentAt = 0;
  let idleTimer: ReturnType<typeof setTimeout> | undefined;
  function stopTyping() {
    clearTimeout(idleTimer);
    if (typingSentAt === 0) return;
    typingSentAt = 0;
    options.typing(false);
  }
  text.addEventListener('input', () => {
    draftId = null;
    if (text.value.trim() === '') return stopTyping();
    if (Date.now() - typingSentAt >= TYPING_REPEAT_MS) {
      typingSentAt = Date.now();
      options.typing(true);
    }
    clearTimeout(idleTimer);
    idleTimer = setTimeout(stopTyping, TYPING_IDLE_MS);
  });
  text.addEventListener('blur', stopTyping);
  text.addEventListener('keydown', (event) => {
    // Enter sends, Shift+Enter starts a new line; never while an input method is composing.
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      element.requestSubmit();
    }
  });

  function showProblem(message: string) {
    problem.textContent = message;
    problem.hidden = message === '';
  }

  function renderFiles() {
    fileList.replaceChildren(
      ...files.map((file) => {
        const remove = h('button', {
          type: 'button',
          'aria-label': say(language, 'remove', { name: file.name }),
        });
        remove.append(icon(ICONS.close));
        remove.addEventListener('click', () => {
          files = files.filter((kept) => kept !== file);
          draftId = null;
          renderFiles();
          text.focus();
        });
        return h(
          'li',
          {},
          h('span', { dir: 'auto' }, file.name),
          ` (${sizeText(language, file.size)})`,
          remove,
        );
      }),
    );
    fileList.hidden = files.length === 0;
  }

  fileInput.addEventListener('change', () => {
    const refusals: string[] = [];
    for (const file of Array.from(fileInput.files ?? [])) {
      if (!limits.types.includes(file.type)) refusals.push(say(language, 'fileType', { name: file.name }));
      else if (file.size > limits.maxBytes)
        refusals.push(
          say(language, 'fileSize', { name: file.name, size: sizeText(language, limits.maxBytes) }),
        );
      else if (files.length >= limits.maxCount)
        refusals.push(say(language, 'fileCount', { name: file.name, count: limits.maxCount }));
      else files.push(file);
    }
    fileInput.value = '';
    draftId = null;
    renderFiles();
    showProblem(refusals.join(' '));
  });

  element.addEventListener('submit', async (event) => {
    event.preventDefault();
    const body = text.value.trim();
    if (sendButton.disabled || (body === '' && files.length === 0)) return;
    stopTyping();
    draftId ??= newClientMessageId();
    sendButton.disabled = true;
    sendButton.setAttribute('aria-label', say(language, 'sending'));
    showProblem('');
    try {
      await options.send({ body, clientMessageId: draftId, files });
      text.value = '';
      files = [];
      draftId = null;
      renderFiles();
    } catch (error) {
      const failure = error instanceof ChatApiError ? error : new ChatApiError(0, 'failed', '');
      const fieldMessages = failure.fields.map((field) => field.message).join(' ');
      showProblem(
        failure.status === 0
          ? say(language, 'network')
          : fieldMessages || failure.message || say(language, 'failed'),
      );
    } finally {
      sendButton.disabled = false;
      sendButton.setAttribute('aria-label', say(language, 'send'));
    }
  });

  return { element, focus: () => text.focus() };
}
