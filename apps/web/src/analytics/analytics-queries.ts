import type {
  BacklogReport,
  CaseFieldValues,
  EmergingIssues,
  HandlingReport,
  HeatmapReport,
  SpikeAlert,
  VolumeReport,
} from '@sada/contracts';
import { useQuery } from '@tanstack/react-query';
import { api, toQueryString, type Wire } from '../api/client.ts';

export type VolumeDimension = 'category' | 'channel' | 'kind' | 'product' | 'region' | 'sentiment' | 'team';
export type HandlingDimension = 'team' | 'agent' | 'channel';
/** The range of creation dates and the case-list filters every figure of the page reads. */
export type Range = {
  from: string;
  to: string;
  team?: string[];
  channel?: string[];
  category?: string[];
  product?: string[];
  region?: string[];
};

/** The filters of a range without its dates (the backlog is always "now"). */
export const filtersOf = ({ from: _from, to: _to, ...filters }: Range) => filters;

export function useVolume(range: Range, by: VolumeDimension, interval: 'day' | 'week') {
  return useQuery({
    queryKey: ['analytics', 'volume', range, by, interval],
    queryFn: ({ signal }) =>
      api.get<Wire<VolumeReport>>(`/api/analytics/volume${toQueryString({ ...range, by, interval })}`, {
        signal,
      }),
  });
}

export function useHandling(range: Range, by: HandlingDimension) {
  return useQuery({
    queryKey: ['analytics', 'handling', range, by],
    queryFn: ({ signal }) =>
      api.get<Wire<HandlingReport>>(`/api/analytics/handling${toQueryString({ ...range, by })}`, { signal }),
  });
}

export function useHeatmap(range: Range) {
  return useQuery({
    queryKey: ['analytics', 'heatmap', range],
    queryFn: ({ signal }) =>
      api.get<Wire<HeatmapReport>>(`/api/analytics/heatmap${toQueryString(range)}`, { signal }),
  });
}

/** The products or regions of the range's cases, most frequent first: what the page's filters offer. */
export function useFieldValues(field: CaseFieldValues['field'], { from, to }: Pick<Range, 'from' | 'to'>) {
  return useQuery({
    queryKey: ['analytics', 'values', field, from, to],
    queryFn: ({ signal }) =>
      api.get<Wire<CaseFieldValues>>(`/api/analytics/values${toQueryString({ field, from, to })}`, {
        signal,
      }),
  });
}

export function useBacklog(range: Range) {
  const filters = filtersOf(range);
  return useQuery({
    queryKey: ['analytics', 'backlog', filters],
    queryFn: ({ signal }) =>
      api.get<Wire<BacklogReport>>(`/api/analytics/backlog${toQueryString(filters)}`, { signal }),
  });
}

export type SpikeAlertItem = Wire<SpikeAlert>;

export function useSpikeAlerts() {
  return useQuery({
    queryKey: ['analytics', 'alerts'],
    queryFn: ({ signal }) => api.get<{ items: SpikeAlertItem[] }>('/api/analytics/alerts', { signal }),
  });
}

export function useEmergingIssues(range: Range) {
  return useQuery({
    queryKey: ['analytics', 'issues', range],
    queryFn: ({ signal }) =>
      api.get<Wire<EmergingIssues>>(`/api/analytics/issues${toQueryString(range)}`, { signal }),
  });
}
