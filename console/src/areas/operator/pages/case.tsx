import { useState } from 'preact/hooks';
import { api, ok, type Schemas } from '../../../core/api';
import { useAction, useAsync } from '../../../core/hooks';
import { t, tCode } from '../../../core/i18n';
import { Link } from '../../../core/router';
import type { PageProps } from '../../../core/routes';
import { Button, Card, DataTable, ErrorBox, Facts, Hash, Loaded, Money, Notice, Page, SelectField, Status, TextArea, Time, Timeline, toast } from '../../../core/ui';
import { Account, ruleName } from './shared';
import { Subject } from './alerts';

type CaseDetail = Schemas['CaseDetailResponse'];
type Action = 'HALT_ASSET' | 'FREEZE_ASSET' | 'SUSPEND_ACCOUNT' | 'ESCALATE' | 'DISMISS';

/** Which actions a case in a status takes (service: RiskCases; a dismissed case is final). */
function actionsFor(status: string | undefined): Action[] {
  switch (status) {
    case 'OPEN': return ['HALT_ASSET', 'FREEZE_ASSET', 'SUSPEND_ACCOUNT', 'ESCALATE', 'DISMISS'];
    case 'ACTIONED': return ['HALT_ASSET', 'FREEZE_ASSET', 'SUSPEND_ACCOUNT', 'ESCALATE'];
    case 'ESCALATED': return ['HALT_ASSET', 'FREEZE_ASSET', 'SUSPEND_ACCOUNT', 'DISMISS'];
    default: return [];
  }
}

/** One case: its alerts, the trades and transfers they name, the accounts and their links, history and actions. */
export function CasePage(props: PageProps) {
  const id = props.params.id;
  const state = useAsync(() => ok(api.GET('/api/v1/cases/{id}', { params: { path: { id } } })), [id]);
  const [fresh, setFresh] = useState<CaseDetail | null>(null);
  const c = fresh ?? state.data;
  return (
    <Page title={c ? t('ops.case.title', { rule: ruleName(c.rule) }) : t('ops.case.title.plain')}
      subtitle={c ? t('ops.case.subtitle', { id: c.id ?? '' }) : undefined}
      actions={<Link href="/ops/alerts">{t('ops.case.back')}</Link>}>
      <Loaded state={{ ...state, data: c ?? undefined }}>{d => <CaseView c={d} onChanged={setFresh} />}</Loaded>
    </Page>
  );
}

function CaseView(props: { c: CaseDetail; onChanged: (c: CaseDetail) => void }) {
  const c = props.c;
  const events = c.events ?? [];
  const accounts = c.accounts ?? [];
  const links = c.links ?? [];
  return (
    <>
      <Card title={t('ops.case.summary')} actions={<Status code={c.status} />} testId="case-summary">
        <Facts items={[
          [t('ops.alerts.rule'), ruleName(c.rule)],
          [t('ops.subject'), <Subject type={c.subjectType} id={c.subjectId} />],
          [t('ops.case.opened'), <Time at={c.openedAt} />],
          [t('ops.cases.updated'), <Time at={c.updatedAt} />],
        ]} />
        <ul class="ops-alerts">
          {(c.alerts ?? []).map(a => (
            <li key={a.id}>
              <strong>{ruleName(a.rule)}</strong> · <Time at={a.raisedAt} /> · {t('ops.case.delay', { ms: a.delayMs ?? 0 })}
              <div>{a.summary}</div>
              <EvidenceFacts evidence={a.evidence} />
            </li>
          ))}
        </ul>
      </Card>

      <Card title={t('ops.case.trades', { n: events.length })} testId="case-trades">
        <DataTable label={t('ops.case.trades.label')} rows={events} rowKey={e => e.reference!} empty={t('ops.case.trades.none')}
          columns={[
            { header: t('common.time'), cell: e => <Time at={e.at} /> },
            { header: t('ops.case.kind'), cell: e => e.tradeId ? t('ops.case.trade') : t('ops.case.transfer') },
            { header: t('ops.case.asset'), cell: e => <Hash value={e.assetId} keep={14} /> },
            { header: t('ops.case.seller'), cell: e => <Account id={e.sellerId} /> },
            { header: t('ops.case.buyer'), cell: e => <Account id={e.buyerId} /> },
            { header: t('ops.case.price'), cell: e => e.verifiedPriceFen != null ? <Money fen={e.verifiedPriceFen} /> : <span class="ops-muted">{t('ops.case.price.unverified')}</span>, class: 'num' },
            { header: t('ops.case.board'), cell: e => e.boardTrade ? <Status code={e.boardTrade.status} /> : <span class="ops-muted">{t('ops.case.board.none')}</span> },
            { header: t('common.block'), cell: e => <span>#{e.blockNumber} <Hash value={e.txId} keep={8} /></span> },
          ]} />
      </Card>

      <div class="cols">
        <Card title={t('ops.case.accounts', { n: accounts.length })} testId="case-accounts">
          <ul class="ops-list">
            {accounts.map(a => <li key={a}><Account id={a} /> <span class="ops-muted">{roles(a, events)}</span></li>)}
          </ul>
        </Card>
        <Card title={t('ops.case.links')} testId="case-links">
          {links.length === 0 ? <p class="empty">{t('ops.case.links.none')}</p> : (
            <ul class="ops-list">
              {links.map(l => (
                <li key={`${l.accountId}-${l.linkedAccountId}`}>
                  <Account id={l.accountId} /> ↔ <Account id={l.linkedAccountId} />
                  <div class="ops-muted">{t('ops.case.links.shared', { what: (l.shared ?? []).map(s => tCode('ops.signal', s)).join(', ') })}</div>
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>

      <div class="cols">
        <CaseActions c={c} onChanged={props.onChanged} />
        <Card title={t('ops.case.history')} testId="case-history">
          <Timeline label={t('ops.case.history')} items={(c.history ?? []).map((h, i) => ({
            key: String(i),
            at: h.at,
            tone: h.action === 'DISMISS' ? 'info' : h.action === 'ALERT' ? 'warn' : h.action === 'ESCALATE' ? 'warn' : 'bad',
            title: <span>{tCode('ops.action', h.action)} {h.from && h.from !== h.to ? <span class="ops-muted">{tCode('status', h.from)} → {tCode('status', h.to)}</span> : null}</span>,
            detail: (
              <span>
                {t('ops.case.by', { actor: h.actor === 'system' ? t('ops.system') : '' })}{h.actor !== 'system' && <Account id={h.actor} />}
                {h.target && <> · {t('ops.case.target')} <Hash value={h.target} keep={14} /></>}
                {h.note && <div class="ops-note">“{h.note}”</div>}
              </span>
            ),
          }))} />
        </Card>
      </div>
    </>
  );
}

function roles(account: string, events: ReadonlyArray<Schemas['CaseEvidenceEvent']>): string {
  const sold = events.filter(e => e.sellerId === account).length;
  const bought = events.filter(e => e.buyerId === account).length;
  return t('ops.case.roles', { sold, bought });
}

/** The facts that crossed a threshold, from an alert's evidence JSON. */
function EvidenceFacts(props: { evidence: unknown }) {
  const facts = (props.evidence as { facts?: Record<string, unknown> } | undefined)?.facts;
  if (!facts || typeof facts !== 'object') return null;
  const entries = Object.entries(facts);
  if (entries.length === 0) return null;
  return (
    <dl class="ops-evidence">
      {entries.map(([k, v]) => <div key={k}><dt>{k}</dt><dd>{typeof v === 'object' ? JSON.stringify(v) : String(v)}</dd></div>)}
    </dl>
  );
}

function CaseActions(props: { c: CaseDetail; onChanged: (c: CaseDetail) => void }) {
  const c = props.c;
  const available = actionsFor(c.status);
  const [action, setAction] = useState<Action | ''>('');
  const [target, setTarget] = useState('');
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const run = useAction();
  if (available.length === 0) {
    return <Card title={t('ops.case.act')}><Notice>{t('ops.case.final')}</Notice></Card>;
  }
  const chosen = action && available.includes(action) ? action : available[0];
  const targets = chosen === 'SUSPEND_ACCOUNT' ? (c.accounts ?? []) : chosen === 'HALT_ASSET' || chosen === 'FREEZE_ASSET' ? (c.assets ?? []) : [];
  const chosenTarget = targets.includes(target) ? target : targets[0] ?? '';
  const reasonError = tried && !reason.trim() ? t('ops.reason.required') : null;
  async function submit() {
    setTried(true);
    if (!reason.trim()) return;
    const done = await run.run(() => ok(api.POST('/api/v1/cases/{id}/actions', {
      params: { path: { id: c.id! } },
      body: { action: chosen, target: targets.length > 0 ? chosenTarget : undefined, reason: reason.trim() },
    })));
    if (done) {
      toast(t('ops.case.done', { action: tCode('ops.action', chosen) }));
      setReason('');
      setTried(false);
      setAction('');
      props.onChanged(done);
    }
  }
  return (
    <Card title={t('ops.case.act')} testId="case-actions">
      <form class="stack" aria-label={t('ops.case.act')} onSubmit={e => { e.preventDefault(); submit(); }}>
        <SelectField label={t('ops.case.action')} value={chosen} onChange={v => setAction(v as Action)}
          options={available.map(a => [a, tCode('ops.action', a)])} hint={t(`ops.action.hint.${chosen}`)} />
        {targets.length > 0 && (
          <SelectField label={t('ops.case.target.label')} value={chosenTarget} onChange={setTarget} options={targets.map(x => [x, x])} />
        )}
        <TextArea label={t('common.reason')} value={reason} onInput={setReason} error={reasonError} hint={t('ops.case.reason.hint')} />
        <ErrorBox error={run.error} />
        <div class="ops-buttons">
          <Button variant={chosen === 'DISMISS' || chosen === 'ESCALATE' ? 'primary' : 'danger'} type="submit" busy={run.busy}>{tCode('ops.action', chosen)}</Button>
        </div>
      </form>
    </Card>
  );
}
