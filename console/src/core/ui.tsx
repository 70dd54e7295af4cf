import type { ComponentChildren, JSX } from 'preact';
import { useEffect, useId, useState } from 'preact/hooks';
import { ApiProblem, imageUrl } from './api';
import { dateTime, shortHash, yuan } from './format';
import { t, tCode } from './i18n';

/* ---------- page structure ---------------------------------------------------------------------------------- */

export function Page(props: { title: string; subtitle?: string; actions?: ComponentChildren; children: ComponentChildren }) {
  useEffect(() => { document.title = `${props.title} · dcx`; }, [props.title]);
  return (
    <section class="page" aria-labelledby="page-title">
      <header class="page-head">
        <div>
          <h1 id="page-title">{props.title}</h1>
          {props.subtitle && <p class="muted">{props.subtitle}</p>}
        </div>
        {props.actions && <div class="page-actions">{props.actions}</div>}
      </header>
      {props.children}
    </section>
  );
}

export function Card(props: { title?: string; actions?: ComponentChildren; children: ComponentChildren; class?: string; testId?: string }) {
  return (
    <section class={`card ${props.class ?? ''}`} data-testid={props.testId}>
      {(props.title || props.actions) && (
        <header class="card-head">
          {props.title && <h2>{props.title}</h2>}
          {props.actions && <div class="card-actions">{props.actions}</div>}
        </header>
      )}
      {props.children}
    </section>
  );
}

/** Label/value pairs (a work's facts, a trade's terms). */
export function Facts(props: { items: ReadonlyArray<[string, ComponentChildren]> }) {
  return (
    <dl class="facts">
      {props.items.map(([label, value]) => (
        <div key={label}><dt>{label}</dt><dd>{value ?? '—'}</dd></div>
      ))}
    </dl>
  );
}

/* ---------- tables ------------------------------------------------------------------------------------------ */

export interface Column<T> {
  readonly header: string;
  readonly cell: (row: T) => ComponentChildren;
  readonly class?: string;
}

/** A table that turns into labelled cards on a phone (each cell carries its header in data-label). */
export function DataTable<T>(props: { label: string; rows: readonly T[] | undefined; columns: readonly Column<T>[]; rowKey: (row: T) => string; empty?: string; testId?: string }) {
  if (!props.rows) return null;
  if (props.rows.length === 0) return <p class="empty">{props.empty ?? t('common.empty')}</p>;
  return (
    <div class="table-wrap">
      <table class="data" aria-label={props.label} data-testid={props.testId}>
        <thead><tr>{props.columns.map(c => <th scope="col" key={c.header} class={c.class}>{c.header}</th>)}</tr></thead>
        <tbody>
          {props.rows.map(row => (
            <tr key={props.rowKey(row)}>
              {props.columns.map(c => <td key={c.header} data-label={c.header} class={c.class}>{c.cell(row)}</td>)}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/* ---------- forms ------------------------------------------------------------------------------------------- */

type FieldProps = {
  label: string;
  hint?: string;
  error?: string | null;
  children: (id: string, describedBy: string | undefined, invalid: boolean) => ComponentChildren;
};

/** A labelled form control with its hint and inline error wired up for screen readers. */
export function Field(props: FieldProps) {
  const id = useId();
  const hintId = props.hint ? `${id}-hint` : undefined;
  const errorId = props.error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div class={`field ${props.error ? 'invalid' : ''}`}>
      <label for={id}>{props.label}</label>
      {props.children(id, describedBy, !!props.error)}
      {props.hint && <p class="hint" id={hintId}>{props.hint}</p>}
      {props.error && <p class="field-error" id={errorId} role="alert">{props.error}</p>}
    </div>
  );
}

export function TextField(props: { label: string; value: string; onInput: (v: string) => void; hint?: string; error?: string | null; type?: string; required?: boolean; placeholder?: string; name?: string; autoComplete?: string; inputMode?: JSX.HTMLAttributes<HTMLInputElement>['inputMode'] }) {
  return (
    <Field label={props.label} hint={props.hint} error={props.error}>
      {(id, describedBy, invalid) => (
        <input id={id} name={props.name} type={props.type ?? 'text'} value={props.value} required={props.required}
          placeholder={props.placeholder} autoComplete={props.autoComplete} inputMode={props.inputMode}
          aria-describedby={describedBy} aria-invalid={invalid}
          onInput={e => props.onInput((e.currentTarget as HTMLInputElement).value)} />
      )}
    </Field>
  );
}

export function SelectField(props: { label: string; value: string; onChange: (v: string) => void; options: ReadonlyArray<[string, string]>; hint?: string; name?: string }) {
  return (
    <Field label={props.label} hint={props.hint}>
      {(id, describedBy) => (
        <select id={id} name={props.name} value={props.value} aria-describedby={describedBy}
          onChange={e => props.onChange((e.currentTarget as HTMLSelectElement).value)}>
          {props.options.map(([value, label]) => <option key={value} value={value}>{label}</option>)}
        </select>
      )}
    </Field>
  );
}

export function TextArea(props: { label: string; value: string; onInput: (v: string) => void; hint?: string; error?: string | null; rows?: number; name?: string; required?: boolean }) {
  return (
    <Field label={props.label} hint={props.hint} error={props.error}>
      {(id, describedBy, invalid) => (
        <textarea id={id} name={props.name} rows={props.rows ?? 3} value={props.value} required={props.required}
          aria-describedby={describedBy} aria-invalid={invalid}
          onInput={e => props.onInput((e.currentTarget as HTMLTextAreaElement).value)} />
      )}
    </Field>
  );
}

export function Button(props: Omit<JSX.HTMLAttributes<HTMLButtonElement>, 'type'> & { variant?: 'primary' | 'secondary' | 'danger' | 'ghost'; busy?: boolean; type?: 'button' | 'submit'; disabled?: boolean }) {
  const { variant = 'secondary', busy, children, type = 'button', disabled, ...rest } = props;
  return (
    <button {...rest} type={type} class={`btn btn-${variant}`} disabled={busy || disabled} aria-busy={busy}>
      {busy && <span class="spinner" aria-hidden="true" />}
      {children}
    </button>
  );
}

/* ---------- values ------------------------------------------------------------------------------------------ */

export const Money = (p: { fen: number | null | undefined }) => <span class="money">{yuan(p.fen)}</span>;
export const Time = (p: { at: string | null | undefined }) => <time dateTime={p.at ?? undefined}>{dateTime(p.at)}</time>;

/** A hash or transaction id: shortened, with the whole value in a tooltip and copyable. */
export function Hash(props: { value: string | null | undefined; keep?: number }) {
  if (!props.value) return <span>—</span>;
  return <code class="hash" title={props.value}>{shortHash(props.value, props.keep)}</code>;
}

/** A hash shown whole (a content hash to compare by eye): it wraps anywhere instead of widening the page. */
export function FullHash(props: { value: string | null | undefined; testId?: string; block?: boolean }) {
  if (!props.value) return <span>—</span>;
  return <code class={`hash hash-full${props.block ? ' hash-block' : ''}`} data-testid={props.testId}>{props.value}</code>;
}

/** An account: "you" for the caller, else its id, shortened. */
export function Party(props: { id: string | null | undefined; me: string | undefined }) {
  if (!props.id) return <span>—</span>;
  if (props.id === props.me) return <strong class="party-you">{t('common.you')}</strong>;
  return <Hash value={props.id} keep={14} />;
}

const TONES: Record<string, 'ok' | 'warn' | 'bad' | 'info' | 'muted'> = {
  APPROVED: 'ok', REGISTERED: 'ok', SETTLED: 'ok', ACTIVE: 'ok', OPEN: 'info', SOLD: 'ok', ACCEPTED: 'ok', DONE: 'ok',
  ACTIONED: 'ok', CLEAN: 'ok', INTACT: 'ok', VALID: 'ok', CONFIRMED: 'ok', LISTED: 'info',
  SUBMITTED: 'warn', PENDING: 'warn', PENDING_REVIEW: 'warn', SETTLING: 'warn', STARTED: 'warn', ESCALATED: 'warn',
  COUNTERED: 'warn', HALTED: 'warn', FROZEN: 'bad', SUSPENDED: 'bad',
  REJECTED: 'bad', FAILED: 'bad', CANCELLED: 'muted', WITHDRAWN: 'muted', EXPIRED: 'muted', DISMISSED: 'muted',
  LIFTED: 'muted', CLOSED: 'muted', DIFFERENCES: 'bad', BROKEN: 'bad', HIGH: 'bad', MEDIUM: 'warn', LOW: 'info',
};

/** A status code as a coloured badge, in words when the console has them (messages `status.<CODE>`). */
export function Status(props: { code: string | null | undefined }) {
  if (!props.code) return null;
  return <span class={`badge badge-${TONES[props.code] ?? 'muted'}`} data-status={props.code}>{tCode('status', props.code)}</span>;
}

/* ---------- feedback ---------------------------------------------------------------------------------------- */

/** Shows what went wrong: a problem's title, detail and stable code, or a plain error. */
export function ErrorBox(props: { error: unknown }) {
  if (!props.error) return null;
  const e = props.error;
  if (e instanceof ApiProblem) {
    const known = tCode('error', e.code);
    return (
      <div class="alert alert-bad" role="alert" data-code={e.code}>
        <strong>{known !== e.code ? known : e.title || t('common.error')}</strong>
        {e.detail && <span> {e.detail}</span>}
        <span class="code"> ({e.code})</span>
      </div>
    );
  }
  return <div class="alert alert-bad" role="alert"><strong>{t('common.error')}</strong> {String((e as Error)?.message ?? e)}</div>;
}

export function Notice(props: { tone?: 'ok' | 'info' | 'warn'; children: ComponentChildren; testId?: string }) {
  return <div class={`alert alert-${props.tone ?? 'info'}`} role="status" data-testid={props.testId}>{props.children}</div>;
}

export const Loading = () => <p class="loading" role="status"><span class="spinner" aria-hidden="true" /> {t('common.loading')}</p>;

/** Loading, error or content for one useAsync result. */
export function Loaded<T>(props: { state: { data: T | undefined; error: unknown; loading: boolean }; children: (data: T) => ComponentChildren }) {
  if (props.state.error) return <ErrorBox error={props.state.error} />;
  if (props.state.data === undefined) return props.state.loading ? <Loading /> : null;
  return <>{props.children(props.state.data)}</>;
}

export function Progress(props: { value: number; label: string }) {
  const pct = Math.round(Math.max(0, Math.min(1, props.value)) * 100);
  return (
    <div class="progress" role="progressbar" aria-label={props.label} aria-valuemin={0} aria-valuemax={100} aria-valuenow={pct}>
      <div class="progress-bar" style={{ width: `${pct}%` }} />
      <span class="progress-text">{props.label} {pct}%</span>
    </div>
  );
}

/* ---------- pictures and charts ----------------------------------------------------------------------------- */

/** A work's thumbnail (images only; other kinds show their kind). Fetched with the token, so not a plain <img src>. */
export function Thumb(props: { workId: string | null | undefined; kind?: string | null; size?: number; alt: string }) {
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    let url: string | null = null;
    let live = true;
    if (props.workId && (!props.kind || props.kind === 'IMAGE')) {
      imageUrl(`/api/v1/works/${encodeURIComponent(props.workId)}/thumbnail`).then(u => {
        url = u;
        if (live) setSrc(u);
      });
    }
    return () => { live = false; if (url) URL.revokeObjectURL(url); };
  }, [props.workId, props.kind]);
  const size = props.size ?? 64;
  if (src) return <img class="thumb" src={src} alt={props.alt} width={size} height={size} />;
  return <span class="thumb thumb-none" style={{ width: size, height: size }} role="img" aria-label={props.alt}>{tCode('kind', props.kind ?? 'OTHER')}</span>;
}

/** A vertical bar chart in SVG with a table fallback for screen readers. */
export function BarChart(props: { title: string; data: ReadonlyArray<{ label: string; value: number }>; testId?: string }) {
  const max = Math.max(1, ...props.data.map(d => d.value));
  const w = 28, gap = 10, h = 140;
  const width = Math.max(200, props.data.length * (w + gap) + gap);
  return (
    <figure class="chart" data-testid={props.testId}>
      <figcaption>{props.title}</figcaption>
      <svg viewBox={`0 0 ${width} ${h + 40}`} role="img" aria-label={props.title} preserveAspectRatio="xMinYMin meet">
        <line x1="0" y1={h} x2={width} y2={h} class="axis" />
        {props.data.map((d, i) => {
          const bh = Math.round((d.value / max) * (h - 16));
          const x = gap + i * (w + gap);
          return (
            <g key={d.label}>
              <rect x={x} y={h - bh} width={w} height={bh} rx="3" class="bar"><title>{`${d.label}: ${d.value}`}</title></rect>
              <text x={x + w / 2} y={h - bh - 4} text-anchor="middle" class="bar-value">{d.value}</text>
              <text x={x + w / 2} y={h + 14} text-anchor="middle" class="bar-label">{d.label.length > 6 ? d.label.substring(d.label.length - 5) : d.label}</text>
            </g>
          );
        })}
      </svg>
      <table class="sr-only"><tbody>{props.data.map(d => <tr key={d.label}><th>{d.label}</th><td>{d.value}</td></tr>)}</tbody></table>
    </figure>
  );
}

/** A vertical timeline (a work's provenance, a trade's settlement steps). */
export function Timeline(props: { items: ReadonlyArray<{ key: string; at?: string | null; title: ComponentChildren; detail?: ComponentChildren; tone?: string }>; label: string; testId?: string }) {
  return (
    <ol class="timeline" aria-label={props.label} data-testid={props.testId}>
      {props.items.map(item => (
        <li key={item.key} class={`tl-${item.tone ?? 'info'}`}>
          <div class="tl-head"><span class="tl-title">{item.title}</span>{item.at && <Time at={item.at} />}</div>
          {item.detail && <div class="tl-detail">{item.detail}</div>}
        </li>
      ))}
    </ol>
  );
}

/* ---------- toasts ------------------------------------------------------------------------------------------ */

let toastListener: ((text: string) => void) | null = null;
export function toast(text: string): void { toastListener?.(text); }

export function Toasts() {
  const [items, setItems] = useState<Array<{ id: number; text: string }>>([]);
  useEffect(() => {
    let next = 0;
    toastListener = text => {
      const id = ++next;
      setItems(list => [...list, { id, text }]);
      setTimeout(() => setItems(list => list.filter(i => i.id !== id)), 5000);
    };
    return () => { toastListener = null; };
  }, []);
  return <div class="toasts" role="status" aria-live="polite">{items.map(i => <div class="toast" key={i.id}>{i.text}</div>)}</div>;
}
