import { useState } from 'preact/hooks';
import { api, ok, type Schemas } from '../../../core/api';
import { useAsync } from '../../../core/hooks';
import { t, tCode } from '../../../core/i18n';
import { Link, navigate } from '../../../core/router';
import type { PageProps } from '../../../core/routes';
import { Button, Card, DataTable, Hash, Loaded, Page, SelectField, Status, TextField, Time } from '../../../core/ui';
import { CASE_STATUSES, FilterBar, RULES, queryString, ruleName } from './shared';

type Alert = Schemas['AlertResponse'];
type Case = Schemas['CaseResponse'];

export function Subject(props: { type: string | null | undefined; id: string | null | undefined }) {
  return <span class="ops-subject"><span class="ops-muted">{tCode('ops.subject', props.type)}</span> <Hash value={props.id} keep={14} /></span>;
}

/** Surveillance alerts (filter by rule, case status and asset) and the cases they gathered into. */
export function AlertsPage(props: PageProps) {
  const rule = props.query.get('rule') ?? '';
  const status = props.query.get('status') ?? '';
  const asset = props.query.get('asset') ?? '';
  const caseStatus = props.query.get('caseStatus') ?? '';
  const [ruleInput, setRule] = useState(rule);
  const [statusInput, setStatus] = useState(status);
  const [assetInput, setAsset] = useState(asset);
  const [caseStatusInput, setCaseStatus] = useState(caseStatus);
  const alerts = useAsync(() => ok(api.GET('/api/v1/alerts', { params: { query: { rule: rule || undefined, status: status || undefined, asset: asset.trim() || undefined, limit: '100' } } })), [rule, status, asset]);
  const cases = useAsync(() => ok(api.GET('/api/v1/cases', { params: { query: { status: caseStatus || undefined, limit: '50' } } })), [caseStatus]);
  const go = (over: Record<string, string>) => navigate(`/ops/alerts${queryString({ rule: ruleInput, status: statusInput, asset: assetInput.trim(), caseStatus: caseStatusInput, ...over })}`, true);
  const statusOptions: Array<[string, string]> = [['', t('common.all')], ...CASE_STATUSES.map(s => [s, tCode('status', s)] as [string, string])];
  return (
    <Page title={t('ops.alerts.title')} subtitle={t('ops.alerts.subtitle')}
      actions={<Button onClick={() => { alerts.reload(); cases.reload(); }} busy={alerts.loading || cases.loading}>{t('common.refresh')}</Button>}>
      <Card title={t('ops.alerts.alerts')} testId="alerts">
        <FilterBar label={t('ops.alerts.filters')} onApply={() => go({})}>
          <SelectField label={t('ops.alerts.rule')} value={ruleInput} onChange={setRule}
            options={[['', t('common.all')], ...RULES.map(r => [r, ruleName(r)] as [string, string])]} />
          <SelectField label={t('ops.alerts.caseStatus')} value={statusInput} onChange={setStatus} options={statusOptions} />
          <TextField label={t('ops.alerts.asset')} value={assetInput} onInput={setAsset} />
        </FilterBar>
        <Loaded state={alerts}>{rows => (
          <DataTable label={t('ops.alerts.alerts')} rows={rows} rowKey={a => a.id!} empty={t('ops.alerts.empty')} testId="alert-table"
            columns={[
              { header: t('ops.alerts.raised'), cell: a => <Time at={a.raisedAt} /> },
              { header: t('ops.alerts.rule'), cell: a => <span class="ops-rule">{ruleName(a.rule)}</span> },
              { header: t('ops.subject'), cell: a => <Subject type={a.subjectType} id={a.subjectId} /> },
              { header: t('ops.alerts.summary'), cell: a => <span class="ops-summary">{a.summary}</span> },
              { header: t('ops.alerts.caseStatus'), cell: a => <Status code={a.caseStatus} /> },
              { header: t('ops.actions'), cell: (a: Alert) => <Link class="ops-nowrap" href={`/ops/cases/${encodeURIComponent(a.caseId!)}`} aria-label={t('ops.alerts.open.of', { rule: ruleName(a.rule), subject: a.subjectId ?? '' })}>{t('ops.alerts.open')}</Link> },
            ]} />
        )}</Loaded>
      </Card>
      <Card title={t('ops.cases.title')} testId="cases">
        <FilterBar label={t('ops.cases.filters')} onApply={() => go({})}>
          <SelectField label={t('common.status')} value={caseStatusInput} onChange={setCaseStatus} options={statusOptions} />
        </FilterBar>
        <Loaded state={cases}>{rows => (
          <DataTable label={t('ops.cases.title')} rows={rows} rowKey={c => c.id!} empty={t('ops.cases.empty')} testId="case-table"
            columns={[
              { header: t('ops.cases.updated'), cell: c => <Time at={c.updatedAt} /> },
              { header: t('ops.alerts.rule'), cell: c => ruleName(c.rule) },
              { header: t('ops.subject'), cell: c => <Subject type={c.subjectType} id={c.subjectId} /> },
              { header: t('common.status'), cell: c => <Status code={c.status} /> },
              { header: t('ops.actions'), cell: (c: Case) => <Link class="ops-nowrap" href={`/ops/cases/${encodeURIComponent(c.id!)}`} aria-label={t('ops.alerts.open.of', { rule: ruleName(c.rule), subject: c.subjectId ?? '' })}>{t('ops.cases.open')}</Link> },
            ]} />
        )}</Loaded>
      </Card>
    </Page>
  );
}
