import { sha256 } from 'hash-wasm';
import { useState } from 'preact/hooks';
import { sessionUser } from '../../../core/auth';
import { api, idempotencyKey, ok, send, type Schemas } from '../../../core/api';
import { parseYuan, yuan } from '../../../core/format';
import { useAction, useAsync } from '../../../core/hooks';
import { t } from '../../../core/i18n';
import { Link, navigate } from '../../../core/router';
import type { PageProps } from '../../../core/routes';
import { Button, Card, DataTable, ErrorBox, Facts, Loaded, Money, Notice, Page, Status, TextArea, TextField, Thumb, Time, toast } from '../../../core/ui';
import { OffersTable } from './Offers';
import { assetKindLabel, type Listing, listingTitle, myAccount, Party, type Trade, typeLabel, useMyAccountId } from '../shared';

type Bids = Schemas['BidsResponse'];
type Bid = Schemas['BidResponse'];

/** One listing: what is sold on which terms, by whom, and what the caller may do (buy, offer, bid, commit, reveal). */
export function ListingPage(props: PageProps) {
  const id = props.params.id;
  const listing = useAsync(() => ok(api.GET('/api/v1/listings/{id}', { params: { path: { id } } })), [id]);
  const me = useMyAccountId();
  return (
    <Loaded state={listing}>
      {l => (
        <Page title={listingTitle(l)} subtitle={`${typeLabel(l.type)} · ${assetKindLabel(l.assetKind)}`}
          actions={<Link href="/board" class="btn btn-ghost">{t('trader.listing.back')}</Link>}>
          <div class="trader-listing">
            <div class="trader-listing-main">
              <Card title={t('trader.listing.terms')} testId="listing-terms">
                <div class="trader-listing-head">
                  <Thumb workId={l.workId} kind={l.workKind} size={180} alt={l.workTitle ?? l.workId ?? ''} />
                  <Facts items={[
                    [t('common.status'), <><Status code={l.status} />{l.halted && <> <Status code="HALTED" /></>}</>],
                    [t('trader.listing.type'), typeLabel(l.type)],
                    ...priceFacts(l),
                    [t('trader.listing.seller'), <Party id={l.sellerId} me={me} />],
                    [t('trader.listing.asset'), <code class="hash">{l.assetId}</code>],
                    [t('trader.listing.work'), <code class="hash">{l.workId}</code>],
                    [t('trader.listing.listedAt'), <Time at={l.createdAt} />],
                  ]} />
                </div>
              </Card>
              <Card title={t('trader.listing.disclosure')} testId="listing-disclosure">
                <p class="trader-prose">{l.disclosure}</p>
              </Card>
              <Card title={t('trader.listing.licence')} testId="listing-licence">
                <p class="trader-prose">{l.licenceTerms || t('trader.listing.licenceDefault')}</p>
              </Card>
            </div>
            <div class="trader-listing-side">
              <Actions l={l} me={me} onChange={listing.reload} />
            </div>
          </div>
          {me && <ListingOffers l={l} me={me} />}
        </Page>
      )}
    </Loaded>
  );
}

function priceFacts(l: Listing): Array<[string, preact.ComponentChildren]> {
  const out: Array<[string, preact.ComponentChildren]> = [];
  if (l.type === 'FIXED_PRICE') out.push([t('trader.price.fixed'), <strong data-testid="listing-price"><Money fen={l.priceFen} /></strong>]);
  if (l.type === 'ENGLISH_AUCTION') {
    out.push([t('trader.price.opening'), <Money fen={l.priceFen} />]);
    out.push([t('trader.listing.increment'), <Money fen={l.minIncrementFen} />]);
  }
  if (l.type === 'ENGLISH_AUCTION' || l.type === 'SEALED_BID_AUCTION') out.push([t('trader.price.reserve'), <Money fen={l.reserveFen} />]);
  if (l.endsAt) out.push([t('trader.listing.endsAt'), <Time at={l.endsAt} />]);
  if (l.revealEndsAt) out.push([t('trader.listing.revealEndsAt'), <Time at={l.revealEndsAt} />]);
  return out;
}

function Actions(props: { l: Listing; me: string | undefined; onChange: () => void }) {
  const l = props.l;
  if (!props.me || !sessionUser()?.roles.some(r => r === 'creator' || r === 'trader')) return null;
  if (l.sellerId === props.me) return <SellerActions l={l} onChange={props.onChange} />;
  if (l.status !== 'OPEN') {
    return (
      <Card title={t('trader.listing.actions')}>
        <p>{t('trader.listing.notOpen')}</p>
        {l.tradeId && <p><Link href={`/trades/${l.tradeId}`}>{t('trader.listing.seeTrade')}</Link></p>}
      </Card>
    );
  }
  return (
    <>
      {l.type === 'FIXED_PRICE' && <BuyCard l={l} />}
      {(l.type === 'FIXED_PRICE' || l.type === 'OFFERS_ONLY') && <OfferCard l={l} onChange={props.onChange} />}
      {l.type === 'ENGLISH_AUCTION' && <EnglishBidCard l={l} />}
      {l.type === 'SEALED_BID_AUCTION' && <SealedBidCard l={l} me={props.me} />}
    </>
  );
}

function SellerActions(props: { l: Listing; onChange: () => void }) {
  const action = useAction();
  const cancellable = props.l.status === 'OPEN' && (props.l.type === 'FIXED_PRICE' || props.l.type === 'OFFERS_ONLY');
  const cancel = async () => {
    if (await action.run(() => send('POST', `/api/v1/listings/${props.l.id}/cancel`, {}))) {
      toast(t('trader.listing.cancelled'));
      props.onChange();
    }
  };
  return (
    <Card title={t('trader.listing.actions')}>
      <Notice tone="info">{t('trader.listing.yours')}</Notice>
      {props.l.tradeId && <p><Link href={`/trades/${props.l.tradeId}`}>{t('trader.listing.seeTrade')}</Link></p>}
      {cancellable && <Button variant="danger" busy={action.busy} onClick={cancel}>{t('trader.listing.cancel')}</Button>}
      <ErrorBox error={action.error} />
    </Card>
  );
}

/** Buy at the asking price: one Idempotency-Key per page, so a retried click cannot buy twice. */
function BuyCard(props: { l: Listing }) {
  const action = useAction();
  const [key] = useState(idempotencyKey());
  const buy = async () => {
    const trade = await action.run(() => send<Trade>('POST', `/api/v1/listings/${props.l.id}/purchase`, undefined, { 'Idempotency-Key': key }));
    if (trade?.id) {
      void myAccount(true);
      toast(t('trader.listing.bought'));
      navigate(`/trades/${trade.id}`);
    }
  };
  return (
    <Card title={t('trader.listing.buyTitle')} testId="buy-card">
      <p class="stat"><Money fen={props.l.priceFen} /></p>
      <p class="muted">{t('trader.listing.buyExplain')}</p>
      <Button variant="primary" busy={action.busy} onClick={buy} disabled={props.l.halted}>
        {t('trader.listing.buy', { price: yuan(props.l.priceFen) })}
      </Button>
      <ErrorBox error={action.error} />
    </Card>
  );
}

function OfferCard(props: { l: Listing; onChange: () => void }) {
  const [amount, setAmount] = useState('');
  const [message, setMessage] = useState('');
  const [touched, setTouched] = useState(false);
  const [key, setKey] = useState(idempotencyKey());
  const action = useAction();
  const fen = parseYuan(amount);
  const invalid = !fen ? t('trader.account.amountInvalid') : null;
  const submit = async (e: Event) => {
    e.preventDefault();
    setTouched(true);
    if (invalid) return;
    const r = await action.run(() => send('POST', `/api/v1/listings/${props.l.id}/offers`, { amountFen: fen, message: message.trim() || undefined }, { 'Idempotency-Key': key }));
    if (r) {
      toast(t('trader.offer.sent', { amount: yuan(fen) }));
      setAmount(''); setMessage(''); setTouched(false); setKey(idempotencyKey());
      void myAccount(true);
      props.onChange();
    }
  };
  return (
    <Card title={t('trader.offer.title')}>
      <form class="stack" onSubmit={submit} noValidate aria-label={t('trader.offer.title')}>
        <TextField label={t('trader.offer.amount')} value={amount} onInput={v => { setAmount(v); action.clear(); }} inputMode="decimal"
          error={touched ? invalid : null} hint={t('trader.offer.hint')} name="offer-amount" />
        <TextArea label={t('trader.offer.message')} value={message} onInput={setMessage} rows={2} name="offer-message" />
        <ErrorBox error={action.error} />
        <div><Button type="submit" busy={action.busy} disabled={props.l.halted}>{t('trader.offer.submit')}</Button></div>
      </form>
    </Card>
  );
}

function useBids(listingId: string | undefined) {
  return useAsync(() => ok(api.GET('/api/v1/listings/{listingId}/bids', { params: { path: { listingId: listingId! } } })), [listingId]);
}

function EnglishBidCard(props: { l: Listing }) {
  const bids = useBids(props.l.id);
  const [amount, setAmount] = useState('');
  const [key, setKey] = useState(idempotencyKey());
  const action = useAction();
  const fen = parseYuan(amount);
  const submit = async (e: Event) => {
    e.preventDefault();
    if (!fen) return;
    const r = await action.run(() => send<Bid>('POST', `/api/v1/listings/${props.l.id}/bids`, { amountFen: fen }, { 'Idempotency-Key': key }));
    if (r) { toast(t('trader.bid.placed', { amount: yuan(fen) })); setAmount(''); setKey(idempotencyKey()); void myAccount(true); bids.reload(); }
  };
  return (
    <Card title={t('trader.bid.title')} testId="bid-card">
      <Loaded state={bids}>
        {(b: Bids) => (
          <>
            <Facts items={[
              [t('trader.bid.highest'), <Money fen={b.highestFen} />],
              [t('trader.bid.minimum'), <strong><Money fen={b.minimumBidFen} /></strong>],
              [t('trader.listing.endsAt'), <Time at={b.endsAt} />],
            ]} />
            <form class="stack" onSubmit={submit} noValidate aria-label={t('trader.bid.title')}>
              <TextField label={t('trader.bid.amount')} value={amount} onInput={v => { setAmount(v); action.clear(); }} inputMode="decimal"
                error={amount && !fen ? t('trader.account.amountInvalid') : null} hint={t('trader.bid.hint')} name="bid-amount" />
              <ErrorBox error={action.error} />
              <div><Button type="submit" variant="primary" busy={action.busy} disabled={!fen}>{t('trader.bid.submit')}</Button></div>
            </form>
            <BidTable bids={b.bids ?? []} />
          </>
        )}
      </Loaded>
    </Card>
  );
}

function BidTable(props: { bids: readonly Bid[] }) {
  const me = useMyAccountId();
  return (
    <DataTable label={t('trader.bid.list')} rows={[...props.bids].reverse()} rowKey={b => b.id ?? ''} empty={t('trader.bid.none')}
      columns={[
        { header: t('trader.bid.bidder'), cell: b => <Party id={b.bidder} me={me} /> },
        { header: t('trader.bid.amount'), class: 'num', cell: b => (b.amountFen != null ? <Money fen={b.amountFen} /> : t('trader.bid.sealed')) },
        { header: t('common.status'), cell: b => <Status code={b.status} /> },
        { header: t('common.time'), cell: b => <Time at={b.placedAt} /> },
      ]} />
  );
}

/* ---------- sealed bids: the commitment is computed here; the salt never leaves the browser before the reveal -- */

interface SealedSecret { amountFen: number; salt: string; commitment: string }
const secretKey = (listingId: string, bidId: string) => `dcx.sealed.${listingId}.${bidId}`;

function readSecret(listingId: string, bidId: string): SealedSecret | null {
  try { return JSON.parse(localStorage.getItem(secretKey(listingId, bidId)) ?? 'null'); } catch { return null; }
}

function newSalt(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, b => b.toString(16).padStart(2, '0')).join('');
}

function SealedBidCard(props: { l: Listing; me: string }) {
  const l = props.l;
  const bids = useBids(l.id);
  const [amount, setAmount] = useState('');
  const action = useAction();
  const [last, setLast] = useState<SealedSecret | null>(null);
  const now = Date.now();
  const committing = !!l.endsAt && now < Date.parse(l.endsAt);
  const revealing = !committing && !!l.revealEndsAt && now < Date.parse(l.revealEndsAt);
  const fen = parseYuan(amount);
  const commit = async (e: Event) => {
    e.preventDefault();
    if (!fen) return;
    const salt = newSalt();
    const commitment = await sha256(`${fen}:${salt}:${props.me}`);
    const bid = await action.run(() => send<Bid>('POST', `/api/v1/listings/${l.id}/bids`, { commitment }, { 'Idempotency-Key': idempotencyKey() }));
    if (bid?.id) {
      const secret = { amountFen: fen, salt, commitment };
      localStorage.setItem(secretKey(l.id!, bid.id), JSON.stringify(secret));
      setLast(secret);
      setAmount('');
      toast(t('trader.sealed.committed'));
      bids.reload();
    }
  };
  return (
    <Card title={t('trader.sealed.title')} testId="sealed-card">
      <p class="muted">{t(committing ? 'trader.sealed.commitPhase' : revealing ? 'trader.sealed.revealPhase' : 'trader.sealed.over')}</p>
      {committing && (
        <form class="stack" onSubmit={commit} noValidate aria-label={t('trader.sealed.title')}>
          <TextField label={t('trader.bid.amount')} value={amount} onInput={v => { setAmount(v); action.clear(); }} inputMode="decimal"
            error={amount && !fen ? t('trader.account.amountInvalid') : null} hint={t('trader.sealed.hint')} name="sealed-amount" />
          <div><Button type="submit" variant="primary" busy={action.busy} disabled={!fen}>{t('trader.sealed.commit')}</Button></div>
        </form>
      )}
      {last && (
        <Notice tone="warn" testId="sealed-secret">
          {t('trader.sealed.keep')} <strong>{yuan(last.amountFen)}</strong> · {t('trader.sealed.salt')} <code class="hash">{last.salt}</code>
        </Notice>
      )}
      <ErrorBox error={action.error} />
      <Loaded state={bids}>
        {(b: Bids) => (
          <ul class="trader-sealed-bids">
            {(b.bids ?? []).filter(x => x.bidder === props.me).map(bid => (
              <li key={bid.id}><SealedBidRow l={l} bid={bid} revealing={revealing} onChange={bids.reload} /></li>
            ))}
          </ul>
        )}
      </Loaded>
    </Card>
  );
}

function SealedBidRow(props: { l: Listing; bid: Bid; revealing: boolean; onChange: () => void }) {
  const stored = readSecret(props.l.id!, props.bid.id!);
  const [amount, setAmount] = useState(stored ? (stored.amountFen / 100).toFixed(2) : '');
  const [salt, setSalt] = useState(stored?.salt ?? '');
  const action = useAction();
  const fen = parseYuan(amount);
  const reveal = async (e: Event) => {
    e.preventDefault();
    if (!fen || !salt) return;
    if (await action.run(() => send('POST', `/api/v1/listings/${props.l.id}/bids/${props.bid.id}/reveal`, { amountFen: fen, salt: salt.trim() }, { 'Idempotency-Key': idempotencyKey() }))) {
      toast(t('trader.sealed.revealed'));
      void myAccount(true);
      props.onChange();
    }
  };
  return (
    <div class="trader-sealed-bid">
      <p><Status code={props.bid.status} /> <Time at={props.bid.placedAt} /> · {t('trader.sealed.commitment')} <code class="hash" title={props.bid.commitment}>{props.bid.commitment?.substring(0, 16)}…</code></p>
      {stored && <p class="muted">{t('trader.sealed.stored', { amount: yuan(stored.amountFen) })}</p>}
      {stored && <p class="muted">{t('trader.sealed.salt')} <code class="hash">{stored.salt}</code></p>}
      {props.revealing && props.bid.status === 'COMMITTED' && (
        <form class="form-row" onSubmit={reveal} noValidate>
          <TextField label={t('trader.bid.amount')} value={amount} onInput={setAmount} inputMode="decimal" />
          <TextField label={t('trader.sealed.salt')} value={salt} onInput={setSalt} />
          <div class="trader-reveal-btn"><Button type="submit" variant="primary" busy={action.busy} disabled={!fen || !salt}>{t('trader.sealed.reveal')}</Button></div>
        </form>
      )}
      <ErrorBox error={action.error} />
    </div>
  );
}

function ListingOffers(props: { l: Listing; me: string }) {
  const offers = useAsync(() => ok(api.GET('/api/v1/listings/{id}/offers', { params: { path: { id: props.l.id! } } })).catch(() => []), [props.l.id]);
  if (props.l.type !== 'FIXED_PRICE' && props.l.type !== 'OFFERS_ONLY') return null;
  if (!offers.data || offers.data.length === 0) return null;
  return (
    <Card title={props.l.sellerId === props.me ? t('trader.listing.offersReceived') : t('trader.listing.yourOffers')}>
      <OffersTable rows={offers.data} me={props.me} onChange={offers.reload} />
    </Card>
  );
}
