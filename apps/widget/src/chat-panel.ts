import type { CaseStatus, ChatConfig, ChatMessage, Language, PublicAttachment } from './chat-types.ts';
import { dateTimeText, hoursText, say, sizeText, timeText } from './dictionary.ts';
import { h, ICONS, icon, uniqueId } from './dom.ts';
import styles from './widget.css?inline';

// Past this silence the agent's "typing" line goes away even if the "stopped" event was lost.
const TYPING_SHOWN_MS = 6000;

/** What the panel shows beneath its header: the pre-chat form or the conversation's composer. */
export type PanelView = { element: HTMLElement; focus(): void };

/**
 * The bubble and the chat dialog inside a shadow root, so the page's styles stay out and ours in.
 * Holds no conversation state beyond what it has drawn; the controller tells it what changed.
 */
export function createChatPanel(options: {
  language: Language;
  config: ChatConfig;
  attachmentUrl(url: string): string;
  onOpenChange(isOpen: boolean): void;
}) {
  const { language, config } = options;
  const dir = language === 'ar' ? 'rtl' : 'ltr';
  const host = document.createElement('sada-chat');
  host.setAttribute('dir', dir);
  const shadow = host.attachShadow({ mode: 'open' });

  const titleId = uniqueId('title');
  const panelId = uniqueId('panel');
  const reference = h('p', { class: 'reference', hidden: true });
  const closeButton = h('button', { type: 'button', class: 'close', 'aria-label': say(language, 'close') });
  closeButton.append(icon(ICONS.close));
  const notice = h('div', { class: 'notice', role: 'status', hidden: true });
  const body = h('div', { class: 'body' });
  const panel = h(
    'section',
    { class: 'panel', id: panelId, role: 'dialog', 'aria-labelledby': titleId, hidden: true },
    h(
      'header',
      {},
      h(
        'div',
        {},
        h('h2', { id: titleId }, say(language, 'title', { workspace: config.workspaceName })),
        reference,
      ),
      closeButton,
    ),
    notice,
    body,
  );
  const bubble = h('button', {
    type: 'button',
    class: 'bubble',
    'aria-label': say(language, 'bubble'),
    'aria-expanded': 'false',
    'aria-controls': panelId,
  });
  bubble.append(icon(ICONS.chat));
  const root = h('div', { class: 'root', dir, lang: language }, panel, bubble);
  if (/^#[0-9a-f]{6}$/i.test(config.accentColor)) {
    root.style.setProperty('--accent', config.accentColor);
    root.style.setProperty('--on-accent', isLight(config.accentColor) ? '#111' : '#fff');
  }
  shadow.append(h('style', {}, styles), root);

  // The conversation's parts, drawn once a chat exists.
  const log = h('div', {
    class: 'log',
    role: 'log',
    'aria-live': 'polite',
    // A region that scrolls must be reachable by keyboard.
    tabindex: '0',
    'aria-label': say(language, 'messages'),
  });
  const typing = h('p', { class: 'typing', 'aria-live': 'polite' });
  const statusNote = h('p', { class: 'status-note', hidden: true });
  const connection = h('p', { class: 'connection', hidden: true }, say(language, 'reconnecting'));
  const drawn = new Map<string, { element: HTMLElement; createdAt: string }>();
  let view: PanelView | undefined;
  let typingTimer: ReturnType<typeof setTimeout> | undefined;

  const greeting = config.greeting[language].trim();
  if (greeting)
    log.append(h('div', { class: 'message greeting', 'data-from': 'agent', dir: 'auto' }, greeting));

  function setOpen(isOpen: boolean, { moveFocus = true } = {}) {
    if (panel.hidden === !isOpen) return;
    panel.hidden = !isOpen;
    bubble.setAttribute('aria-expanded', String(isOpen));
    if (isOpen) {
      delete bubble.dataset.unread;
      bubble.setAttribute('aria-label', say(language, 'bubble'));
      log.scrollTop = log.scrollHeight;
      if (moveFocus) view?.focus();
    } else if (moveFocus) {
      bubble.focus();
    }
    options.onOpenChange(isOpen);
  }
  bubble.addEventListener('click', () => setOpen(panel.hidden));
  closeButton.addEventListener('click', () => setOpen(false));
  panel.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape') return;
    event.stopPropagation();
    setOpen(false);
  });

  function setTyping(name: string | null, isTyping: boolean) {
    clearTimeout(typingTimer);
    typing.textContent = isTyping
      ? name
        ? say(language, 'typingNamed', { name })
        : say(language, 'typing')
      : '';
    if (isTyping) typingTimer = setTimeout(() => setTyping(null, false), TYPING_SHOWN_MS);
  }

  function drawMessage(message: ChatMessage): HTMLElement {
    const author =
      message.from === 'customer' ? say(language, 'you') : (message.authorName ?? say(language, 'team'));
    const files = message.attachments.map((file) => drawAttachment(file));
    return h(
      'div',
      { class: 'message', 'data-from': message.from, 'data-id': message.id },
      h(
        'p',
        { class: 'meta' },
        h('span', { dir: 'auto' }, author),
        ' · ',
        h('time', { datetime: message.createdAt }, timeText(language, message.createdAt)),
      ),
      message.body && h('p', { class: 'text', dir: 'auto' }, message.body),
      files.length > 0 && h('ul', { class: 'attachments' }, ...files),
    );
  }

  function drawAttachment(file: PublicAttachment): HTMLElement {
    const url = options.attachmentUrl(file.url);
    const label = `${file.name} (${sizeText(language, file.size)})`;
    // Only web links: a server answer must never turn into a javascript: URL on the customer's page.
    if (!/^https?:/i.test(url)) return h('li', { dir: 'auto' }, label);
    return h(
      'li',
      {},
      h('a', { href: url, target: '_blank', rel: 'noopener noreferrer', dir: 'auto' }, label),
    );
  }

  return {
    host,
    /** Adds the panel to the page; `isOpen` restores the state of the previous page of this tab. */
    mount(isOpen: boolean) {
      document.body.append(host);
      if (isOpen) setOpen(true, { moveFocus: false });
    },
    setOpen,
    isOpen: () => !panel.hidden,
    show(next: PanelView) {
      view = next;
      body.replaceChildren(next.element);
      if (!panel.hidden) next.focus();
    },
    /** The conversation around the composer: messages, typing line, notes. */
    conversation(composer: PanelView): PanelView {
      return {
        element: h('div', { class: 'conversation' }, log, typing, statusNote, connection, composer.element),
        focus: composer.focus,
      };
    },
    setReference(value: string) {
      // Isolated, so a Latin reference keeps its order inside Arabic text.
      reference.textContent = say(language, 'reference', { reference: `\u2066${value}\u2069` });
      reference.hidden = false;
    },
    /** Draws the messages not drawn yet, in time order; a message known by its id is skipped. */
    addMessages(messages: ChatMessage[]) {
      const isAtBottom = log.scrollHeight - log.scrollTop - log.clientHeight < 40;
      let hasNewFromTeam = false;
      let hasNewFromCustomer = false;
      for (const message of messages) {
        if (drawn.has(message.id)) continue;
        const element = drawMessage(message);
        // The log stays in time order: a message caught up after a reconnection goes in its place.
        const later = Array.from(log.children).find((child) => {
          const other = drawn.get((child as HTMLElement).dataset.id ?? '');
          return other !== undefined && other.createdAt > message.createdAt;
        });
        log.insertBefore(element, later ?? null);
        drawn.set(message.id, { element, createdAt: message.createdAt });
        if (message.from === 'agent') hasNewFromTeam = true;
        else hasNewFromCustomer = true;
      }
      if (hasNewFromTeam) setTyping(null, false);
      if (isAtBottom || hasNewFromCustomer) log.scrollTop = log.scrollHeight;
      if (hasNewFromTeam && panel.hidden) {
        bubble.dataset.unread = 'true';
        bubble.setAttribute('aria-label', say(language, 'bubbleUnread'));
      }
    },
    setTyping,
    /** Without an agent online the customer is told when to expect the answer by e-mail. */
    setAvailability(isAgentAvailable: boolean, expectedResponseBy: string | null) {
      notice.hidden = isAgentAvailable;
      if (isAgentAvailable) return;
      const promise = expectedResponseBy
        ? say(language, 'offlineBy', { time: dateTimeText(language, expectedResponseBy) })
        : say(language, 'offlineWithin', { hours: hoursText(language, config.expectedResponseHours) });
      notice.replaceChildren(h('strong', {}, say(language, 'offline')), ' ', promise);
    },
    setStatus(status: CaseStatus) {
      const isFinished = status === 'resolved' || status === 'closed';
      statusNote.hidden = !isFinished;
      statusNote.textContent = isFinished ? say(language, status) : '';
    },
    setConnectionLost(isLost: boolean) {
      connection.hidden = !isLost;
    },
    /** Back to an empty conversation, for a chat that ended and a new one to come. */
    clearConversation() {
      for (const { element } of drawn.values()) element.remove();
      drawn.clear();
      reference.hidden = true;
      statusNote.hidden = true;
      setTyping(null, false);
    },
  };
}
export type ChatPanel = ReturnType<typeof createChatPanel>;

/** Dark text on light accents, white on dark ones (relative luminance, WCAG's formula). */
function isLight(hex: string): boolean {
  const channel = (offset: number) => {
    const value = Number.parseInt(hex.slice(offset, offset + 2), 16) / 255;
    return value <= 0.03928 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5) > 0.179;
}
