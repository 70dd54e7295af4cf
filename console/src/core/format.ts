import { lang } from './i18n';

/** Money is integer fen on the wire (service: domain.Money). Shown as yuan with two decimals. */
export function yuan(fen: number | null | undefined): string {
  if (fen === null || fen === undefined) return '—';
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const whole = Math.floor(abs / 100).toLocaleString(lang() === 'zh' ? 'zh-CN' : 'en-US');
  return `${sign}¥${whole}.${String(abs % 100).padStart(2, '0')}`;
}

/** Parses a yuan amount typed by a user ("12", "12.5", "1,234.56") into fen; null when it is not one. */
export function parseYuan(text: string): number | null {
  const clean = text.replace(/[,\s¥]/g, '');
  if (!/^\d+(\.\d{1,2})?$/.test(clean)) return null;
  const [whole, frac = ''] = clean.split('.');
  return Number(whole) * 100 + Number(frac.padEnd(2, '0'));
}

/** Times are shown in China Standard Time, the exchange's time zone, whatever the browser's zone is. */
export function dateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleString(lang() === 'zh' ? 'zh-CN' : 'en-GB', {
    timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit',
    hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false,
  });
}

export function shortHash(hash: string | null | undefined, keep = 10): string {
  if (!hash) return '—';
  return hash.length <= keep + 2 ? hash : `${hash.substring(0, keep)}…`;
}

export function bytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${(n / 1024 / 1024).toFixed(1)} MiB`;
}

/** Share in basis points (10,000 = 100 %). */
export function percentBp(bp: number | null | undefined): string {
  if (bp === null || bp === undefined) return '—';
  return `${(bp / 100).toFixed(bp % 100 === 0 ? 0 : 2)}%`;
}
