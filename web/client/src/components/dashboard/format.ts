import dayjs from 'dayjs';

const HOUR = 3_600_000;

/** A time as the dashboards show it: `2021-12-20 17:00`, in the browser's time zone. */
export function timeLabel(time: Date | string): string {
  return dayjs(time).format('YYYY-MM-DD HH:mm');
}

/** A span in words a person reads at a glance: `3 小时`, `2 天 5 小时`. */
export function spanLabel(ms: number): string {
  const hours = Math.max(0, Math.floor(ms / HOUR));
  if (hours < 1) return '不到 1 小时';
  const days = Math.floor(hours / 24);
  const rest = hours % 24;
  return days ? `${days} 天${rest ? ` ${rest} 小时` : ''}` : `${hours} 小时`;
}

/** `part` as a whole percentage of `whole`, at most 100 (a whole of 0 counts as 1). */
export function percent(part: number, whole: number): number {
  return Math.min(100, Math.round((part / Math.max(1, whole)) * 100));
}
