import { useState } from 'preact/hooks';
import { api, idempotencyKey, ok, send } from '../../../core/api';
import { parseYuan, yuan } from '../../../core/format';
import { useAction, useAsync } from '../../../core/hooks';
import { t } from '../../../core/i18n';
import { Link, navigate } from '../../../core/router';
import { Button, DataTable, ErrorBox, Loaded, Money, Page, Status, TextField, Time, toast } from '../../../core/ui';
import { type Offer, Party, type Trade, useMyAccountId, WorkTitle } from '../shared';

/** The caller's offers, made and received, with what each side may do next. */
export function OffersPage() {
  const offers = useAsync(() => ok(api.GET('/api/v1/offers', { params: { query: { limit: 200 } } })));
  const me = useMyAccountId();
  return (
    <Page title={t('trader.offers.title')} subtitle={t('trader.offers.subtitle')}>
      <Loaded state={offers}>
        {rows => <OffersTable rows={rows} me={me} onChange={offers.reload} showListing />}
      </Loaded>
    </Page>
  );
}

export function OffersTable(props: { rows: readonly Offer[]; me: string | undefined; onChange: () => void; showListing?: boolean }) {
  return (
    <DataTable label={t('trader.offers.title')} rows={props.rows} rowKey={o => o.id ?? ''} empty={t('trader.offers.empty')} testId="offers"
      columns={[
        ...(props.showListing ? [{ header: t('trader.offers.listing'), cell: (o: Offer) => <Link href={`/board/${o.listingId}`}><AssetWork assetId={o.assetId} /></Link> }] : []),
        { header: t('trader.offers.side'), cell: o => (o.sellerId === props.me ? t('trader.offers.received') : t('trader.offers.made')) },
        { header: t('trader.offers.counterparty'), cell: o => <Party id={o.sellerId === props.me ? o.buyerId : o.sellerId} me={props.me} /> },
        { header: t('trader.offers.amount'), class: 'num', cell: o => <Money fen={o.amountFen} /> },
        { header: t('trader.offers.counter'), class: 'num', cell: o => (o.counterFen != null ? <Money fen={o.counterFen} /> : '—') },
        { header: t('common.status'), cell: o => <Status code={o.status} /> },
        { header: t('common.time'), cell: o => <Time at={o.updatedAt ?? o.createdAt} /> },
        { header: t('trader.offers.actions'), cell: o => <OfferActions offer={o} me={props.me} onChange={props.onChange} /> },
      ]} />
  );
}

/** The work an asset belongs to (offers carry the asset; its id names the work: wk_..., read once). */
function AssetWork(props: { assetId: string | undefined }) {
  const asset = useAsync(() => (props.assetId ? ok(api.GET('/api/v1/assets/{id}', { params: { path: { id: props.assetId } } })) : Promise.resolve(null)), [props.assetId]);
  return asset.data?.workId ? <WorkTitle id={asset.data.workId} /> : <span>{props.assetId}</span>;
}

/**
 * The seller accepts, rejects or counters a PENDING offer; the buyer accepts a COUNTERED one or withdraws an open
 * one. Accepting settles the trade at once and opens its page.
 */
export function OfferActions(props: { offer: Offer; me: string | undefined; onChange: () => void }) {
  const o = props.offer;
  const action = useAction();
  const [countering, setCountering] = useState(false);
  const [counter, setCounter] = useState('');
  const [key] = useState(idempotencyKey());
  const seller = o.sellerId === props.me;
  const buyer = o.buyerId === props.me;
  const open = o.status === 'PENDING' || o.status === 'COUNTERED';
  if (!open || (!seller && !buyer)) return o.tradeId ? <Link href={`/trades/${o.tradeId}`}>{t('trader.offers.trade')}</Link> : null;

  const post = (what: string, body?: unknown) => action.run(async () => {
    const r = await send<Offer | Trade>('POST', `/api/v1/offers/${o.id}/${what}`, body, what === 'accept' ? { 'Idempotency-Key': key } : {});
    return r;
  });
  const accept = async () => {
    const trade = await post('accept') as Trade | undefined;
    if (trade?.id) { toast(t('trader.offers.accepted')); navigate(`/trades/${trade.id}`); }
  };
  const simple = (what: 'reject' | 'withdraw') => async () => {
    if (await post(what)) { toast(t(`trader.offers.${what}ed`)); props.onChange(); }
  };
  const counterFen = parseYuan(counter);
  const sendCounter = async (e: Event) => {
    e.preventDefault();
    if (!counterFen) return;
    if (await post('counter', { amountFen: counterFen })) {
      setCountering(false);
      setCounter('');
      toast(t('trader.offers.countered', { amount: yuan(counterFen) }));
      props.onChange();
    }
  };
  return (
    <div class="trader-offer-actions">
      {seller && o.status === 'PENDING' && (
        <>
          <Button variant="primary" busy={action.busy} onClick={accept}>{t('trader.offers.accept')}</Button>
          <Button busy={action.busy} onClick={simple('reject')}>{t('trader.offers.reject')}</Button>
          <Button variant="ghost" onClick={() => setCountering(c => !c)} aria-expanded={countering}>{t('trader.offers.counterAction')}</Button>
        </>
      )}
      {buyer && o.status === 'COUNTERED' && <Button variant="primary" busy={action.busy} onClick={accept}>{t('trader.offers.acceptCounter', { amount: yuan(o.counterFen) })}</Button>}
      {buyer && <Button variant="ghost" busy={action.busy} onClick={simple('withdraw')}>{t('trader.offers.withdraw')}</Button>}
      {countering && (
        <form class="trader-counter" onSubmit={sendCounter} noValidate>
          <TextField label={t('trader.offers.counterAmount')} value={counter} onInput={setCounter} inputMode="decimal"
            error={counter && !counterFen ? t('trader.account.amountInvalid') : null} />
          <Button type="submit" busy={action.busy} disabled={!counterFen}>{t('trader.offers.sendCounter')}</Button>
        </form>
      )}
      <ErrorBox error={action.error} />
    </div>
  );
}
