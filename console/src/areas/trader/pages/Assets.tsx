import { useEffect, useState } from 'preact/hooks';
import { api, idempotencyKey, ok, send, type Schemas } from '../../../core/api';
import { parseYuan } from '../../../core/format';
import { useAction, useAsync } from '../../../core/hooks';
import { t, tCode } from '../../../core/i18n';
import { Link, navigate } from '../../../core/router';
import { Button, Card, DataTable, ErrorBox, Loaded, Money, Page, SelectField, Status, TextArea, TextField, Thumb, Time, toast } from '../../../core/ui';
import { assetKindLabel, type Listing, typeLabel, useMyAccountId, work, WorkTitle } from '../shared';

type Asset = Schemas['AssetResponse'];

/** What the caller owns, with the listing each is on, and "Sell" to list one (a resale). */
export function AssetsPage() {
  const assets = useAsync(() => ok(api.GET('/api/v1/assets', { params: { query: { owner: 'me' } } })));
  const me = useMyAccountId();
  const listings = useAsync(() => (me ? ok(api.GET('/api/v1/listings', { params: { query: { sellerId: me, limit: 200 } } })) : Promise.resolve([] as Listing[])), [me]);
  const [selling, setSelling] = useState<Asset | null>(null);
  const listed = new Map((listings.data ?? []).map(l => [l.assetId!, l]));
  return (
    <Page title={t('trader.assets.title')} subtitle={t('trader.assets.subtitle')}>
      {selling && <SellForm key={selling.id} asset={selling} onClose={() => setSelling(null)} />}
      <Loaded state={assets}>
        {rows => (
          <DataTable label={t('trader.assets.title')} rows={rows} rowKey={a => a.id ?? ''} empty={t('trader.assets.empty')} testId="assets"
            columns={[
              { header: t('trader.assets.picture'), cell: a => <Thumb workId={a.workId} size={48} alt={t('trader.assets.pictureOf', { id: a.id ?? '' })} kind={null} />, class: 'trader-thumb-cell' },
              { header: t('trader.trades.work'), cell: a => <WorkTitle id={a.workId} /> },
              { header: t('trader.board.assetKind'), cell: a => (a.kind === 'EDITION' ? t('trader.edition', { n: a.edition ?? 0, of: a.editionCount ?? 0 }) : assetKindLabel(a.kind)) },
              { header: t('trader.assets.issuePrice'), class: 'num', cell: a => <Money fen={a.issuePriceFen} /> },
              { header: t('trader.assets.acquired'), cell: a => <><Time at={a.acquiredAt} /> <span class="muted">{tCode('trader.acquiredBy', a.acquiredBy)}</span></> },
              { header: t('common.status'), cell: a => <Status code={a.status} /> },
              {
                header: t('trader.assets.listing'), cell: a => {
                  const l = listed.get(a.id!);
                  if (l) return <Link href={`/board/${l.id}`}>{t('trader.assets.listedAs', { type: typeLabel(l.type) })}</Link>;
                  return a.status === 'ACTIVE'
                    ? <Button onClick={() => { setSelling(a); window.scrollTo(0, 0); }} aria-label={t('trader.assets.sellOne', { id: a.id ?? '' })}>{t('trader.assets.sell')}</Button>
                    : '—';
                },
              },
            ]} />
        )}
      </Loaded>
    </Page>
  );
}

/** A listing of one asset: fixed price or offers (editions); copyrights may go to auction too, as board policy allows. */
function SellForm(props: { asset: Asset; onClose: () => void }) {
  const a = props.asset;
  const [type, setType] = useState('FIXED_PRICE');
  const [price, setPrice] = useState(a.issuePriceFen ? (a.issuePriceFen / 100).toFixed(2) : '');
  const [increment, setIncrement] = useState('1.00');
  const [hours, setHours] = useState('24');
  const [disclosure, setDisclosure] = useState('');
  const [licence, setLicence] = useState('');
  const [touched, setTouched] = useState(false);
  const [key] = useState(idempotencyKey());
  const action = useAction();
  const fen = parseYuan(price);
  const needsPrice = type !== 'OFFERS_ONLY';
  const errors = {
    price: needsPrice && !fen ? t('trader.account.amountInvalid') : null,
    increment: type === 'ENGLISH_AUCTION' && !parseYuan(increment) ? t('trader.account.amountInvalid') : null,
    hours: (type === 'ENGLISH_AUCTION' || type === 'SEALED_BID_AUCTION') && !(Number(hours) > 0) ? t('trader.sell.hoursInvalid') : null,
    disclosure: disclosure.trim() ? null : t('trader.kyc.v.required'),
  };
  const submit = async (e: Event) => {
    e.preventDefault();
    setTouched(true);
    if (Object.values(errors).some(Boolean)) return;
    const ends = new Date(Date.now() + Number(hours) * 3600_000);
    const body: Record<string, unknown> = { assetId: a.id, type, disclosure: disclosure.trim(), licenceTerms: licence.trim() || undefined };
    if (type === 'FIXED_PRICE') body.priceFen = fen;
    if (type === 'ENGLISH_AUCTION') Object.assign(body, { priceFen: fen, minIncrementFen: parseYuan(increment), endsAt: ends.toISOString() });
    if (type === 'SEALED_BID_AUCTION') Object.assign(body, { reserveFen: fen, endsAt: ends.toISOString(), revealEndsAt: new Date(ends.getTime() + 3600_000).toISOString() });
    const listing = await action.run(() => send<Listing>('POST', '/api/v1/listings', body, { 'Idempotency-Key': key }));
    if (listing?.id) { toast(t('trader.sell.done')); navigate(`/board/${listing.id}`); }
  };
  const types = a.kind === 'EDITION' ? ['FIXED_PRICE', 'OFFERS_ONLY'] : ['FIXED_PRICE', 'OFFERS_ONLY', 'ENGLISH_AUCTION', 'SEALED_BID_AUCTION'];
  const [title, setTitle] = useState<string>(a.workId ?? '');
  useEffect(() => { if (a.workId) work(a.workId).then(w => { if (w?.title) setTitle(w.title); }); }, [a.workId]);
  return (
    <Card title={t('trader.sell.title', { work: title })} testId="sell-form">
      <form class="stack trader-sell-form" onSubmit={submit} noValidate aria-label={t('trader.sell.title', { work: title })}>
        <div class="form-row">
          <SelectField label={t('trader.listing.type')} value={type} onChange={setType} options={types.map(x => [x, typeLabel(x)] as [string, string])} />
          {needsPrice && <TextField label={type === 'SEALED_BID_AUCTION' ? t('trader.price.reserve') : type === 'ENGLISH_AUCTION' ? t('trader.price.opening') : t('trader.price.fixed')}
            value={price} onInput={setPrice} inputMode="decimal" error={touched ? errors.price : null} hint={t('trader.sell.priceHint')} />}
          {type === 'ENGLISH_AUCTION' && <TextField label={t('trader.listing.increment')} value={increment} onInput={setIncrement} inputMode="decimal" error={touched ? errors.increment : null} />}
          {(type === 'ENGLISH_AUCTION' || type === 'SEALED_BID_AUCTION') && <TextField label={t('trader.sell.hours')} value={hours} onInput={setHours} inputMode="numeric" error={touched ? errors.hours : null} />}
        </div>
        <TextArea label={t('trader.listing.disclosure')} value={disclosure} onInput={setDisclosure} required error={touched ? errors.disclosure : null} hint={t('trader.sell.disclosureHint')} />
        <TextArea label={t('trader.listing.licence')} value={licence} onInput={setLicence} hint={t('trader.sell.licenceHint')} />
        <ErrorBox error={action.error} />
        <div class="trader-button-row">
          <Button type="submit" variant="primary" busy={action.busy}>{t('trader.sell.submit')}</Button>
          <Button variant="ghost" onClick={props.onClose}>{t('common.cancel')}</Button>
        </div>
      </form>
    </Card>
  );
}
