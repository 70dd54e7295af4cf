import { useState } from 'preact/hooks';
import { api, ok, type Schemas } from '../../../core/api';
import { useAsync } from '../../../core/hooks';
import { t, tCode } from '../../../core/i18n';
import { Link } from '../../../core/router';
import type { PageProps } from '../../../core/routes';
import { Card, Facts, Loaded, Money, Notice, Page, SelectField, Status, TextField, Time, Timeline } from '../../../core/ui';
import { AccountId, addDays, dayStart, Id, RegTable, TradeLink, WorkLink } from '../util';
import { Pager } from './Trades';

const RULES = ['', 'VELOCITY', 'CIRCULAR_TRADE', 'PUMP_AND_DUMP', 'CONCENTRATION', 'REPEATED_PAIR'];
const CASE_STATUSES = ['', 'OPEN', 'ESCALATED', 'DISMISSED', 'ACTIONED'];
const PAGE = 25;

function CaseLink(props: { id: string | null | undefined }) {
  if (!props.id) return <span>—</span>;
  return <Link href={`/supervision/cases/${encodeURIComponent(props.id)}`} title={props.id}><code class="hash reg-short">{props.id}</code></Link>;
}

function Subject(props: { type?: string; id?: string; short?: boolean }) {
  const type = (props.type ?? '').toLowerCase();
  const id = type === 'account' ? <AccountId id={props.id} short={props.short} />
    : type === 'work' ? <WorkLink id={props.id} short={props.short} /> : <Id id={props.id} short={props.short && type !== 'asset'} />;
  return <span class="reg-subject">{tCode('reg.subject', type)} {id}</span>;
}

/** Surveillance alerts and the cases they opened, read-only: operators work the cases, regulators watch them. */
export function AlertsPage(_: PageProps) {
  const [caseStatus, setCaseStatus] = useState('');
  const [caseOffset, setCaseOffset] = useState(0);
  const [rule, setRule] = useState('');
  const [alertStatus, setAlertStatus] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [alertOffset, setAlertOffset] = useState(0);
  const cases = useAsync(() => ok(api.GET('/api/v1/cases', {
    params: { query: { status: caseStatus || undefined, offset: String(caseOffset), limit: String(PAGE) } },
  })), [caseStatus, caseOffset]);
  const alerts = useAsync(() => ok(api.GET('/api/v1/alerts', {
    params: { query: {
      rule: rule || undefined, status: alertStatus || undefined, offset: String(alertOffset), limit: String(PAGE),
      from: from ? dayStart(from) : undefined, to: to ? dayStart(addDays(to, 1)) : undefined,
    } },
  })), [rule, alertStatus, from, to, alertOffset]);
  const ruleOptions = RULES.map(r => [r, r ? tCode('reg.rule', r) : t('common.all')] as [string, string]);
  const statusOptions = CASE_STATUSES.map(s => [s, s ? tCode('status', s) : t('common.all')] as [string, string]);
  return (
    <Page title={t('reg.alerts.title')} subtitle={t('reg.alerts.subtitle')}>
      <Notice>{t('reg.alerts.readOnly')}</Notice>
      <Card title={t('reg.cases.title')}>
        <div class="filters">
          <SelectField label={t('reg.cases.status')} value={caseStatus} onChange={v => { setCaseStatus(v); setCaseOffset(0); }} options={statusOptions} />
        </div>
        <Loaded state={cases}>{rows => (
          <>
            <RegTable label={t('reg.cases.title')} rows={rows} rowKey={c => c.id!} empty={t('reg.cases.empty')} testId="cases-table" columns={[
              { header: t('reg.case.id'), cell: c => <CaseLink id={c.id} /> },
              { header: t('reg.alert.rule'), cell: c => tCode('reg.rule', c.rule) },
              { header: t('reg.alert.subject'), cell: c => <Subject short type={c.subjectType} id={c.subjectId} /> },
              { header: t('common.status'), cell: c => <Status code={c.status} /> },
              { header: t('reg.case.opened'), cell: c => <Time at={c.openedAt} /> },
              { header: t('reg.case.updated'), cell: c => <Time at={c.updatedAt} /> },
            ]} />
            <Pager offset={caseOffset} count={rows.length} size={PAGE} onOffset={setCaseOffset} />
          </>
        )}</Loaded>
      </Card>
      <Card title={t('reg.alerts.list')}>
        <div class="filters">
          <SelectField label={t('reg.alert.rule')} value={rule} onChange={v => { setRule(v); setAlertOffset(0); }} options={ruleOptions} />
          <SelectField label={t('reg.alerts.caseStatus')} value={alertStatus} onChange={v => { setAlertStatus(v); setAlertOffset(0); }} options={statusOptions} />
          <TextField type="date" label={t('reg.from')} value={from} onInput={v => { setFrom(v); setAlertOffset(0); }} />
          <TextField type="date" label={t('reg.to')} value={to} onInput={v => { setTo(v); setAlertOffset(0); }} />
        </div>
        <Loaded state={alerts}>{rows => (
          <>
            <AlertTable rows={rows} />
            <Pager offset={alertOffset} count={rows.length} size={PAGE} onOffset={setAlertOffset} />
          </>
        )}</Loaded>
      </Card>
    </Page>
  );
}

function AlertTable(props: { rows: Schemas['AlertResponse'][]; withCase?: boolean }) {
  return (
    <RegTable label={t('reg.alerts.list')} rows={props.rows} rowKey={a => a.id!} empty={t('reg.alerts.empty')} testId="alerts-table" columns={[
      { header: t('reg.alert.raised'), cell: a => <Time at={a.raisedAt} /> },
      { header: t('reg.alert.rule'), cell: a => tCode('reg.rule', a.rule) },
      { header: t('reg.alert.subject'), cell: a => <Subject short type={a.subjectType} id={a.subjectId} /> },
      { header: t('reg.alert.summary'), cell: a => a.summary },
      { header: t('common.block'), cell: a => a.blockNumber ?? '—', class: 'num' },
      ...(props.withCase === false ? [] : [{ header: t('reg.case.one'), cell: (a: Schemas['AlertResponse']) => <><CaseLink id={a.caseId} /> <Status code={a.caseStatus} /></> }]),
    ]} />
  );
}

/** A case with its alerts, the trades and transfers behind them, linked accounts and what was done: no actions. */
export function CaseDetail(props: PageProps) {
  const id = props.params.id;
  const detail = useAsync(() => ok(api.GET('/api/v1/cases/{id}', { params: { path: { id } } })), [id]);
  return (
    <Page title={t('reg.case.title', { id })} actions={<Link href="/supervision/alerts" class="btn btn-secondary">{t('reg.alerts.back')}</Link>}>
      <Loaded state={detail}>{c => (
        <>
          <Card title={t('reg.case.facts')}>
            <Facts items={[
              [t('common.status'), <Status code={c.status} />],
              [t('reg.alert.rule'), tCode('reg.rule', c.rule)],
              [t('reg.alert.subject'), <Subject type={c.subjectType} id={c.subjectId} />],
              [t('reg.case.opened'), <Time at={c.openedAt} />],
              [t('reg.case.updated'), <Time at={c.updatedAt} />],
              [t('reg.case.accounts'), <span class="reg-creators">{(c.accounts ?? []).map(a => <AccountId key={a} id={a} />)}</span>],
              [t('reg.case.assets'), <span class="reg-creators">{(c.assets ?? []).map(a => <code key={a} class="hash">{a}</code>)}</span>],
            ]} />
          </Card>
          <Card title={t('reg.case.alerts')}><AlertTable rows={c.alerts ?? []} withCase={false} /></Card>
          <Card title={t('reg.case.events')}>
            <RegTable label={t('reg.case.events')} rows={c.events ?? []} rowKey={e => e.reference ?? `${e.txId}`} columns={[
              { header: t('common.time'), cell: e => <Time at={e.at} /> },
              { header: t('reg.trade.one'), cell: e => e.tradeId ? <TradeLink short id={e.tradeId} /> : <Id short id={e.reference} /> },
              { header: t('reg.work.id'), cell: e => <WorkLink short id={e.workId} /> },
              { header: t('reg.trade.seller'), cell: e => <AccountId short id={e.sellerId} /> },
              { header: t('reg.trade.buyer'), cell: e => <AccountId short id={e.buyerId} /> },
              { header: t('reg.trade.price'), cell: e => <Money fen={e.verifiedPriceFen} />, class: 'num' },
              { header: t('common.block'), cell: e => e.blockNumber, class: 'num' },
            ]} />
          </Card>
          {(c.links ?? []).length > 0 && (
            <Card title={t('reg.case.links')}>
              <RegTable label={t('reg.case.links')} rows={c.links ?? []} rowKey={l => `${l.accountId}-${l.linkedAccountId}`} columns={[
                { header: t('reg.case.account'), cell: l => <AccountId short id={l.accountId} /> },
                { header: t('reg.case.linked'), cell: l => <AccountId short id={l.linkedAccountId} /> },
                { header: t('reg.case.shared'), cell: l => (l.shared ?? []).map(s => tCode('reg.signal', s)).join(', ') },
              ]} />
            </Card>
          )}
          <Card title={t('reg.case.history')}>
            <Timeline label={t('reg.case.history')} items={(c.history ?? []).map((h, i) => ({
              key: `${h.at}-${i}`, at: h.at, tone: 'info',
              title: <>{tCode('reg.caseAction', h.action)}{h.to && <> <Status code={h.to} /></>}</>,
              detail: <div class="reg-ev">
                <span>{t('reg.case.by')} <AccountId id={h.actor} /></span>
                {h.target && <span>{t('reg.case.target')} <code class="hash">{h.target}</code></span>}
                {h.note && <span>{h.note}</span>}
              </div>,
            }))} />
          </Card>
        </>
      )}</Loaded>
    </Page>
  );
}
