import type {
  caseDetail,
  caseEvent,
  fieldDefinition,
  message,
  notification,
  replyTemplate,
  team,
  user,
} from '@sada/contracts';
import type { z } from 'zod';
import type { Wire } from '../api/client.ts';

// The API's shapes as the console receives them (dates as ISO strings); types only, no zod at run time.
export type CaseDetail = Wire<z.infer<typeof caseDetail>>;
export type CaseMessage = Wire<z.infer<typeof message>>;
export type CaseEvent = Wire<z.infer<typeof caseEvent>>;
export type WorkspaceUser = Wire<z.infer<typeof user>>;
export type Team = Wire<z.infer<typeof team>>;
export type FieldDefinition = Wire<z.infer<typeof fieldDefinition>>;
export type ReplyTemplate = Wire<z.infer<typeof replyTemplate>>;
export type UserNotification = Wire<z.infer<typeof notification>>;
