import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { api, download, idempotencyKey, ok, send } from '../../../core/api';
import { bytes, parseYuan, percentBp } from '../../../core/format';
import { useAction, useAsync } from '../../../core/hooks';
import { t, tCode } from '../../../core/i18n';
import type { PageProps } from '../../../core/routes';
import { Button, Card, DataTable, ErrorBox, Facts, Hash, Loaded, Loading, Money, Notice, Page, Status, TextArea, TextField, Thumb, Time, Timeline, toast } from '../../../core/ui';
import { assetLabel, Checkbox, FullHash, myAccountId, Party, type Asset, type Licence, type Listing, type Work } from '../common';
import { BROWSER_HASH_KEY, HashCheck } from './Register';

/** /works/:id: a work's certificate facts, provenance, editions (issue, list for sale) and licences. */
export function WorkPage(props: PageProps) {
  const id = props.params.id;
  const work = useAsync(() => ok(api.GET('/api/v1/works/{id}', { params: { path: { id } } })), [id]);
  const me = useAsync(() => myAccountId(), []);
  if (!work.data) {
    return <Page title={t('creator.work.title')}>{work.error ? <ErrorBox error={work.error} /> : <Loading />}</Page>;
  }
  return <WorkView work={work.data} me={me.data} justRegistered={props.query.get('registered') === '1'} />;
}

function WorkView(props: { work: Work; me: string | undefined; justRegistered: boolean }) {
  const w = props.work;
  const id = w.id ?? '';
  const isCreator = !!props.me && (w.creators ?? []).some(c => c.accountId === props.me);
  const assets = useAsync(() => ok(api.GET('/api/v1/works/{workId}/assets', { params: { path: { workId: id } } })), [id]);
  const licences = useAsync(() => ok(api.GET('/api/v1/works/{workId}/licences', { params: { path: { workId: id } } })), [id]);
  const provenance = useAsync(() => ok(api.GET('/api/v1/works/{id}/provenance', { params: { path: { id } } })), [id]);
  const browserHash = sessionStorage.getItem(BROWSER_HASH_KEY + id);
  const certificate = useAction();
  const description = metadataDescription(w.metadata);

  return (
    <Page title={w.title ?? id} subtitle={`${tCode('kind', w.kind)} · ${id}`}
      actions={
        <Button variant="primary" busy={certificate.busy}
          onClick={() => certificate.run(() => download(`/api/v1/works/${encodeURIComponent(id)}/certificate.pdf`, `certificate-${id}.pdf`))}>
          {t('creator.work.certificate')}
        </Button>
      }>
      <ErrorBox error={certificate.error} />
      {props.justRegistered && (
        <Notice tone="ok" testId="registered-notice">
          <strong>{t('creator.work.registered')}</strong>
          <span class="creator-notice-facts">
            <span>{t('common.tx')} <Hash value={w.txId} keep={16} /></span>
            <span>{t('creator.work.registered.block', { block: w.blockNumber ?? '—' })}</span>
            <Time at={w.registeredAt} />
          </span>
          {w.fingerprintNote && <div class="hint">{w.fingerprintNote}</div>}
        </Notice>
      )}

      <Card title={t('creator.work.facts')} testId="work-facts" class="creator-cert">
        <div class="creator-cert-body">
          <Thumb workId={id} kind={w.kind} size={200} alt={t('creator.thumb.alt', { title: w.title ?? '' })} />
          <div class="creator-cert-facts">
            <div class="creator-hashrow">
              <div class="stat-label">{t('creator.facts.contentHash')}</div>
              <FullHash value={w.contentHash} testId="content-hash" />
              <HashCheck browser={browserHash} service={w.contentHash} />
            </div>
            <Facts items={[
              [t('creator.facts.status'), <Status code={w.status} />],
              [t('creator.facts.fingerprint'), w.fingerprint
                ? <span><Hash value={w.fingerprint} keep={16} /> <span class="hint">({w.fingerprintKind})</span></span>
                : <span class="hint">{t('creator.facts.noFingerprint')}</span>],
              [t('common.tx'), <span data-testid="work-tx"><Hash value={w.txId} keep={16} /></span>],
              [t('common.block'), <span data-testid="work-block">{w.blockNumber ?? '—'}</span>],
              [t('creator.facts.registeredAt'), <Time at={w.registeredAt} />],
              [t('creator.facts.registrant'), <Party id={w.registrant} me={props.me} />],
              [t('creator.facts.creators'), <span>{(w.creators ?? []).map((c, i) => (
                <span key={c.accountId}>{i > 0 && ', '}<Party id={c.accountId} me={props.me} /> {percentBp(c.shareBps)}</span>
              ))}</span>],
              [t('creator.facts.file'), <span>{w.contentType ?? '—'}{w.sizeBytes != null && ` · ${bytes(w.sizeBytes)}`}</span>],
              ...(description ? [[t('creator.facts.description'), description] as [string, string]] : []),
            ]} />
          </div>
        </div>
      </Card>

      <Editions work={w} me={props.me} isCreator={isCreator} assets={assets} />
      <div class="cols">
        <Card title={t('creator.work.provenance')}>
          <Loaded state={provenance}>
            {p => <Timeline label={t('creator.work.provenance')} testId="provenance"
              items={timeline(p.entries ?? [], assets.data ?? [], licences.data ?? [])} />}
          </Loaded>
        </Card>
        <Licences work={w} me={props.me} isCreator={isCreator} licences={licences} />
      </div>
    </Page>
  );
}

function metadataDescription(metadata: unknown): string | null {
  try {
    const m = typeof metadata === 'string' ? JSON.parse(metadata) : metadata;
    return m && typeof m === 'object' && typeof (m as Record<string, unknown>).description === 'string'
      ? String((m as Record<string, unknown>).description) : null;
  } catch {
    return null;
  }
}

/** The work's chain history, with the issue of its editions and its licences, oldest first. */
function timeline(entries: ReadonlyArray<{ txId?: string; blockNumber?: number; timestamp?: string; action?: string; status?: string }>,
  assets: readonly Asset[], licences: readonly Licence[]) {
  const items: Array<{ key: string; at?: string | null; title: string; detail: ComponentChildren; tone: string }> = [];
  for (const e of entries) {
    items.push({
      key: `w-${e.txId}`, at: e.timestamp, tone: e.action === 'REGISTERED' ? 'ok' : 'warn',
      title: tCode('creator.action', e.action),
      detail: <span>{t('common.block')} {e.blockNumber ?? '—'} · <Hash value={e.txId} /> {e.status && <Status code={e.status} />}</span>,
    });
  }
  const editions = assets.filter(a => a.kind === 'EDITION');
  if (editions.length > 0) {
    const first = editions[0];
    items.push({
      key: 'editions', at: first.acquiredBy === 'ISSUE' ? first.acquiredAt : undefined, tone: 'info',
      title: t('creator.timeline.editions', { n: first.editionCount ?? editions.length }),
      detail: <span>{t('creator.editions.issuePrice')} <Money fen={first.issuePriceFen} /></span>,
    });
  }
  for (const l of licences) {
    items.push({
      key: `l-${l.id}`, at: l.grantedAt, tone: 'info', title: t('creator.timeline.licence'),
      detail: <span>{t('common.block')} {l.blockNumber ?? '—'} · <Hash value={l.txId} /></span>,
    });
  }
  return items.sort((a, b) => (a.at ?? '').localeCompare(b.at ?? ''));
}

/* ---------- editions ---------------------------------------------------------------------------------------- */

const PAGE = 25;

function Editions(props: { work: Work; me: string | undefined; isCreator: boolean;
  assets: { data: readonly Asset[] | undefined; error: unknown; loading: boolean; reload: () => void } }) {
  const workId = props.work.id ?? '';
  const listings = useAsync(() => ok(api.GET('/api/v1/listings', { params: { query: { workId, limit: 200 } } })), [workId]);
  const [shown, setShown] = useState(PAGE);
  const [selling, setSelling] = useState<Asset | null>(null);
  const openListing = new Map<string, Listing>();
  for (const l of listings.data ?? []) if (l.assetId && l.status === 'OPEN') openListing.set(l.assetId, l);
  const reload = () => { props.assets.reload(); listings.reload(); };
  const rows = props.assets.data ?? [];
  const hasEditions = rows.some(a => a.kind === 'EDITION');

  return (
    <Card title={t('creator.editions.title')} testId="editions">
      <Loaded state={props.assets}>
        {() => (
          <>
            {rows.length === 0 && <p class="empty">{t('creator.editions.none')}</p>}
            {rows.length > 0 && (
              <DataTable label={t('creator.editions.title')} rows={rows.slice(0, shown)} rowKey={a => a.id ?? ''} testId="assets"
                columns={[
                  { header: t('creator.col.asset'), cell: a => assetLabel(a) },
                  { header: t('creator.col.owner'), cell: a => <Party id={a.ownerId} me={props.me} /> },
                  { header: t('common.status'), cell: a => <Status code={a.status} /> },
                  { header: t('creator.col.issuePrice'), cell: a => a.issuePriceFen != null ? <Money fen={a.issuePriceFen} /> : '—', class: 'num' },
                  { header: t('creator.col.board'), cell: a => {
                    const listing = openListing.get(a.id ?? '');
                    if (listing) return <span class="creator-listed"><Status code="LISTED" /> <Money fen={listing.priceFen} /></span>;
                    if (a.ownerId === props.me && a.status === 'ACTIVE') {
                      return <Button variant="secondary" onClick={() => setSelling(a)}
                        aria-label={t('creator.sell.buttonFor', { asset: assetLabel(a) })}>{t('creator.sell.button')}</Button>;
                    }
                    return '—';
                  } },
                ]} />
            )}
            {rows.length > shown && (
              <p><Button variant="ghost" onClick={() => setShown(n => n + PAGE * 4)}>
                {t('creator.editions.more', { n: rows.length - shown })}
              </Button></p>
            )}
            {selling && <SellForm asset={selling} onDone={() => { setSelling(null); reload(); }} onCancel={() => setSelling(null)} />}
            {props.isCreator && !hasEditions && props.work.status === 'ACTIVE' && <IssueForm workId={workId} onIssued={reload} />}
          </>
        )}
      </Loaded>
    </Card>
  );
}

function IssueForm(props: { workId: string; onIssued: () => void }) {
  const [count, setCount] = useState('10');
  const [price, setPrice] = useState('100');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const action = useAction();
  async function submit(e: Event) {
    e.preventDefault();
    const n = Number(count);
    const fen = parseYuan(price);
    const problems: Record<string, string> = {};
    if (!/^\d+$/.test(count.trim()) || n < 1 || n > 10000) problems.count = t('creator.editions.error.count');
    if (fen === null) problems.price = t('creator.error.money');
    setErrors(problems);
    if (Object.keys(problems).length) return;
    const issued = await action.run(() => send<{ assets?: Asset[] }>('POST',
      `/api/v1/works/${encodeURIComponent(props.workId)}/editions`, { count: n, issuePriceFen: fen }));
    if (issued) {
      toast(t('creator.editions.issued', { n }));
      props.onIssued();
    }
  }
  return (
    <form class="creator-subform" onSubmit={submit} noValidate aria-labelledby="creator-issue-title">
      <h3 id="creator-issue-title">{t('creator.editions.issue')}</h3>
      <p class="hint">{t('creator.editions.issue.hint')}</p>
      <div class="form-row">
        <TextField label={t('creator.editions.count')} value={count} onInput={setCount} inputMode="numeric" error={errors.count} />
        <TextField label={t('creator.editions.issuePriceYuan')} value={price} onInput={setPrice} inputMode="decimal" error={errors.price} />
      </div>
      <div class="creator-actions">
        <Button type="submit" variant="primary" busy={action.busy}>{t('creator.editions.issue.submit')}</Button>
      </div>
      <ErrorBox error={action.error} />
    </form>
  );
}

function SellForm(props: { asset: Asset; onDone: () => void; onCancel: () => void }) {
  const [price, setPrice] = useState('');
  const [disclosure, setDisclosure] = useState(t('creator.sell.disclosure.default'));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const action = useAction();
  const key = useRef(idempotencyKey());
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => { heading.current?.focus(); }, [props.asset.id]);
  async function submit(e: Event) {
    e.preventDefault();
    const fen = parseYuan(price);
    const problems: Record<string, string> = {};
    if (fen === null || fen <= 0) problems.price = t('creator.error.money');
    if (!disclosure.trim()) problems.disclosure = t('creator.sell.error.disclosure');
    setErrors(problems);
    if (Object.keys(problems).length) return;
    const listing = await action.run(() => send<Listing>('POST', '/api/v1/listings',
      { assetId: props.asset.id, type: 'FIXED_PRICE', priceFen: fen, disclosure: disclosure.trim() },
      { 'Idempotency-Key': key.current }));
    if (listing) {
      toast(t('creator.sell.listed', { asset: assetLabel(props.asset) }));
      props.onDone();
    }
  }
  return (
    <form class="creator-subform" onSubmit={submit} noValidate aria-labelledby="creator-sell-title" data-testid="sell-form">
      <h3 id="creator-sell-title" tabIndex={-1} ref={heading}>{t('creator.sell.title', { asset: assetLabel(props.asset) })}</h3>
      <p class="hint">{t('creator.sell.hint')}</p>
      <TextField label={t('creator.sell.price')} value={price} onInput={setPrice} inputMode="decimal" error={errors.price} />
      <TextArea label={t('creator.sell.disclosure')} value={disclosure} onInput={setDisclosure} rows={2}
        error={errors.disclosure} hint={t('creator.sell.disclosure.hint')} />
      <div class="creator-actions">
        <Button type="submit" variant="primary" busy={action.busy}>{t('creator.sell.submit')}</Button>
        <Button variant="ghost" onClick={props.onCancel}>{t('common.cancel')}</Button>
      </div>
      <ErrorBox error={action.error} />
    </form>
  );
}

/* ---------- licences ---------------------------------------------------------------------------------------- */

function Licences(props: { work: Work; me: string | undefined; isCreator: boolean;
  licences: { data: readonly Licence[] | undefined; error: unknown; loading: boolean; reload: () => void } }) {
  return (
    <Card title={t('creator.licences.title')} testId="licences">
      <Loaded state={props.licences}>
        {list => (
          <DataTable label={t('creator.licences.title')} rows={list} rowKey={l => l.id ?? ''} empty={t('creator.licences.none')}
            columns={[
              { header: t('creator.licences.licensee'), cell: l => <Party id={l.licenseeId} me={props.me} /> },
              { header: t('creator.licences.scope'), cell: l => scopeText(l) },
              { header: t('creator.licences.fee'), cell: l => <Money fen={l.feeFen} />, class: 'num' },
              { header: t('creator.licences.valid'), cell: l => `${l.validFrom ?? ''} – ${l.validUntil ?? ''}` },
              { header: t('creator.licences.granted'), cell: l => <Time at={l.grantedAt} /> },
            ]} />
        )}
      </Loaded>
      {props.isCreator && props.work.status === 'ACTIVE' && <GrantForm workId={props.work.id ?? ''} onGranted={props.licences.reload} />}
    </Card>
  );
}

function scopeText(l: Licence): string {
  const s = l.scope ?? {};
  const parts = [
    s.commercialUse ? t('creator.licences.commercial') : t('creator.licences.nonCommercial'),
    s.derivatives ? t('creator.licences.derivatives') : null,
    s.exclusive ? t('creator.licences.exclusive') : t('creator.licences.nonExclusive'),
    s.territory || null,
  ];
  return parts.filter(Boolean).join(' · ');
}

function isoDate(d: Date): string {
  return d.toISOString().substring(0, 10);
}

function GrantForm(props: { workId: string; onGranted: () => void }) {
  const today = new Date();
  const [licensee, setLicensee] = useState('');
  const [commercial, setCommercial] = useState(false);
  const [derivatives, setDerivatives] = useState(false);
  const [exclusive, setExclusive] = useState(false);
  const [territory, setTerritory] = useState(t('creator.licences.territory.default'));
  const [fee, setFee] = useState('0');
  const [from, setFrom] = useState(isoDate(today));
  const [until, setUntil] = useState(isoDate(new Date(today.getTime() + 365 * 86_400_000)));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const action = useAction();
  async function submit(e: Event) {
    e.preventDefault();
    const feeFen = parseYuan(fee);
    const problems: Record<string, string> = {};
    if (!/^acc_[0-9a-f]{24}$/.test(licensee.trim())) problems.licensee = t('creator.licences.error.licensee');
    if (feeFen === null) problems.fee = t('creator.error.money');
    if (!territory.trim()) problems.territory = t('creator.licences.error.territory');
    if (!from || !until || until <= from) problems.until = t('creator.licences.error.dates');
    setErrors(problems);
    if (Object.keys(problems).length) return;
    const granted = await action.run(() => send<Licence>('POST', `/api/v1/works/${encodeURIComponent(props.workId)}/licences`, {
      licenseeId: licensee.trim(),
      scope: { commercialUse: commercial, derivatives, territory: territory.trim(), exclusive },
      feeFen, validFrom: from, validUntil: until,
    }));
    if (granted) {
      toast(t('creator.licences.granted.toast'));
      setLicensee('');
      props.onGranted();
    }
  }
  return (
    <details class="creator-advanced creator-grant">
      <summary>{t('creator.licences.grant')}</summary>
      <form class="creator-subform" onSubmit={submit} noValidate>
        <TextField label={t('creator.licences.licenseeId')} value={licensee} onInput={setLicensee} error={errors.licensee}
          hint={t('creator.licences.licenseeId.hint')} placeholder="acc_…" />
        <fieldset class="creator-fieldset">
          <legend>{t('creator.licences.scope')}</legend>
          <Checkbox label={t('creator.licences.commercial')} checked={commercial} onChange={setCommercial} />
          <Checkbox label={t('creator.licences.derivatives')} checked={derivatives} onChange={setDerivatives} />
          <Checkbox label={t('creator.licences.exclusive')} checked={exclusive} onChange={setExclusive}
            hint={t('creator.licences.exclusive.hint')} />
        </fieldset>
        <div class="form-row">
          <TextField label={t('creator.licences.territory')} value={territory} onInput={setTerritory} error={errors.territory} />
          <TextField label={t('creator.licences.feeYuan')} value={fee} onInput={setFee} inputMode="decimal" error={errors.fee} />
        </div>
        <div class="form-row">
          <TextField label={t('creator.licences.from')} type="date" value={from} onInput={setFrom} />
          <TextField label={t('creator.licences.until')} type="date" value={until} onInput={setUntil} error={errors.until} />
        </div>
        <div class="creator-actions">
          <Button type="submit" variant="primary" busy={action.busy}>{t('creator.licences.grant.submit')}</Button>
        </div>
        <ErrorBox error={action.error} />
      </form>
    </details>
  );
}
