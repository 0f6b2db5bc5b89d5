import type {
  chatCommand,
  chatConfig,
  chatEvent,
  chatMessage,
  chatSession,
  publicAttachment,
  publicLanguage,
  startChatRequest,
  Wire,
} from '@sada/contracts';
import type { z } from 'zod';

// The public chat API's shapes as the widget receives them; types only, so no zod in the bundle.
export type Language = z.infer<typeof publicLanguage>;
export type ChatConfig = Wire<z.infer<typeof chatConfig>>;
export type ChatSession = Wire<z.infer<typeof chatSession>>;
export type ChatMessage = Wire<z.infer<typeof chatMessage>>;
export type ChatEvent = Wire<z.infer<typeof chatEvent>>;
export type ChatCommand = z.infer<typeof chatCommand>;
export type PublicAttachment = Wire<z.infer<typeof publicAttachment>>;
export type StartChatRequest = z.input<typeof startChatRequest>;
export type CaseStatus = ChatSession['status'];
