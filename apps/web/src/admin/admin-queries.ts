import type {
  channelSettings,
  createFieldRequest,
  createMailboxRequest,
  createSocialChannelRequest,
  createTeamRequest,
  createTemplateRequest,
  createUserRequest,
  mailbox,
  updateChannelSettingsRequest,
  updateFieldRequest,
  updateMailboxRequest,
  updateTeamRequest,
  updateTemplateRequest,
  updateUserRequest,
  updateWorkspaceRequest,
  workspaceSettings,
} from '@sada/contracts';
import { type QueryKey, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api, type Wire } from '../api/client.ts';
import { sessionQueryKey } from '../auth/session.ts';
import type { FieldDefinition, ReplyTemplate, Team, WorkspaceUser } from '../cases/case-types.ts';
import type { SocialChannel } from './social-kinds.ts';

export type { FieldDefinition, ReplyTemplate, Team, WorkspaceUser };
export type WorkspaceSettings = Wire<z.infer<typeof workspaceSettings>>;
export type ChannelSettings = Wire<z.infer<typeof channelSettings>>;
export type ChannelSettingsChanges = z.input<typeof updateChannelSettingsRequest>;
export type Mailbox = Wire<z.infer<typeof mailbox>>;

// The same keys and shapes as the case page and the inbox use, so a change here refreshes them too.
const usersKey = ['users'] as const;
const teamsKey = ['teams'] as const;
const fieldsKey = ['fields'] as const;
const templatesKey = ['templates'] as const;
const workspaceKey = ['workspace'] as const;
const channelSettingsKey = ['channels', 'settings'] as const;
const mailboxesKey = ['channels', 'mailboxes'] as const;

export const useUsers = () =>
  useQuery({
    queryKey: usersKey,
    queryFn: ({ signal }) => api.get<WorkspaceUser[]>('/api/users', { signal }),
  });
export const useTeams = () =>
  useQuery({ queryKey: teamsKey, queryFn: ({ signal }) => api.get<Team[]>('/api/teams', { signal }) });
export const useFields = () =>
  useQuery({
    queryKey: fieldsKey,
    queryFn: ({ signal }) => api.get<FieldDefinition[]>('/api/fields', { signal }),
  });
export const useTemplates = () =>
  useQuery({
    queryKey: templatesKey,
    queryFn: async ({ signal }) =>
      (await api.get<{ items: ReplyTemplate[] }>('/api/templates', { signal })).items,
  });
export const useWorkspace = () =>
  useQuery({
    queryKey: workspaceKey,
    queryFn: ({ signal }) => api.get<WorkspaceSettings>('/api/workspace', { signal }),
  });

/** A change that, once the server accepts it, makes the named lists load again. */
function useChange<Input, Output>(mutationFn: (input: Input) => Promise<Output>, keys: QueryKey[]) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () => {
      for (const queryKey of keys) void queryClient.invalidateQueries({ queryKey });
    },
  });
}

type Input<Schema extends z.ZodType> = z.input<Schema>;

export const useCreateUser = () =>
  useChange(
    (input: Input<typeof createUserRequest>) => api.post<WorkspaceUser>('/api/users', input),
    [usersKey],
  );
export const useUpdateUser = () =>
  useChange(
    ({ id, ...changes }: Input<typeof updateUserRequest> & { id: string }) =>
      api.patch<WorkspaceUser>(`/api/users/${id}`, changes),
    [usersKey, sessionQueryKey],
  );

export const useCreateTeam = () =>
  useChange((input: Input<typeof createTeamRequest>) => api.post<Team>('/api/teams', input), [teamsKey]);
export const useUpdateTeam = () =>
  useChange(
    ({ id, ...changes }: Input<typeof updateTeamRequest> & { id: string }) =>
      api.patch<Team>(`/api/teams/${id}`, changes),
    [teamsKey, sessionQueryKey],
  );

export const useCreateField = () =>
  useChange(
    (input: Input<typeof createFieldRequest>) => api.post<FieldDefinition>('/api/fields', input),
    [fieldsKey],
  );
export const useUpdateField = () =>
  useChange(
    ({ key, ...changes }: Input<typeof updateFieldRequest> & { key: string }) =>
      api.patch<FieldDefinition>(`/api/fields/${encodeURIComponent(key)}`, changes),
    [fieldsKey],
  );

/** A new template is in the list at once, so the editor can open it before the list reloads. */
export function useCreateTemplate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: Input<typeof createTemplateRequest>) =>
      api.post<ReplyTemplate>('/api/templates', input),
    onSuccess: (created) => {
      queryClient.setQueryData<ReplyTemplate[]>(templatesKey, (list) => [...(list ?? []), created]);
      void queryClient.invalidateQueries({ queryKey: templatesKey });
    },
  });
}
export const useUpdateTemplate = () =>
  useChange(
    ({ id, ...changes }: Input<typeof updateTemplateRequest> & { id: string }) =>
      api.patch<ReplyTemplate>(`/api/templates/${id}`, changes),
    [templatesKey],
  );
export const useDeleteTemplate = () =>
  useChange((id: string) => api.delete<void>(`/api/templates/${id}`), [templatesKey]);

/** Workspace settings also travel with the signed-in user (name, prefix, language), so both reload. */
export const useUpdateWorkspace = () =>
  useChange(
    (changes: Input<typeof updateWorkspaceRequest>) =>
      api.patch<WorkspaceSettings>('/api/workspace', changes),
    [workspaceKey, sessionQueryKey],
  );

/** The owned channels: complaint form, captcha, live chat, e-mail, acknowledgement (admins only). */
export const useChannelSettings = () =>
  useQuery({
    queryKey: channelSettingsKey,
    queryFn: ({ signal }) => api.get<ChannelSettings>('/api/channels/settings', { signal }),
  });

/** Saves one part of the channel settings; the answer replaces the cached settings at once. */
export function useUpdateChannelSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (changes: ChannelSettingsChanges) =>
      api.patch<ChannelSettings>('/api/channels/settings', changes),
    onSuccess: (settings) => queryClient.setQueryData(channelSettingsKey, settings),
  });
}

export const useMailboxes = () =>
  useQuery({
    queryKey: mailboxesKey,
    queryFn: async ({ signal }) =>
      (await api.get<{ items: Mailbox[] }>('/api/channels/mailboxes', { signal })).items,
  });
export const useCreateMailbox = () =>
  useChange(
    (input: Input<typeof createMailboxRequest>) => api.post<Mailbox>('/api/channels/mailboxes', input),
    [mailboxesKey],
  );
export const useUpdateMailbox = () =>
  useChange(
    ({ id, ...changes }: Input<typeof updateMailboxRequest> & { id: string }) =>
      api.patch<Mailbox>(`/api/channels/mailboxes/${id}`, changes),
    [mailboxesKey],
  );
export const useDeleteMailbox = () =>
  useChange((id: string) => api.delete<void>(`/api/channels/mailboxes/${id}`), [mailboxesKey]);

const socialChannelsKey = ['channels', 'social'] as const;

/** The connected social accounts (Facebook, Instagram, WhatsApp, Telegram, X). */
export const useSocialChannels = () =>
  useQuery({
    queryKey: socialChannelsKey,
    queryFn: async ({ signal }) =>
      (await api.get<{ items: SocialChannel[] }>('/api/channels', { signal })).items,
  });
export const useConnectSocialChannel = () =>
  useChange(
    (input: Input<typeof createSocialChannelRequest>) => api.post<SocialChannel>('/api/channels', input),
    [socialChannelsKey],
  );
export const useDisconnectSocialChannel = () =>
  useChange((id: string) => api.delete<void>(`/api/channels/${id}`), [socialChannelsKey]);
/** Asks the platform whether the stored credentials still work; the answer also refreshes lastError. */
export const useTestSocialChannel = () =>
  useChange(
    (id: string) =>
      api.post<{ isOk: boolean; detail: string; text: { en: string; ar: string }; code: string | null }>(
        `/api/channels/${id}/test`,
      ),
    [socialChannelsKey],
  );
