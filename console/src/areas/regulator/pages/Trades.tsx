import { useState } from 'preact/hooks';
import { api, ok } from '../../../core/api';
import { percentBp } from '../../../core/format';
import { useAsync } from '../../../core/hooks';
import { t, tCode } from '../../../core/i18n';
import { Link } from '../../../core/router';
import type { PageProps } from '../../../core/routes';
import { Button, Card, Facts, Loaded, Money, Page, SelectField, Status, TextField, Time, Timeline } from '../../../core/ui';
import { AccountId, FullHash, RegTable, TradeLink, WorkLink } from '../util';

const PAGE = 50;
const STATUSES = ['', 'SETTLING', 'SETTLED', 'FAILED'];

/** Every trade on the board, newest first (GET /api/v1/trades reads everyone's for supervisors). */
export function TradesPage(props: PageProps) {
  const [status, setStatus] = useState(props.query.get('status') ?? '');
  const [assetInput, setAssetInput] = useState(props.query.get('assetId') ?? '');
  const [assetId, setAssetId] = useState(assetInput);
  const [offset, setOffset] = useState(0);
  const trades = useAsync(() => ok(api.GET('/api/v1/trades', {
    params: { query: { status: status || undefined, assetId: assetId || undefined, offset, limit: PAGE } },
  })), [status, assetId, offset]);
  return (
    <Page title={t('reg.trades.title')} subtitle={t('reg.trades.subtitle')}>
      <Card>
        <form class="filters" onSubmit={e => { e.preventDefault(); setOffset(0); setAssetId(assetInput.trim()); }}>
          <SelectField label={t('common.status')} value={status} onChange={v => { setStatus(v); setOffset(0); }}
            options={STATUSES.map(s => [s, s ? tCode('status', s) : t('common.all')])} />
          <TextField label={t('reg.asset.id')} value={assetInput} onInput={setAssetInput} placeholder="wk_…-1" />
          <Button type="submit">{t('reg.filter')}</Button>
        </form>
        <Loaded state={trades}>{rows => (
          <>
            <RegTable label={t('reg.trades.title')} rows={rows} rowKey={r => r.id!} empty={t('reg.trades.empty')} testId="trades-table" columns={[
              { header: t('reg.trade.id'), cell: r => <TradeLink short id={r.id} /> },
              { header: t('common.created'), cell: r => <Time at={r.createdAt} /> },
              { header: t('reg.work.id'), cell: r => <WorkLink short id={r.workId} /> },
              { header: t('reg.trade.seller'), cell: r => <AccountId short id={r.sellerId} /> },
              { header: t('reg.trade.buyer'), cell: r => <AccountId short id={r.buyerId} /> },
              { header: t('reg.trade.price'), cell: r => <Money fen={r.priceFen} />, class: 'num' },
              { header: t('common.status'), cell: r => <Status code={r.status} /> },
              { header: t('common.block'), cell: r => r.settleBlock ?? '—', class: 'num' },
            ]} />
            <Pager offset={offset} count={rows.length} size={PAGE} onOffset={setOffset} />
          </>
        )}</Loaded>
      </Card>
    </Page>
  );
}

export function Pager(props: { offset: number; count: number; size: number; onOffset: (n: number) => void }) {
  if (props.offset === 0 && props.count < props.size) return null;
  return (
    <nav class="reg-pager" aria-label={t('reg.pager')}>
      <Button disabled={props.offset === 0} onClick={() => props.onOffset(Math.max(0, props.offset - props.size))}>{t('reg.pager.prev')}</Button>
      <span class="muted">{t('reg.pager.range', { from: props.offset + 1, to: props.offset + props.count })}</span>
      <Button disabled={props.count < props.size} onClick={() => props.onOffset(props.offset + props.size)}>{t('reg.pager.next')}</Button>
    </nav>
  );
}

/** One trade with its terms, the split of the money and every settlement step with its chain transaction. */
export function TradeDetail(props: PageProps) {
  const id = props.params.id;
  const trade = useAsync(() => ok(api.GET('/api/v1/trades/{id}', { params: { path: { id } } })), [id]);
  return (
    <Page title={t('reg.trade.title', { id })} actions={<Link href="/supervision/trades" class="btn btn-secondary">{t('reg.trades.back')}</Link>}>
      <Loaded state={trade}>{tr => (
        <>
          <Card title={t('reg.trade.terms')}>
            <Facts items={[
              [t('common.status'), <Status code={tr.status} />],
              [t('reg.trade.price'), <Money fen={tr.priceFen} />],
              [t('reg.trade.origin'), tCode('reg.origin', tr.origin)],
              [t('reg.trade.rail'), tr.rail],
              [t('reg.work.id'), <WorkLink id={tr.workId} />],
              [t('reg.asset.id'), <code class="hash">{tr.assetId}</code>],
              [t('reg.trade.seller'), <AccountId id={tr.sellerId} />],
              [t('reg.trade.buyer'), <AccountId id={tr.buyerId} />],
              [t('reg.trade.listing'), <code class="hash">{tr.listingId}</code>],
              [t('common.created'), <Time at={tr.createdAt} />],
              [t('reg.trade.settledAt'), <Time at={tr.settledAt} />],
              [t('common.block'), tr.settleBlock],
            ]} />
            <Facts items={[
              [t('reg.trade.settleTx'), <FullHash value={tr.settleTxId} />],
              [t('reg.trade.termsHash'), <FullHash value={tr.termsHash} />],
              ...(tr.failureCode ? [[t('reg.trade.failure'), `${tCode('error', tr.failureCode)} ${tr.failureReason ?? ''}`] as [string, string]] : []),
            ]} />
          </Card>
          <div class="cols">
            {tr.split && (
              <Card title={t('reg.trade.split')}>
                <Facts items={[
                  [t('reg.trade.fee'), <Money fen={tr.split.feeFen} />],
                  [t('reg.trade.royalty'), <Money fen={tr.split.royaltyFen} />],
                  [t('reg.trade.net'), <Money fen={tr.split.sellerNetFen} />],
                ]} />
                {(tr.split.royalties ?? []).length > 0 && (
                  <RegTable label={t('reg.trade.royalties')} rows={tr.split.royalties} rowKey={r => r.accountId!} columns={[
                    { header: t('reg.trade.creator'), cell: r => <AccountId short id={r.accountId} /> },
                    { header: t('reg.trade.share'), cell: r => percentBp(r.shareBps), class: 'num' },
                    { header: t('reg.trade.amount'), cell: r => <Money fen={r.amountFen} />, class: 'num' },
                  ]} />
                )}
              </Card>
            )}
            <Card title={t('reg.trade.steps')}>
              <Timeline label={t('reg.trade.steps')} items={(tr.steps ?? []).map((s, i) => ({
                key: `${s.step}-${i}`, at: s.finishedAt ?? s.startedAt,
                tone: s.status === 'DONE' ? 'ok' : s.status === 'FAILED' ? 'bad' : 'warn',
                title: <>{tCode('reg.step', s.step)} <Status code={s.status} /></>,
                detail: <div class="reg-ev">
                  {s.txId && <span>{t('common.tx')} <FullHash value={s.txId} /></span>}
                  {s.blockNumber != null && <span>{t('common.block')} {s.blockNumber}</span>}
                  {(s.attempts ?? 0) > 1 && <span>{t('reg.trade.attempts', { n: s.attempts ?? 0 })}</span>}
                  {s.detail && <span>{s.detail}</span>}
                </div>,
              }))} />
            </Card>
          </div>
        </>
      )}</Loaded>
    </Page>
  );
}
