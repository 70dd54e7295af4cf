import { useState } from 'preact/hooks';
import { api, ok } from '../../../core/api';
import { yuan } from '../../../core/format';
import { useAsync } from '../../../core/hooks';
import { t, tCode } from '../../../core/i18n';
import type { PageProps } from '../../../core/routes';
import { BarChart, Card, Loaded, Money, Page, SelectField, TextField } from '../../../core/ui';
import { addDays, beijingToday, RegTable } from '../util';

const SPANS = ['7', '14', '30', '90'];

/** Daily activity on the board (Beijing days) and surveillance alerts by rule. */
export function StatisticsPage(_: PageProps) {
  const [span, setSpan] = useState('7');
  const [end, setEnd] = useState(beijingToday());
  const from = addDays(end, 1 - Number(span));
  const report = useAsync(() => ok(api.GET('/api/v1/audit/statistics', { params: { query: { from, to: end } } })), [from, end]);
  return (
    <Page title={t('reg.stats.title')} subtitle={t('reg.stats.subtitle')}>
      <div class="filters">
        <SelectField label={t('reg.stats.span')} value={span} onChange={setSpan} options={SPANS.map(s => [s, t('reg.stats.days', { n: s })])} />
        <TextField type="date" label={t('reg.stats.end')} value={end} onInput={v => v && setEnd(v)} />
      </div>
      <Loaded state={report}>{r => {
        const days = r.days ?? [];
        const totals = r.totals ?? {};
        const alerts = Object.entries(totals.alertsByRule ?? {}).sort((a, b) => b[1] - a[1]);
        const alertTotal = alerts.reduce((s, [, n]) => s + n, 0);
        const series = (pick: (d: typeof days[number]) => number) => days.map(d => ({ label: d.date ?? '', value: pick(d) }));
        return (
          <>
            <p class="muted reg-note">{t('reg.stats.range', { from: r.from ?? '', to: r.to ?? '', zone: r.timeZone ?? '' })}</p>
            <div class="reg-stats" data-testid="stats-totals">
              <Stat label={t('reg.stats.registrations')} value={String(totals.registrations ?? 0)} />
              <Stat label={t('reg.stats.listings')} value={String(totals.listingsCreated ?? 0)} />
              <Stat label={t('reg.stats.settled')} value={String(totals.tradesSettled ?? 0)} testId="total-settled" />
              <Stat label={t('reg.stats.turnover')} value={yuan(totals.turnoverFen ?? 0)} />
              <Stat label={t('reg.stats.failed')} value={String(totals.tradesFailed ?? 0)} />
              <Stat label={t('reg.stats.alerts')} value={String(alertTotal)} />
            </div>
            <div class="reg-charts">
              <Card><BarChart title={t('reg.stats.chart.settled')} data={series(d => d.tradesSettled ?? 0)} testId="chart-trades" /></Card>
              <Card><BarChart title={t('reg.stats.chart.turnover')} data={series(d => Math.round((d.turnoverFen ?? 0) / 100))} testId="chart-turnover" /></Card>
              <Card><BarChart title={t('reg.stats.chart.registrations')} data={series(d => d.registrations ?? 0)} testId="chart-registrations" /></Card>
              <Card title={t('reg.stats.chart.alerts')} testId="chart-alerts">
                {alerts.length === 0 ? <p class="empty">{t('reg.stats.noAlerts')}</p> : (
                  <ul class="reg-hbars" aria-label={t('reg.stats.chart.alerts')}>
                    {alerts.map(([rule, n]) => (
                      <li key={rule}>
                        <span class="reg-hbar-label">{tCode('reg.rule', rule)}</span>
                        <span class="reg-hbar-track" aria-hidden="true"><span class="reg-hbar" style={{ width: `${Math.max(4, (n / alerts[0][1]) * 100)}%` }} /></span>
                        <span class="reg-hbar-value">{n}</span>
                      </li>
                    ))}
                  </ul>
                )}
              </Card>
            </div>
            <Card title={t('reg.stats.table')}>
              <p class="muted reg-note">{t('reg.stats.tableNote')}</p>
              <RegTable label={t('reg.stats.table')} rows={[...days].reverse().filter(active)} empty={t('reg.stats.quiet')} rowKey={d => d.date ?? ''} testId="stats-table" columns={[
                { header: t('reg.stats.date'), cell: d => d.date },
                { header: t('reg.stats.registrations'), cell: d => d.registrations, class: 'num' },
                { header: t('reg.stats.listings'), cell: d => d.listingsCreated, class: 'num' },
                { header: t('reg.stats.settled'), cell: d => d.tradesSettled, class: 'num' },
                { header: t('reg.stats.turnover'), cell: d => <Money fen={d.turnoverFen} />, class: 'num' },
                { header: t('reg.stats.failed'), cell: d => d.tradesFailed, class: 'num' },
                { header: t('reg.stats.alerts'), cell: d => Object.entries(d.alertsByRule ?? {}).map(([k, v]) => `${tCode('reg.rule', k)} ${v}`).join(', ') || '—' },
              ]} />
            </Card>
          </>
        );
      }}</Loaded>
    </Page>
  );
}

/** A day on which anything happened (the day-by-day table leaves quiet days out; the charts show them). */
function active(d: { registrations?: number; listingsCreated?: number; tradesSettled?: number; tradesFailed?: number; alertsByRule?: Record<string, number> }): boolean {
  return !!(d.registrations || d.listingsCreated || d.tradesSettled || d.tradesFailed || Object.keys(d.alertsByRule ?? {}).length);
}

function Stat(props: { label: string; value: string; testId?: string }) {
  return (
    <div class="card reg-stat">
      <div class="stat" data-testid={props.testId}>{props.value}</div>
      <div class="stat-label">{props.label}</div>
    </div>
  );
}
