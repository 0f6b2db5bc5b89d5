import type { ChatCommand, ChatEvent } from './chat-types.ts';

export type ChatSocket = { send(command: ChatCommand): void; close(): void };

type ChatSocketOptions = {
  url: string;
  onEvent(event: ChatEvent): void;
  /** `isReconnect`: the socket was down, so messages may have been missed meanwhile. */
  onOpen(isReconnect: boolean): void;
  /** `hadOpened`: false when the server refused the connection (perhaps the token is gone). */
  onClose(hadOpened: boolean): void;
};

const FIRST_DELAY_MS = 1000;
const LONGEST_DELAY_MS = 30_000;

/** The chat's WebSocket, reopened with growing, jittered delays until `close()`. */
export function connectChatSocket(options: ChatSocketOptions): ChatSocket {
  let socket: WebSocket | undefined;
  let failures = 0;
  let hasEverOpened = false;
  let isClosed = false;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;

  function open() {
    let hasOpened = false;
    const current = new WebSocket(options.url);
    socket = current;
    current.onopen = () => {
      hasOpened = true;
      failures = 0;
      options.onOpen(hasEverOpened);
      hasEverOpened = true;
    };
    current.onmessage = (message) => {
      const event = parseEvent(message.data);
      if (event) options.onEvent(event);
    };
    current.onclose = () => {
      if (isClosed || socket !== current) return;
      options.onClose(hasOpened);
      // Jitter keeps a server restart from being answered by every widget at the same instant.
      const delay = Math.min(LONGEST_DELAY_MS, FIRST_DELAY_MS * 2 ** failures) * (0.5 + Math.random() / 2);
      failures += 1;
      retryTimer = setTimeout(open, delay);
    };
  }
  open();

  return {
    send(command) {
      if (socket?.readyState === WebSocket.OPEN) socket.send(JSON.stringify(command));
    },
    close() {
      isClosed = true;
      clearTimeout(retryTimer);
      socket?.close();
    },
  };
}

function parseEvent(data: unknown): ChatEvent | undefined {
  if (typeof data !== 'string') return undefined;
  try {
    const event = JSON.parse(data) as { type?: unknown } | null;
    return event && typeof event.type === 'string' ? (event as ChatEvent) : undefined;
  } catch {
    return undefined;
  }
}
