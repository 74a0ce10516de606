/** The trend chart's geometry and words: errors and alerts per run, oldest on the left. */
import { counted } from '../format.ts';
import { shortTime } from './when.ts';

export interface TrendRun {
  at: string;
  errors: number;
  alerts: number;
}

export const WIDTH = 600;
export const HEIGHT = 180;
export const PAD = { left: 44, right: 16, top: 12, bottom: 28 };

export interface TrendPoint extends TrendRun {
  x: number;
  yErrors: number;
  yAlerts: number;
  label: string;
}

export function trendPoints(runs: readonly TrendRun[]): { points: TrendPoint[]; max: number } {
  const max = Math.max(1, ...runs.map((r) => Math.max(r.errors, r.alerts)));
  const span = WIDTH - PAD.left - PAD.right;
  const height = HEIGHT - PAD.top - PAD.bottom;
  const y = (n: number) => PAD.top + height - (n / max) * height;
  const points = runs.map((r, i) => ({
    ...r,
    x: PAD.left + (runs.length === 1 ? span / 2 : (i / (runs.length - 1)) * span),
    yErrors: y(r.errors),
    yAlerts: y(r.alerts),
    label: `${shortTime(r.at)}: ${counted(r.errors, 'error')}, ${counted(r.alerts, 'alert')}`,
  }));
  return { points, max };
}

export const polyline = (points: readonly { x: number; y: number }[]) =>
  points.map((p) => `${p.x.toFixed(1)},${p.y.toFixed(1)}`).join(' ');

/** One sentence for the chart's description. */
export function trendSummary(runs: readonly TrendRun[]): string {
  if (runs.length === 0) return 'No runs yet.';
  const first = runs[0];
  const last = runs[runs.length - 1];
  if (runs.length === 1)
    return `One run, ${shortTime(first.at)}: ${counted(first.errors, 'error')} and ${counted(first.alerts, 'alert')}.`;
  return (
    `${runs.length} runs from ${shortTime(first.at)} to ${shortTime(last.at)}: ` +
    `errors went from ${first.errors} to ${last.errors}, alerts from ${first.alerts} to ${last.alerts}.`
  );
}
