import { api, ok, send, ApiProblem, type Schemas } from '../../../core/api';
import { useAction, useAsync } from '../../../core/hooks';
import { t, tCode } from '../../../core/i18n';
import { Link, navigate } from '../../../core/router';
import type { PageProps } from '../../../core/routes';
import { Button, Card, DataTable, ErrorBox, Facts, Hash, Loaded, Notice, Page, Time, toast } from '../../../core/ui';
import { Account } from './shared';

type Report = Schemas['ReconciliationReport'];

/** The latest reconciliation of the books with the chain, a run on demand, and the recent runs. */
export function ReconciliationPage(_: PageProps) {
  const latest = useAsync(async () => {
    try {
      return await ok(api.GET('/api/v1/audit/reconciliation'));
    } catch (e) {
      if (e instanceof ApiProblem && e.code === 'RECONCILIATION_NOT_FOUND') return null;
      throw e;
    }
  }, []);
  const runs = useAsync(() => ok(api.GET('/api/v1/audit/reconciliation/runs', { params: { query: { limit: 20 } } })), []);
  const run = useAction();
  async function runNow() {
    const report = await run.run(() => send<Report>('POST', '/api/v1/audit/reconciliation'));
    if (report) {
      toast(report.clean ? t('ops.rec.ran.clean') : t('ops.rec.ran.diff', { n: report.differenceCount ?? 0 }));
      latest.reload();
      runs.reload();
    }
  }
  return (
    <Page title={t('ops.rec.title')} subtitle={t('ops.rec.subtitle')}
      actions={<Button variant="primary" onClick={runNow} busy={run.busy}>{t('ops.rec.run')}</Button>}>
      <ErrorBox error={run.error} />
      <Loaded state={latest}>{r => r ? <ReportView report={r} heading={t('ops.rec.latest')} /> : <Notice>{t('ops.rec.none')}</Notice>}</Loaded>
      <Card title={t('ops.rec.recent')} testId="reconciliation-runs">
        <Loaded state={runs}>{rows => (
          <DataTable label={t('ops.rec.recent')} rows={rows} rowKey={r => r.id!} empty={t('ops.rec.none')}
            columns={[
              { header: t('ops.rec.finished'), cell: r => <Time at={r.finishedAt} /> },
              { header: t('ops.rec.result'), cell: r => <Result clean={r.clean} n={r.differenceCount} /> },
              { header: t('ops.rec.trigger'), cell: r => tCode('ops.trigger', r.trigger) },
              { header: t('ops.rec.by'), cell: r => r.requestedBy === 'system' ? t('ops.system') : <Account id={r.requestedBy} /> },
              { header: t('ops.rec.checked'), cell: r => String(Object.values(r.counts ?? {}).reduce((n, c) => n + (c.checked ?? 0), 0)), class: 'num' },
              { header: t('ops.actions'), cell: r => <Link class="ops-nowrap" href={`/ops/reconciliation/${encodeURIComponent(r.id!)}`}>{t('common.details')}</Link> },
            ]} />
        )}</Loaded>
      </Card>
    </Page>
  );
}

export function ReconciliationRunPage(props: PageProps) {
  const id = props.params.id;
  const state = useAsync(() => ok(api.GET('/api/v1/audit/reconciliation/{id}', { params: { path: { id } } })), [id]);
  return (
    <Page title={t('ops.rec.run.title')} subtitle={id} actions={<Button variant="ghost" onClick={() => navigate('/ops/reconciliation')}>{t('ops.rec.back')}</Button>}>
      <Loaded state={state}>{r => <ReportView report={r} heading={t('ops.rec.run.title')} />}</Loaded>
    </Page>
  );
}

function Result(props: { clean: boolean | undefined; n: number | undefined }) {
  return props.clean
    ? <span class="badge badge-ok" data-status="CLEAN">{t('ops.rec.clean')}</span>
    : <span class="badge badge-bad" data-status="DIFFERENCES">{t('ops.rec.differences.n', { n: props.n ?? 0 })}</span>;
}

function ReportView(props: { report: Report; heading: string }) {
  const r = props.report;
  const counts = Object.entries(r.counts ?? {});
  const differences = r.differences ?? [];
  return (
    <>
      <Card title={props.heading} actions={<Result clean={r.clean} n={r.differenceCount} />} testId="reconciliation-report">
        {r.clean
          ? <Notice tone="ok" testId="reconciliation-clean">{t('ops.rec.clean.text', { n: counts.reduce((n, [, c]) => n + (c.checked ?? 0), 0) })}</Notice>
          : <Notice tone="warn">{t('ops.rec.diff.text', { n: r.differenceCount ?? 0 })}{r.truncated ? ` ${t('ops.rec.truncated')}` : ''}</Notice>}
        <Facts items={[
          [t('ops.rec.started'), <Time at={r.startedAt} />],
          [t('ops.rec.finished'), <Time at={r.finishedAt} />],
          [t('ops.rec.trigger'), tCode('ops.trigger', r.trigger)],
          [t('ops.rec.by'), r.requestedBy === 'system' ? t('ops.system') : <Account id={r.requestedBy} />],
          [t('ops.rec.msp'), r.ledgerMsp],
          [t('common.id'), <Hash value={r.id} keep={16} />],
        ]} />
        <h3 class="ops-h3">{t('ops.rec.counts')}</h3>
        <DataTable label={t('ops.rec.counts')} rows={counts} rowKey={([k]) => k} columns={[
          { header: t('ops.rec.subject'), cell: ([k]) => tCode('ops.recSubject', k) },
          { header: t('ops.rec.checked'), cell: ([, c]) => String(c.checked ?? 0), class: 'num' },
          { header: t('ops.rec.differences'), cell: ([, c]) => String(c.differences ?? 0), class: 'num' },
        ]} />
      </Card>
      {differences.length > 0 && (
        <Card title={t('ops.rec.differences')} testId="reconciliation-differences">
          <DataTable label={t('ops.rec.differences')} rows={differences} rowKey={d => `${d.subject}-${d.id}-${d.field}-${d.kind}`} columns={[
            { header: t('ops.rec.subject'), cell: d => tCode('ops.recSubject', d.subject) },
            { header: t('ops.rec.kind'), cell: d => tCode('ops.recKind', d.kind) },
            { header: t('common.id'), cell: d => <Hash value={d.id} keep={14} /> },
            { header: t('ops.rec.field'), cell: d => d.field ?? '—' },
            { header: t('ops.rec.service'), cell: d => <code class="ops-value">{d.serviceValue ?? '—'}</code> },
            { header: t('ops.rec.chain'), cell: d => <code class="ops-value">{d.chainValue ?? '—'}</code> },
          ]} />
        </Card>
      )}
    </>
  );
}
