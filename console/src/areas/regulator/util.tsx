import type { ComponentChildren } from 'preact';
import { sessionUser } from '../../core/auth';
import { t } from '../../core/i18n';
import { Link } from '../../core/router';
import { DataTable } from '../../core/ui';

/** Today's calendar day in Beijing (the exchange's day), as YYYY-MM-DD. */
export function beijingToday(): string {
  return new Date().toLocaleDateString('en-CA', { timeZone: 'Asia/Shanghai' });
}

/** A YYYY-MM-DD day moved by `days`. */
export function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().substring(0, 10);
}

/** The instant a Beijing calendar day starts, as the ISO instant the API takes. */
export function dayStart(day: string): string {
  return new Date(`${day}T00:00:00+08:00`).toISOString();
}

export function isRegulator(): boolean {
  return sessionUser()?.roles.includes('regulator') ?? false;
}

/**
 * An id as shown in a table: the whole id is in the page (so it is the link's accessible name and copies whole), and
 * CSS cuts it to its head with an ellipsis; the tooltip shows it all.
 */
function hashClass(short?: boolean): string {
  return short ? 'hash reg-short' : 'hash';
}

function IdCode(props: { id: string; short?: boolean }) {
  return <code class={hashClass(props.short)} title={props.short ? props.id : undefined}>{props.id}</code>;
}

/**
 * A pseudonymous account id. For a regulator it links to the look-through page with the account filled in (the
 * look-through itself still needs a reason); everyone else sees the id.
 */
export function AccountId(props: { id: string | null | undefined; short?: boolean }) {
  if (!props.id) return <span>—</span>;
  if (props.id === 'system' || !isRegulator()) return <IdCode id={props.id} short={props.short} />;
  return (
    <Link href={`/supervision/look-through?account=${encodeURIComponent(props.id)}`} class="reg-account"
      title={`${props.id} · ${t('reg.account.lookThrough')}`}>
      <code class={hashClass(props.short)}>{props.id}</code>
    </Link>
  );
}

/** A work id linking to its provenance. */
export function WorkLink(props: { id: string | null | undefined; short?: boolean; children?: ComponentChildren }) {
  if (!props.id) return <span>—</span>;
  return (
    <Link href={`/supervision/provenance/${encodeURIComponent(props.id)}`} title={props.id}>
      {props.children ?? <code class={hashClass(props.short)}>{props.id}</code>}
    </Link>
  );
}

export function TradeLink(props: { id: string | null | undefined; short?: boolean }) {
  if (!props.id) return <span>—</span>;
  return (
    <Link href={`/supervision/trades/${encodeURIComponent(props.id)}`} title={props.id}>
      <code class={hashClass(props.short)}>{props.id}</code>
    </Link>
  );
}

/** An id that links nowhere, shortened in tables. */
export function Id(props: { id: string | null | undefined; short?: boolean }) {
  if (!props.id) return <span>—</span>;
  return <IdCode id={props.id} short={props.short} />;
}

/** The console's DataTable inside a wrapper that keeps times and ids on one line and numbers' headers right. */
export function RegTable<T>(props: Parameters<typeof DataTable<T>>[0]) {
  return <div class="reg-table"><DataTable {...props} /></div>;
}

/** A whole hash or transaction id, wrapped (regulators compare them character by character). */
export { FullHash } from '../../core/ui';

/** Compact JSON for audit before/after columns. */
export function jsonText(text: string | null | undefined): string {
  if (!text) return '';
  try {
    return JSON.stringify(JSON.parse(text), null, 1).replace(/\n\s*/g, ' ');
  } catch {
    return text;
  }
}
