import type {
  businessCalendar,
  calendarList,
  createCalendarRequest,
  staffingGrid,
  updateCalendarRequest,
} from '@sada/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api, type Wire } from '../../api/client.ts';

export type BusinessCalendar = Wire<z.infer<typeof businessCalendar>>;
export type CalendarList = Wire<z.infer<typeof calendarList>>;
export type CalendarInput = z.input<typeof createCalendarRequest>;
export type StaffingGrid = Wire<z.infer<typeof staffingGrid>>;

const calendarsKey = ['calendars'] as const;

/** The calendars, the workspace's choice and each team's. */
export const useCalendars = () =>
  useQuery({
    queryKey: calendarsKey,
    queryFn: ({ signal }) => api.get<CalendarList>('/api/calendars', { signal }),
  });

function useCalendarChange<Input, Output>(mutationFn: (input: Input) => Promise<Output>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: calendarsKey }),
  });
}

export const useCreateCalendar = () =>
  useCalendarChange((input: CalendarInput) => api.post<BusinessCalendar>('/api/calendars', input));
export const useUpdateCalendar = () =>
  useCalendarChange(({ id, ...changes }: z.input<typeof updateCalendarRequest> & { id: string }) =>
    api.patch<BusinessCalendar>(`/api/calendars/${id}`, changes),
  );
export const useDeleteCalendar = () =>
  useCalendarChange((id: string) => api.delete<void>(`/api/calendars/${id}`));
/** `teamId` null: the workspace's calendar. */
export const useChooseCalendar = () =>
  useCalendarChange(({ teamId, calendarId }: { teamId: string | null; calendarId: string | null }) =>
    api.patch<CalendarList>(teamId ? `/api/teams/${teamId}/calendar` : '/api/calendars/default', {
      calendarId,
    }),
  );

export const useStaffing = (query: { weeks: number; teamId: string | null; handleMinutes: number }) =>
  useQuery({
    queryKey: ['staffing', query],
    queryFn: ({ signal }) => {
      const params = new URLSearchParams({
        weeks: String(query.weeks),
        handleMinutes: String(query.handleMinutes),
      });
      if (query.teamId) params.set('team', query.teamId);
      return api.get<StaffingGrid>(`/api/staffing?${params}`, { signal });
    },
  });
