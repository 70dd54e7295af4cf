import { useEffect } from 'preact/hooks';
import { api, ok } from '../../../core/api';
import { useAsync, usePolling } from '../../../core/hooks';
import { t, tCode } from '../../../core/i18n';
import { Link } from '../../../core/router';
import type { PageProps } from '../../../core/routes';
import { Card, DataTable, ErrorBox, Facts, Hash, Loaded, Money, Notice, Page, Status, Time, Timeline } from '../../../core/ui';
import { myAccount, Party, type Trade, useMyAccountId, WorkTitle } from '../shared';

/** The caller's trades, bought and sold, newest first. */
export function TradesPage() {
  const trades = useAsync(() => ok(api.GET('/api/v1/trades', { params: { query: { limit: 200 } } })));
  const me = useMyAccountId();
  return (
    <Page title={t('trader.trades.title')} subtitle={t('trader.trades.subtitle')}>
      <Loaded state={trades}>
        {rows => (
          <DataTable label={t('trader.trades.title')} rows={rows} rowKey={r => r.id ?? ''} empty={t('trader.trades.empty')} testId="trades"
            columns={[
              { header: t('trader.trades.work'), cell: r => <WorkTitle id={r.workId} link={`/trades/${r.id}`} /> },
              { header: t('trader.trades.side'), cell: r => (r.buyerId === me ? t('trader.trades.bought') : t('trader.trades.sold')) },
              { header: t('trader.trades.price'), class: 'num', cell: r => <Money fen={r.priceFen} /> },
              { header: t('common.status'), cell: r => <Status code={r.status} /> },
              { header: t('trader.trades.origin'), cell: r => tCode('trader.origin', r.origin) },
              { header: t('common.time'), cell: r => <Time at={r.settledAt ?? r.createdAt} /> },
            ]} />
        )}
      </Loaded>
    </Page>
  );
}

const STEPS = ['HOLD_FUNDS', 'LOCK_ASSET', 'SETTLE_ON_CHAIN', 'POST_JOURNAL', 'PAY_OUT'];

/** A trade and its settlement saga as a timeline, polled every second and a half while it settles. */
export function TradePage(props: PageProps) {
  const id = props.params.id;
  const trade = useAsync(() => ok(api.GET('/api/v1/trades/{id}', { params: { path: { id } } })), [id]);
  const me = useMyAccountId();
  const settling = trade.data?.status === 'SETTLING';
  usePolling(trade.reload, 1500, settling);
  useEffect(() => { if (trade.data && !settling) void myAccount(true); }, [trade.data?.status]);
  return (
    <Page title={t('trader.trade.title')} subtitle={id}
      actions={<Link href="/trades" class="btn btn-ghost">{t('trader.trade.back')}</Link>}>
      {trade.error && trade.data ? <ErrorBox error={trade.error} /> : null}
      <Loaded state={{ ...trade, error: trade.data ? undefined : trade.error }}>
        {tr => <TradeView tr={tr} me={me} />}
      </Loaded>
    </Page>
  );
}

function TradeView(props: { tr: Trade; me: string | undefined }) {
  const tr = props.tr;
  const split = tr.split;
  const mine = tr.buyerId === props.me ? 'buyer' : tr.sellerId === props.me ? 'seller' : null;
  return (
    <div class="cols trader-trade">
      <Card title={t('trader.trade.summary')} testId="trade-summary">
        {tr.status === 'SETTLED' && <Notice tone="ok" testId="trade-outcome">{t(mine === 'seller' ? 'trader.trade.settledSeller' : 'trader.trade.settledBuyer')}</Notice>}
        {tr.status === 'SETTLING' && <Notice tone="warn" testId="trade-outcome">{t('trader.trade.settling')}</Notice>}
        {tr.status === 'FAILED' && (
          <div class="alert alert-bad" role="alert" data-testid="trade-outcome" data-code={tr.failureCode}>
            <strong>{t('trader.trade.failed')}</strong> {tCode('error', tr.failureCode)} {tr.failureReason && <span>{tr.failureReason}</span>}
            <span class="code"> ({tr.failureCode})</span>
          </div>
        )}
        <Facts items={[
          [t('common.status'), <span data-testid="trade-status"><Status code={tr.status} /></span>],
          [t('trader.trades.work'), <WorkTitle id={tr.workId} />],
          [t('trader.trades.price'), <strong><Money fen={tr.priceFen} /></strong>],
          [t('trader.trade.buyer'), <Party id={tr.buyerId} me={props.me} />],
          [t('trader.trade.seller'), <Party id={tr.sellerId} me={props.me} />],
          [t('trader.trades.origin'), tCode('trader.origin', tr.origin)],
          [t('trader.trade.rail'), tCode('trader.rail', tr.rail)],
          [t('trader.trade.opened'), <Time at={tr.createdAt} />],
          [t('trader.trade.settledAt'), <Time at={tr.settledAt} />],
          [t('trader.trade.settleTx'), <Hash value={tr.settleTxId} keep={16} />],
          [t('common.block'), tr.settleBlock ?? '—'],
          [t('trader.trade.terms'), <Hash value={tr.termsHash} keep={16} />],
          [t('trader.listing.title'), <Link href={`/board/${tr.listingId}`}>{tr.listingId}</Link>],
        ]} />
        {split && (
          <>
            <h3>{t('trader.trade.split')}</h3>
            <Facts items={[
              [t('trader.trade.fee'), <Money fen={split.feeFen} />],
              [t('trader.trade.royalties'), <Money fen={split.royaltyFen} />],
              [t('trader.trade.sellerNet'), <Money fen={split.sellerNetFen} />],
            ]} />
          </>
        )}
      </Card>
      <Card title={t('trader.trade.progress')} testId="trade-progress">
        <StepsTimeline tr={tr} />
      </Card>
    </div>
  );
}

function StepsTimeline(props: { tr: Trade }) {
  const done = new Map((props.tr.steps ?? []).map(s => [s.step!, s]));
  const payOut = done.has('PAY_OUT') || (props.tr.rail && props.tr.rail !== 'internal');
  const planned = STEPS.filter(s => s !== 'PAY_OUT' || payOut);
  const extra = (props.tr.steps ?? []).filter(s => !planned.includes(s.step!)).map(s => s.step!);
  const items = [...planned, ...extra].map(step => {
    const s = done.get(step);
    const status = s?.status ?? (props.tr.status === 'FAILED' ? 'SKIPPED' : 'WAITING');
    const tone = status === 'DONE' ? 'ok' : status === 'FAILED' ? 'bad' : status === 'STARTED' ? 'warn' : 'muted';
    return {
      key: step,
      at: s?.finishedAt ?? s?.startedAt,
      tone,
      title: <span data-testid={`step-${step}`} data-status={status}>{tCode('trader.step', step)} <Status code={status} /></span>,
      detail: (
        <>
          <span>{t(`trader.step.${step}.explain`)}</span>
          {s?.txId && <span class="trader-step-tx"> {t('common.tx')} <Hash value={s.txId} keep={16} />{s.blockNumber != null && <> · {t('common.block')} {s.blockNumber}</>}</span>}
          {s?.attempts && s.attempts > 1 ? <span> · {t('trader.step.attempts', { n: s.attempts })}</span> : null}
          {s?.detail && <span class="trader-step-detail"> · {s.detail}</span>}
        </>
      ),
    };
  });
  return <Timeline items={items} label={t('trader.trade.progress')} testId="settlement-steps" />;
}
