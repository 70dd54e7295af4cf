import { useState } from 'preact/hooks';
import { api, download, ok } from '../../../core/api';
import { useAction, useAsync } from '../../../core/hooks';
import { t, tCode } from '../../../core/i18n';
import type { PageProps } from '../../../core/routes';
import { Button, Card, ErrorBox, Loaded, Page, SelectField, TextField, Time, toast } from '../../../core/ui';
import { AccountId, addDays, beijingToday, dayStart, RegTable } from '../util';

const KINDS = ['trades', 'alerts', 'cases', 'audit-events'];

/** CSV files of trades, alerts, cases and audit events for a period; every export is itself on the audit log. */
export function ExportsPage(_: PageProps) {
  const today = beijingToday();
  const [kind, setKind] = useState('trades');
  const [from, setFrom] = useState(addDays(today, -29));
  const [to, setTo] = useState(today);
  const [error, setError] = useState<string | null>(null);
  const action = useAction();
  const [tick, setTick] = useState(0);
  const recent = useAsync(() => ok(api.GET('/api/v1/audit/events', { params: { query: { action: 'EXPORT', limit: 10 } } })), [tick]);
  const submit = (e: Event) => {
    e.preventDefault();
    if (!from || !to || from > to) { setError(t('reg.exp.badPeriod')); return; }
    setError(null);
    void action.run(async () => {
      const query = new URLSearchParams({ from: dayStart(from), to: dayStart(addDays(to, 1)) });
      await download(`/api/v1/audit/exports/${kind}.csv?${query}`, `dcx-${kind}-${from}-${to}.csv`);
      toast(t('reg.exp.done', { kind: tCode('reg.exp.kind', kind) }));
      setTick(n => n + 1);
    });
  };
  return (
    <Page title={t('reg.exp.title')} subtitle={t('reg.exp.subtitle')}>
      <div class="cols">
        <Card title={t('reg.exp.form')}>
          <form class="stack" onSubmit={submit}>
            <SelectField label={t('reg.exp.kind')} value={kind} onChange={setKind} options={KINDS.map(k => [k, tCode('reg.exp.kind', k)])}
              hint={tCode('reg.exp.kindHint', kind)} />
            <div class="form-row">
              <TextField type="date" label={t('reg.exp.from')} value={from} onInput={setFrom} error={error} />
              <TextField type="date" label={t('reg.exp.to')} value={to} onInput={setTo} />
            </div>
            <p class="hint">{t('reg.exp.periodHint')}</p>
            <div><Button type="submit" variant="primary" busy={action.busy}>{t('reg.exp.download')}</Button></div>
          </form>
          <ErrorBox error={action.error} />
        </Card>
        <Card title={t('reg.exp.about')}>
          <ul class="reg-list">
            <li>{t('reg.exp.about.format')}</li>
            <li>{t('reg.exp.about.bom')}</li>
            <li>{t('reg.exp.about.formula')}</li>
            <li>{t('reg.exp.about.audit')}</li>
          </ul>
        </Card>
      </div>
      <Card title={t('reg.exp.recent')}>
        <Loaded state={recent}>{page => (
          <RegTable label={t('reg.exp.recent')} rows={page.events ?? []} rowKey={e => String(e.id)} empty={t('reg.exp.none')} testId="exports-log" columns={[
            { header: t('common.time'), cell: e => <Time at={e.at} /> },
            { header: t('reg.audit.actor'), cell: e => <AccountId short id={e.actor} /> },
            { header: t('reg.exp.kind'), cell: e => tCode('reg.exp.kind', e.subjectId) },
            { header: t('reg.exp.period'), cell: e => <Period after={e.after} /> },
            { header: t('reg.exp.rows'), cell: e => rowsOf(e.after), class: 'num' },
          ]} />
        )}</Loaded>
      </Card>
    </Page>
  );
}

function parse(after: string | undefined): Record<string, unknown> {
  try { return after ? JSON.parse(after) : {}; } catch { return {}; }
}

function rowsOf(after: string | undefined): string {
  const rows = parse(after).rows;
  return rows === undefined ? '—' : String(rows);
}

function Period(props: { after: string | undefined }) {
  const a = parse(props.after);
  return <><Time at={a.from as string} /> – <Time at={a.to as string} /></>;
}
