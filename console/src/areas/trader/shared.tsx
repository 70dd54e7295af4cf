import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { api, ok, type Schemas } from '../../core/api';
import { t, tCode } from '../../core/i18n';
import { Link } from '../../core/router';

export type Listing = Schemas['ListingResponse'];
export type Trade = Schemas['TradeResponse'];
export type Offer = Schemas['OfferResponse'];
export type { Account } from '../../core/account';

export { myAccount, useMyAccountId } from '../../core/account';

/* ---------- works by id: a title for trades, offers and assets ---------------------------------------------- */

const works = new Map<string, Promise<Schemas['WorkResponse'] | null>>();

export function work(id: string): Promise<Schemas['WorkResponse'] | null> {
  let p = works.get(id);
  if (!p) {
    p = ok(api.GET('/api/v1/works/{id}', { params: { path: { id } } })).catch(() => null);
    works.set(id, p);
  }
  return p;
}

/** A work's title (its id until it is known). */
export function WorkTitle(props: { id: string | null | undefined; link?: string }) {
  const [title, setTitle] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    if (props.id) work(props.id).then(w => { if (live) setTitle(w?.title ?? null); });
    return () => { live = false; };
  }, [props.id]);
  if (!props.id) return <span>—</span>;
  const text = title ?? props.id;
  return props.link ? <Link href={props.link}>{text}</Link> : <span>{text}</span>;
}

/** A party's pseudonymous account id, "you" for the caller. */
export { Party } from '../../core/ui';

/* ---------- listings ---------------------------------------------------------------------------------------- */

/** The price a listing is shown at: the asking price, the opening bid, the reserve; offers-only listings have none. */
export function headlinePrice(l: Listing): number | undefined {
  if (l.type === 'SEALED_BID_AUCTION') return l.reserveFen ?? undefined;
  return l.priceFen ?? undefined;
}

export function priceLabel(l: Listing): string {
  switch (l.type) {
    case 'FIXED_PRICE': return t('trader.price.fixed');
    case 'ENGLISH_AUCTION': return t('trader.price.opening');
    case 'SEALED_BID_AUCTION': return t('trader.price.reserve');
    default: return t('trader.price.offers');
  }
}

export function listingTitle(l: Listing): string {
  const title = l.workTitle ?? l.workId ?? l.id ?? '';
  return l.edition && l.editionCount ? `${title} · ${t('trader.edition', { n: l.edition, of: l.editionCount })}` : title;
}

export const typeLabel = (type: string | undefined) => tCode('trader.type', type);
export const assetKindLabel = (kind: string | undefined) => tCode('trader.assetKind', kind);

/** Sections of a page that read as "label: value" lines inside a card. */
export function Section(props: { title: string; children: ComponentChildren; testId?: string }) {
  return (
    <section class="trader-section" data-testid={props.testId}>
      <h3>{props.title}</h3>
      {props.children}
    </section>
  );
}
