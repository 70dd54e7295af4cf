import type { ComponentChildren } from 'preact';
import { t, tCode } from '../../../core/i18n';
import { Hash } from '../../../core/ui';

/** A pseudonymous account id, shortened, whole in the tooltip. */
export const Account = (p: { id: string | null | undefined }) => <Hash value={p.id} keep={14} />;

/** A filter bar: a form whose submit applies the filters (Enter works in every field). */
export function FilterBar(props: { label: string; onApply: () => void; children: ComponentChildren }) {
  return (
    <form class="filters ops-filters" role="search" aria-label={props.label}
      onSubmit={e => { e.preventDefault(); props.onApply(); }}>
      {props.children}
      <button type="submit" class="btn btn-secondary">{t('ops.filter.apply')}</button>
    </form>
  );
}

/** Replaces the query string of the current page without a new history entry per keystroke. */
export function queryString(values: Record<string, string>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(values)) if (v) q.set(k, v);
  const s = q.toString();
  return s ? `?${s}` : '';
}

export const ruleName = (rule: string | null | undefined) => tCode('ops.rule', rule);
export const RULES = ['VELOCITY', 'CIRCULAR_TRADE', 'PUMP_AND_DUMP', 'CONCENTRATION', 'REPEATED_PAIR'] as const;
export const CASE_STATUSES = ['OPEN', 'ESCALATED', 'ACTIONED', 'DISMISSED'] as const;

/** Basis points as a percentage for hints ("250 bp = 2.5%"). */
export function bpHint(bp: number | string): string {
  const n = Number(bp);
  if (!Number.isFinite(n)) return '';
  return t('ops.bp.hint', { pct: (n / 100).toLocaleString(undefined, { maximumFractionDigits: 2 }) });
}
