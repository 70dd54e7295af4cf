import { useState } from 'preact/hooks';
import { api, ok } from '../../../core/api';
import { parseYuan } from '../../../core/format';
import { useAsync } from '../../../core/hooks';
import { t } from '../../../core/i18n';
import { Link, navigate } from '../../../core/router';
import type { PageProps } from '../../../core/routes';
import { Button, Loaded, Money, Page, SelectField, Status, TextField, Thumb, Time } from '../../../core/ui';
import { assetKindLabel, headlinePrice, type Listing, listingTitle, priceLabel, typeLabel } from '../shared';

const TYPES = ['FIXED_PRICE', 'OFFERS_ONLY', 'ENGLISH_AUCTION', 'SEALED_BID_AUCTION'];
const KINDS = ['EDITION', 'COPYRIGHT'];
const STATUSES = ['OPEN', 'SOLD', 'CANCELLED', 'CLOSED', 'ALL'];
const PAGE = 24;

/** The board: listings as cards with their work's picture; search and filters live in the address (shareable). */
export function BoardPage(props: PageProps) {
  const q = props.query;
  const initial = {
    q: q.get('q') ?? '', type: q.get('type') ?? '', assetKind: q.get('assetKind') ?? '', status: q.get('status') ?? 'OPEN',
    min: q.get('min') ?? '', max: q.get('max') ?? '',
  };
  const [form, setForm] = useState(initial);
  const [limit, setLimit] = useState(PAGE);
  const minFen = initial.min ? parseYuan(initial.min) : null;
  const maxFen = initial.max ? parseYuan(initial.max) : null;
  const listings = useAsync(() => ok(api.GET('/api/v1/listings', {
    params: {
      query: {
        q: initial.q || undefined, type: initial.type || undefined, assetKind: initial.assetKind || undefined,
        status: initial.status, minPriceFen: minFen ?? undefined, maxPriceFen: maxFen ?? undefined, limit: limit + 1,
      },
    },
  })), [props.query.toString(), limit]);

  const minBad = !!form.min && parseYuan(form.min) === null;
  const maxBad = !!form.max && parseYuan(form.max) === null;
  const apply = (e: Event) => {
    e.preventDefault();
    if (minBad || maxBad) return;
    const next = new URLSearchParams();
    Object.entries(form).forEach(([k, v]) => { if (v && !(k === 'status' && v === 'OPEN')) next.set(k, v.trim()); });
    const qs = next.toString();
    setLimit(PAGE);
    navigate(`/board${qs ? `?${qs}` : ''}`, true);
  };
  const set = (k: keyof typeof form) => (v: string) => setForm(f => ({ ...f, [k]: v }));
  const filtered = Object.entries(initial).some(([k, v]) => v && !(k === 'status' && v === 'OPEN'));

  return (
    <Page title={t('trader.board.title')} subtitle={t('trader.board.subtitle')}>
      <form class="filters trader-filters" role="search" aria-label={t('trader.board.searchLabel')} onSubmit={apply} noValidate>
        <div class="trader-filter-q">
          <TextField label={t('trader.board.q')} value={form.q} onInput={set('q')} type="search" name="q" placeholder={t('trader.board.qPlaceholder')} />
        </div>
        <SelectField label={t('trader.board.type')} value={form.type} onChange={set('type')} name="type"
          options={[['', t('common.all')], ...TYPES.map(x => [x, typeLabel(x)] as [string, string])]} />
        <SelectField label={t('trader.board.assetKind')} value={form.assetKind} onChange={set('assetKind')} name="assetKind"
          options={[['', t('common.all')], ...KINDS.map(x => [x, assetKindLabel(x)] as [string, string])]} />
        <div class="trader-filter-status">
          <SelectField label={t('common.status')} value={form.status} onChange={set('status')} name="status"
            options={STATUSES.map(x => [x, x === 'ALL' ? t('common.all') : t(`status.${x}`)] as [string, string])} />
        </div>
        <div class="trader-filter-price">
          <TextField label={t('trader.board.min')} value={form.min} onInput={set('min')} inputMode="decimal" name="min"
            error={minBad ? t('trader.account.amountInvalid') : null} />
        </div>
        <div class="trader-filter-price">
          <TextField label={t('trader.board.max')} value={form.max} onInput={set('max')} inputMode="decimal" name="max"
            error={maxBad ? t('trader.account.amountInvalid') : null} />
        </div>
        <div class="trader-filter-actions">
          <Button type="submit" variant="primary">{t('common.search')}</Button>
          {filtered && <Button variant="ghost" onClick={() => { setForm({ q: '', type: '', assetKind: '', status: 'OPEN', min: '', max: '' }); navigate('/board', true); }}>{t('trader.board.clear')}</Button>}
        </div>
      </form>
      <Loaded state={listings}>
        {rows => (
          <>
            <p class="muted" role="status" data-testid="board-count">
              {rows.length > limit ? t('trader.board.countMore', { n: limit }) : t(rows.length === 1 ? 'trader.board.count1' : 'trader.board.count', { n: rows.length })}
            </p>
            {rows.length === 0 ? <p class="empty">{t(filtered ? 'trader.board.noMatch' : 'trader.board.empty')}</p> : (
              <ul class="listing-grid trader-listing-grid" aria-label={t('trader.board.listings')}>
                {rows.slice(0, limit).map(l => <li key={l.id}><ListingCard l={l} /></li>)}
              </ul>
            )}
            {rows.length > limit && <p><Button onClick={() => setLimit(n => n + PAGE)}>{t('common.more')}</Button></p>}
          </>
        )}
      </Loaded>
    </Page>
  );
}

function ListingCard(props: { l: Listing }) {
  const l = props.l;
  const title = l.workTitle ?? l.workId ?? '';
  const price = headlinePrice(l);
  return (
    <article class="listing-card" data-testid="listing-card" data-listing-id={l.id} aria-label={listingTitle(l)}>
      <Thumb workId={l.workId} kind={l.workKind} size={220} alt={l.workTitle ?? l.workId ?? ''} />
      <div class="body">
        <h2 class="trader-card-title"><Link href={`/board/${l.id}`}>{title}</Link></h2>
        {l.edition && l.editionCount && <p class="muted trader-card-edition">{t('trader.edition', { n: l.edition, of: l.editionCount })}</p>}
        <p class="trader-card-tags">
          <span class="badge badge-info">{typeLabel(l.type)}</span>
          <span class="badge badge-muted">{assetKindLabel(l.assetKind)}</span>
          {l.status !== 'OPEN' && <Status code={l.status} />}
          {l.halted && <Status code="HALTED" />}
        </p>
        <p class="trader-card-price">
          <span class="muted">{priceLabel(l)}</span> {price !== undefined && <strong><Money fen={price} /></strong>}
        </p>
        {l.endsAt && <p class="muted trader-card-ends">{t('trader.listing.endsAt')} <Time at={l.endsAt} /></p>}
      </div>
    </article>
  );
}
