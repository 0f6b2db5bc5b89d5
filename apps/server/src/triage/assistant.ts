// The optional large language model: any endpoint that speaks OpenAI's chat-completions API
// (OpenAI, Azure OpenAI, a local Ollama or vLLM…). Off unless a workspace admin turns it on; nothing
// else in Sada needs it.
import { AppError } from '@sada/core';

export type AssistantEndpoint = { baseUrl: string; model: string; apiKey: string | undefined };
export type ChatMessage = { role: 'system' | 'user' | 'assistant'; content: string };

const TIMEOUT_MS = 60_000;

function unavailable(en: string, ar: string, cause?: unknown) {
  return new AppError('unavailable', { en, ar }, { cause });
}

/** POST {baseUrl}/chat/completions and return the first choice's text. */
export async function completeChat(
  endpoint: AssistantEndpoint,
  messages: ChatMessage[],
  options: { timeoutMs?: number; maxTokens?: number } = {},
): Promise<string> {
  const url = `${endpoint.baseUrl.replace(/\/+$/, '')}/chat/completions`;
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(endpoint.apiKey && { authorization: `Bearer ${endpoint.apiKey}` }),
      },
      body: JSON.stringify({
        model: endpoint.model,
        messages,
        temperature: 0.3,
        max_tokens: options.maxTokens ?? 600,
      }),
      signal: AbortSignal.timeout(options.timeoutMs ?? TIMEOUT_MS),
    });
  } catch (error) {
    throw unavailable(
      `The assistant at ${endpoint.baseUrl} did not answer (${(error as Error).message}). Check its address in the triage settings.`,
      `لم يستجب المساعد على ${endpoint.baseUrl} (${(error as Error).message}). تحقق من عنوانه في إعدادات الفرز.`,
      error,
    );
  }
  const raw = await response.text();
  if (!response.ok) {
    const detail = raw.slice(0, 300);
    throw unavailable(
      `The assistant answered ${response.status}: ${detail}${response.status === 401 ? ' (check the API key)' : ''}`,
      `أجاب المساعد بالرمز ${response.status}: ${detail}${response.status === 401 ? ' (تحقق من مفتاح الواجهة)' : ''}`,
    );
  }
  const content = firstChoiceText(raw);
  if (typeof content !== 'string' || content.trim() === '') {
    throw unavailable(
      'The assistant answered without text; is it an OpenAI-compatible chat-completions endpoint?',
      'أجاب المساعد دون نص؛ هل هو واجهة chat-completions متوافقة مع OpenAI؟',
    );
  }
  return content.trim();
}

function firstChoiceText(raw: string): unknown {
  try {
    return (JSON.parse(raw) as { choices?: { message?: { content?: unknown } }[] }).choices?.[0]?.message
      ?.content;
  } catch {
    return undefined;
  }
}

export type ThreadLine = { from: 'customer' | 'agent' | 'note'; text: string };

const LANGUAGE_NAMES = { ar: 'Arabic', en: 'English' } as const;

/** The messages that ask for a reply to the customer, in the customer's language. */
export function draftReplyPrompt(options: {
  thread: ThreadLine[];
  language: 'ar' | 'en';
  customerName: string | null;
  workspaceName: string;
}): ChatMessage[] {
  return [
    {
      role: 'system',
      content: [
        `You are a customer-care agent of ${options.workspaceName}. Write the next reply to the customer in ${LANGUAGE_NAMES[options.language]}.`,
        'Acknowledge the problem, apologise sincerely without excuses or blaming the customer, offer a concrete next step with a time frame, and stay calm and brief.',
        'Never invent facts, amounts or promises that are not in the conversation; where one is needed, write a placeholder in [brackets].',
        options.customerName ? `The customer's name is ${options.customerName}.` : '',
        'Answer with the reply text only.',
      ]
        .filter(Boolean)
        .join(' '),
    },
    { role: 'user', content: threadText(options.thread) },
  ];
}

/** The messages that ask for a short summary of a case for a colleague, in the agent's language. */
export function summaryPrompt(options: { thread: ThreadLine[]; language: 'ar' | 'en' }): ChatMessage[] {
  return [
    {
      role: 'system',
      content: `Summarise this customer-care case for a colleague in ${LANGUAGE_NAMES[options.language]}, in at most five short bullet points: what the customer wants, what was done or promised, and what is still open. Use only facts from the conversation.`,
    },
    { role: 'user', content: threadText(options.thread) },
  ];
}

// Long threads keep their start and their latest messages.
const MAX_THREAD_CHARS = 12_000;

function threadText(thread: ThreadLine[]): string {
  const lines = thread.map((line) => `[${line.from}] ${line.text}`);
  let text = lines.join('\n\n');
  if (text.length <= MAX_THREAD_CHARS) return text;
  const head = lines.slice(0, 2).join('\n\n');
  const tail: string[] = [];
  for (let i = lines.length - 1; i >= 2; i--) {
    if (head.length + tail.join('\n\n').length + (lines[i]?.length ?? 0) > MAX_THREAD_CHARS) break;
    tail.unshift(lines[i]!);
  }
  text = `${head}\n\n[… earlier messages left out …]\n\n${tail.join('\n\n')}`;
  return text;
}
