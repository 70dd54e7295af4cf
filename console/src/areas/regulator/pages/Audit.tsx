import { useState } from 'preact/hooks';
import { api, ok, type Schemas } from '../../../core/api';
import { useAction, useAsync } from '../../../core/hooks';
import { t } from '../../../core/i18n';
import type { PageProps } from '../../../core/routes';
import { Button, Card, ErrorBox, Hash, Loaded, Loading, Notice, Page, TextField, Time } from '../../../core/ui';
import { AccountId, addDays, dayStart, Id, jsonText, RegTable } from '../util';
import { BlockReport } from './Provenance';

type Event = Schemas['AuditEventResponse'];
interface Filters { actor: string; action: string; subjectType: string; subjectId: string; from: string; to: string }
const EMPTY: Filters = { actor: '', action: '', subjectType: '', subjectId: '', from: '', to: '' };
const PAGE = 50;

/** The hash-chained audit log: its integrity, the ledger's block walk, and the events with filters and paging. */
export function AuditPage(_: PageProps) {
  return (
    <Page title={t('reg.audit.title')} subtitle={t('reg.audit.subtitle')}>
      <div class="cols">
        <IntegrityCard />
        <BlockWalkCard />
      </div>
      <EventsCard />
    </Page>
  );
}

function IntegrityCard() {
  const integrity = useAsync(() => ok(api.GET('/api/v1/audit/integrity')), []);
  return (
    <Card title={t('reg.audit.integrity')} testId="integrity-card"
      actions={<Button variant="ghost" busy={integrity.loading} onClick={integrity.reload}>{t('reg.audit.recheck')}</Button>}>
      <Loaded state={integrity}>{i => (
        <>
          {i.intact
            ? <Notice tone="ok" testId="integrity-result"><strong>{t('reg.audit.intact')}</strong> {t('reg.audit.intactText', { sealed: i.sealed ?? 0 })}{(i.unsealed ?? 0) > 0 && <> {t('reg.audit.unsealedText', { n: i.unsealed ?? 0 })}</>}</Notice>
            : <div class="alert alert-bad" role="alert" data-testid="integrity-result"><strong>{t('reg.audit.broken')}</strong> {t('reg.audit.brokenText', { n: i.breaks?.length ?? 0 })}</div>}
          <dl class="facts">
            <div><dt>{t('reg.audit.headSeq')}</dt><dd>{i.headSeq ?? '—'}</dd></div>
            <div><dt>{t('reg.audit.headHash')}</dt><dd><Hash value={i.headHash} keep={16} /></dd></div>
          </dl>
          {(i.breaks ?? []).length > 0 && (
            <RegTable label={t('reg.audit.breaks')} rows={i.breaks} rowKey={b => `${b.seq}-${b.id}`} columns={[
              { header: t('reg.audit.seq'), cell: b => b.seq, class: 'num' },
              { header: t('reg.audit.eventId'), cell: b => b.id, class: 'num' },
              { header: t('reg.audit.problem'), cell: b => b.reason },
            ]} />
          )}
        </>
      )}</Loaded>
    </Card>
  );
}

function BlockWalkCard() {
  const walk = useAction();
  const [report, setReport] = useState<Schemas['Report'] | null>(null);
  return (
    <Card title={t('reg.blocks.walk')} testId="block-walk-card">
      <p class="muted reg-note">{t('reg.blocks.walkText')}</p>
      <Button busy={walk.busy} onClick={() => walk.run(async () => setReport(await ok(api.GET('/api/v1/audit/blocks/verify'))))}>
        {t('reg.blocks.verify')}
      </Button>
      <ErrorBox error={walk.error} />
      {report && <BlockReport report={report} />}
    </Card>
  );
}

function EventsCard() {
  const [draft, setDraft] = useState<Filters>(EMPTY);
  const [filters, setFilters] = useState<Filters>(EMPTY);
  const [pages, setPages] = useState<{ events: Event[]; next: string | null }>({ events: [], next: null });
  const more = useAction();
  const query = (f: Filters, cursor?: string) => ({
    actor: f.actor.trim() || undefined, action: f.action.trim().toUpperCase() || undefined,
    subjectType: f.subjectType.trim() || undefined, subjectId: f.subjectId.trim() || undefined,
    from: f.from ? dayStart(f.from) : undefined, to: f.to ? dayStart(addDays(f.to, 1)) : undefined,
    limit: PAGE, cursor,
  });
  const first = useAsync(async () => {
    const page = await ok(api.GET('/api/v1/audit/events', { params: { query: query(filters) } }));
    setPages({ events: page.events ?? [], next: page.nextCursor ?? null });
    return page;
  }, [filters]);
  const set = (k: keyof Filters) => (v: string) => setDraft(d => ({ ...d, [k]: v }));
  const loadMore = () => more.run(async () => {
    const page = await ok(api.GET('/api/v1/audit/events', { params: { query: query(filters, pages.next ?? undefined) } }));
    setPages(p => ({ events: [...p.events, ...(page.events ?? [])], next: page.nextCursor ?? null }));
  });
  return (
    <Card title={t('reg.audit.events')}>
      <form class="filters reg-filters" onSubmit={e => { e.preventDefault(); setFilters(draft); }}>
        <TextField label={t('reg.audit.actor')} value={draft.actor} onInput={set('actor')} placeholder="acc_… / system" />
        <TextField label={t('reg.audit.action')} value={draft.action} onInput={set('action')} placeholder="LOOK_THROUGH" />
        <TextField label={t('reg.audit.subjectType')} value={draft.subjectType} onInput={set('subjectType')} placeholder="account" />
        <TextField label={t('reg.audit.subjectId')} value={draft.subjectId} onInput={set('subjectId')} />
        <TextField type="date" label={t('reg.from')} value={draft.from} onInput={set('from')} />
        <TextField type="date" label={t('reg.to')} value={draft.to} onInput={set('to')} />
        <div class="reg-filter-buttons">
          <Button type="submit" variant="primary">{t('reg.filter')}</Button>
          <Button onClick={() => { setDraft(EMPTY); setFilters(EMPTY); }}>{t('reg.clear')}</Button>
        </div>
      </form>
      {first.error ? <ErrorBox error={first.error} /> : first.loading && pages.events.length === 0 ? <Loading /> : (
        <>
          <RegTable label={t('reg.audit.events')} rows={pages.events} rowKey={e => String(e.id)} empty={t('reg.audit.empty')} testId="audit-table" columns={[
            { header: t('reg.audit.seq'), cell: e => e.seq ?? <span class="muted" title={t('reg.audit.unsealedHint')}>{t('reg.audit.unsealed')}</span>, class: 'num' },
            { header: t('common.time'), cell: e => <Time at={e.at} /> },
            { header: t('reg.audit.actor'), cell: e => <AccountId short id={e.actor} /> },
            { header: t('reg.audit.action'), cell: e => <code>{e.action}</code> },
            { header: t('reg.audit.subject'), cell: e => <span class="reg-subject">{e.subjectType} <Id short id={e.subjectId} /></span> },
            { header: t('reg.audit.change'), cell: e => <Change e={e} /> },
            { header: t('reg.audit.hash'), cell: e => <Hash value={e.hash} keep={8} /> },
          ]} />
          {pages.next && (
            <div class="reg-actions"><Button busy={more.busy} onClick={loadMore}>{t('common.more')}</Button></div>
          )}
          <ErrorBox error={more.error} />
        </>
      )}
    </Card>
  );
}

function Change(props: { e: Event }) {
  const before = jsonText(props.e.before), after = jsonText(props.e.after);
  if (!before && !after) return <span class="muted">—</span>;
  return (
    <details class="reg-change">
      <summary>{(after || before).length > 48 ? `${(after || before).substring(0, 48)}…` : (after || before)}</summary>
      {before && <p><strong>{t('reg.audit.before')}</strong> <code>{before}</code></p>}
      {after && <p><strong>{t('reg.audit.after')}</strong> <code>{after}</code></p>}
      {props.e.requestId && <p class="muted">{t('reg.audit.request')} <code>{props.e.requestId}</code></p>}
    </details>
  );
}
