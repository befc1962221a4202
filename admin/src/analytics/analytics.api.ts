/** The dashboard API's answers (src/analytics/analytics.service.ts) and the calls the pages make. */
import { api, withQuery, API_BASE, type Query } from '../api';
import type { Locale } from '../types';

export interface LiveWindow {
  site: number;
  locales: Record<string, number>;
}
export type Trend = 'hot' | 'cooling' | 'steady';
export interface LiveStory {
  editionId: number;
  storyId: number;
  locale: Locale;
  headline: string;
  publishedAt: string | null;
  lastHour: number;
  prevHour: number;
  typical: number | null;
  trend: Trend;
}
export interface LiveSnapshot {
  generatedAt: string;
  windows: { m5: LiveWindow; h1: LiveWindow; d1: LiveWindow };
  sparkline: { from: string; stepMs: number; site: number[]; locales: Record<string, number[]> };
  stories: LiveStory[];
}
export interface StoryNumbers {
  storyId: number;
  sectionId: number | null;
  publishedAt: string | null;
  editions: { id: number; locale: Locale; headline: string; status: string; publishedAt: string | null; views: number }[];
  total: number;
  sources: { source: string; views: number }[];
  hosts: { source: string; host: string; views: number }[];
  devices: { device: string; views: number }[];
  hourly: { hours: string[]; series: Record<string, number[]>; total: number[]; sectionMedian: (number | null)[] };
  daily: { days: string[]; series: Record<string, number[]>; total: number[]; sectionMedian: (number | null)[] };
}
export interface TopReport {
  period: 'day' | 'week' | 'month';
  fromDay: string;
  toDay: string;
  rows: { rank: number; editionId: number; storyId: number; locale: Locale; headline: string; publishedAt: string | null; views: number }[];
}
export interface TotalsReport {
  by: 'section' | 'author' | 'locale';
  from: string;
  to: string;
  days: string[];
  groups: { key: string; names: Record<string, string>; total: number; series: number[] }[];
}

export const analyticsApi = {
  live: (signal?: AbortSignal) => api.get<LiveSnapshot>('/analytics/live', undefined, signal),
  story: (id: number, signal?: AbortSignal) => api.get<StoryNumbers>(`/analytics/stories/${id}`, undefined, signal),
  top: (q: Query, signal?: AbortSignal) => api.get<TopReport>('/analytics/top', q, signal),
  totals: (q: Query, signal?: AbortSignal) => api.get<TotalsReport>('/analytics/totals', q, signal),
  /** The same report as a CSV download (a plain link: the session cookie goes with it). */
  csvUrl: (report: 'top' | 'totals', q: Query) => withQuery(`${API_BASE}/analytics/${report}`, { ...q, format: 'csv' }),
};
