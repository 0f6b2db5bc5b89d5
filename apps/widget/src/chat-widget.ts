import { ChatApiError, createChatApi, type OutgoingMessage } from './chat-api.ts';
import { createChatPanel } from './chat-panel.ts';
import { type ChatSocket, connectChatSocket } from './chat-socket.ts';
import type { ChatEvent, ChatSession, Language } from './chat-types.ts';
import { createComposer } from './composer.ts';
import { chatMemory, chooseLanguage, type Embed } from './embed.ts';
import { createPrechatForm } from './prechat-form.ts';

/** What `window.SadaChat` offers the host page. */
export type ChatControls = { open(): void; close(): void };

const isSessionGone = (error: unknown) => error instanceof ChatApiError && error.isSessionGone;

/**
 * Loads the workspace's chat settings and, when the chat is on, puts the bubble on the page: the
 * stored conversation if its token still opens it, else the pre-chat form. Null when the chat is off.
 */
export async function startChatWidget(embed: Embed): Promise<ChatControls | null> {
  const memory = chatMemory(embed.workspace);
  // Until the settings arrive, ask in the language the page gives (the workspace's may differ).
  let language: Language = chooseLanguage(embed, 'ar');
  const api = createChatApi({ base: embed.base, workspace: embed.workspace, language: () => language });
  const config = await api.config();
  if (!config.isEnabled) return null;
  language = chooseLanguage(embed, config.defaultLanguage);

  const panel = createChatPanel({
    language,
    config,
    attachmentUrl: api.absoluteUrl,
    onOpenChange: memory.saveOpen,
  });
  let token = memory.token();
  let socket: ChatSocket | undefined;
  let isAgentAvailable = config.isAgentAvailable;
  let expectedResponseBy: string | null = null;
  // False while a stored chat could not be fetched yet (server unreachable at page load).
  let hasSession = false;

  function applySession(session: ChatSession) {
    hasSession = true;
    token = session.token;
    memory.saveToken(session.token);
    panel.setReference(session.reference);
    panel.addMessages(session.messages);
    panel.setStatus(session.status);
    isAgentAvailable = session.isAgentAvailable;
    expectedResponseBy = session.expectedResponseBy;
    panel.setAvailability(isAgentAvailable, expectedResponseBy);
  }

  function showPrechat(hasEnded: boolean) {
    const form = createPrechatForm({
      language,
      hasEnded,
      start: async (request) => beginConversation(await api.start(request)),
    });
    panel.show(form);
  }

  /** The conversation view; `session` is null when the stored chat could not be fetched yet. */
  function beginConversation(session: ChatSession | null) {
    const composer = createComposer({
      language,
      limits: config.attachments,
      send: sendMessage,
      typing: (isTyping) => socket?.send({ type: 'typing', isTyping }),
    });
    panel.show(panel.conversation(composer));
    if (session) applySession(session);
    openSocket();
  }

  async function sendMessage(message: OutgoingMessage) {
    if (!token) return;
    try {
      // The same message may also come back on the socket; the panel draws each id once.
      panel.addMessages([await api.send(token, message)]);
    } catch (error) {
      if (isSessionGone(error)) endConversation();
      throw error;
    }
  }

  function endConversation() {
    socket?.close();
    socket = undefined;
    token = null;
    hasSession = false;
    memory.forgetToken();
    panel.clearConversation();
    isAgentAvailable = config.isAgentAvailable;
    expectedResponseBy = null;
    panel.setAvailability(isAgentAvailable, null);
    showPrechat(true);
  }

  /** Fetches the conversation again: after the socket was down, messages may have been missed. */
  async function catchUp() {
    if (!token) return;
    try {
      applySession(await api.current(token));
    } catch (error) {
      if (isSessionGone(error)) endConversation();
    }
  }

  function openSocket() {
    if (!token || socket) return;
    socket = connectChatSocket({
      url: api.socketUrl(token),
      onEvent: handleEvent,
      onOpen(isReconnect) {
        panel.setConnectionLost(false);
        if (isReconnect || !hasSession) void catchUp();
      },
      onClose(hadOpened) {
        panel.setConnectionLost(true);
        // A refused connection may mean the token is gone; the fetch finds out and resets if so.
        if (!hadOpened) void catchUp();
      },
    });
  }

  function handleEvent(event: ChatEvent) {
    switch (event.type) {
      case 'message':
        panel.addMessages([event.message]);
        return;
      case 'typing':
        panel.setTyping(event.name, event.isTyping);
        return;
      case 'availability':
        isAgentAvailable = event.isAgentAvailable;
        panel.setAvailability(isAgentAvailable, expectedResponseBy);
        return;
      case 'status':
        panel.setStatus(event.status);
        return;
      default:
        // A newer server may send events this widget does not know yet.
        event satisfies never;
    }
  }

  panel.setAvailability(isAgentAvailable, null);
  if (token) {
    try {
      beginConversation(await api.current(token));
    } catch (error) {
      if (!isSessionGone(error)) beginConversation(null);
      else {
        token = null;
        memory.forgetToken();
        showPrechat(false);
      }
    }
  } else {
    showPrechat(false);
  }
  panel.mount(memory.wasOpen());
  return { open: () => panel.setOpen(true), close: () => panel.setOpen(false) };
}
