import type { ChatConfig, ChatMessage, ChatSession, Language, StartChatRequest } from './chat-types.ts';

/** A field the server refused: its path without the `body.` prefix (`email`, `name`) and why. */
export type FieldProblem = { field: string; message: string };

/** An error answer of the public API; status 0 when the server could not be reached at all. */
export class ChatApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: FieldProblem[] = [],
  ) {
    super(message);
  }

  /** The token no longer opens a chat: forget it and start over. */
  get isSessionGone() {
    return this.status === 401 || this.status === 404;
  }
}

export type OutgoingMessage = { body: string; clientMessageId: string; files: File[] };

type RequestOptions = { method?: string; token?: string; json?: unknown; form?: FormData };

/** The public chat endpoints of one workspace on one Sada server. */
export function createChatApi(options: { base: string; workspace: string; language: () => Language }) {
  const root = `${options.base}/api/public/${encodeURIComponent(options.workspace)}`;

  async function request<T>(path: string, { method = 'GET', token, json, form }: RequestOptions = {}) {
    const headers: Record<string, string> = {
      accept: 'application/json',
      'accept-language': options.language(),
    };
    if (token) headers['x-sada-chat-token'] = token;
    if (json !== undefined) headers['content-type'] = 'application/json';
    let response: Response;
    try {
      response = await fetch(root + path, {
        method,
        headers,
        body: form ?? (json === undefined ? undefined : JSON.stringify(json)),
        credentials: 'omit',
      });
    } catch {
      throw new ChatApiError(0, 'network', 'network');
    }
    const answer: unknown = await response.json().catch(() => null);
    if (!response.ok) throw toApiError(response.status, answer);
    return answer as T;
  }

  return {
    config: () => request<ChatConfig>('/chat/config'),
    current: (token: string) => request<ChatSession>('/chats/current', { token }),
    start: (body: StartChatRequest) => request<ChatSession>('/chats', { method: 'POST', json: body }),
    send(token: string, message: OutgoingMessage) {
      if (message.files.length === 0) {
        const json = { body: message.body, clientMessageId: message.clientMessageId };
        return request<ChatMessage>('/chats/current/messages', { method: 'POST', token, json });
      }
      const form = new FormData();
      form.append('body', message.body);
      form.append('clientMessageId', message.clientMessageId);
      for (const file of message.files) form.append('attachments', file, file.name);
      return request<ChatMessage>('/chats/current/messages', { method: 'POST', token, form });
    },
    socketUrl: (token: string) =>
      `${root.replace(/^http/, 'ws')}/chats/current/socket?token=${encodeURIComponent(token)}`,
    /** Attachment links may be relative to the server; never relative to the host page. */
    absoluteUrl: (url: string) => new URL(url, options.base).href,
  };
}
export type ChatApi = ReturnType<typeof createChatApi>;

function toApiError(status: number, answer: unknown): ChatApiError {
  const error = (answer as { error?: { code?: unknown; message?: unknown; fields?: unknown } } | null)?.error;
  const fields = Array.isArray(error?.fields)
    ? (error.fields as { path?: unknown; message?: unknown }[]).flatMap((problem) =>
        typeof problem.path === 'string' && typeof problem.message === 'string'
          ? [{ field: problem.path.replace(/^body\./, ''), message: problem.message }]
          : [],
      )
    : [];
  return new ChatApiError(
    status,
    typeof error?.code === 'string' ? error.code : 'http_error',
    typeof error?.message === 'string' ? error.message : '',
    fields,
  );
}

/** A random id per outgoing message, so a retried send is stored once. */
export function newClientMessageId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}
