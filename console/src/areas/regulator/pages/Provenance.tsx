import { useState } from 'preact/hooks';
import { api, ApiProblem, download, ok, type Schemas } from '../../../core/api';
import { bytes, percentBp } from '../../../core/format';
import { useAction, useAsync } from '../../../core/hooks';
import { t, tCode } from '../../../core/i18n';
import { navigate } from '../../../core/router';
import type { PageProps } from '../../../core/routes';
import {
  Button, Card, ErrorBox, Facts, Hash, Loaded, Money, Notice, Page, Status, TextField, Thumb, Time, Timeline,
} from '../../../core/ui';
import { AccountId, FullHash, Id, RegTable, TradeLink, WorkLink } from '../util';

type Work = Schemas['WorkResponse'];
type Asset = Schemas['AssetResponse'];
type AssetHistory = Schemas['AssetProvenanceResponse'];
type Trade = Schemas['TradeResponse'];

const HEX64 = /^[0-9a-fA-F]{64}$/;

/** Search: a work id (or an asset or trade id, which lead to their work) or a content hash. */
export function ProvenanceSearch(_: PageProps) {
  const [query, setQuery] = useState('');
  const [matches, setMatches] = useState<Work[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const search = useAction();
  const recent = useAsync(() => ok(api.GET('/api/v1/trades', { params: { query: { limit: 8 } } })), []);

  const submit = (e: Event) => {
    e.preventDefault();
    const q = query.trim();
    setMatches(null);
    setProblem(null);
    if (!q) { setProblem(t('reg.prov.search.required')); return; }
    void search.run(async () => {
      if (HEX64.test(q)) {
        const works = await ok(api.GET('/api/v1/works', { params: { query: { contentHash: q.toLowerCase() } } }));
        if (works.length === 1) navigate(`/supervision/provenance/${encodeURIComponent(works[0].id!)}`);
        else if (works.length === 0) setProblem(t('reg.prov.search.noHash'));
        else setMatches(works);
        return;
      }
      if (q.startsWith('trd_')) {
        const trade = await ok(api.GET('/api/v1/trades/{id}', { params: { path: { id: q } } }));
        navigate(`/supervision/provenance/${encodeURIComponent(trade.workId!)}`);
        return;
      }
      const workId = /^(wk_[A-Za-z0-9]+)(-\d+)?$/.exec(q)?.[1];
      if (!workId) { setProblem(t('reg.prov.search.invalid')); return; }
      const work = await ok(api.GET('/api/v1/works/{id}', { params: { path: { id: workId } } }));
      navigate(`/supervision/provenance/${encodeURIComponent(work.id!)}`);
    });
  };

  return (
    <Page title={t('reg.prov.title')} subtitle={t('reg.prov.subtitle')}>
      <Card title={t('reg.prov.search.title')}>
        <form class="reg-search" onSubmit={submit} role="search">
          <TextField label={t('reg.prov.search.label')} hint={t('reg.prov.search.hint')} value={query} onInput={setQuery}
            error={problem} name="q" />
          <div><Button type="submit" variant="primary" busy={search.busy}>{t('common.search')}</Button></div>
        </form>
        <ErrorBox error={search.error} />
        {matches && (
          <RegTable label={t('reg.prov.search.matches')} rows={matches} rowKey={w => w.id!} columns={[
            { header: t('reg.work.title'), cell: w => <WorkLink short id={w.id}>{w.title || w.id}</WorkLink> },
            { header: t('reg.work.id'), cell: w => <Id short id={w.id} /> },
            { header: t('common.status'), cell: w => <Status code={w.status} /> },
            { header: t('reg.work.registeredAt'), cell: w => <Time at={w.registeredAt} /> },
          ]} />
        )}
      </Card>
      <Card title={t('reg.prov.recent.title')}>
        <Loaded state={recent}>{trades => (
          <RegTable label={t('reg.prov.recent.title')} rows={trades} rowKey={tr => tr.id!} empty={t('reg.trades.empty')} columns={[
            { header: t('reg.work.id'), cell: tr => <WorkLink short id={tr.workId} /> },
            { header: t('reg.trade.id'), cell: tr => <TradeLink short id={tr.id} /> },
            { header: t('reg.trade.price'), cell: tr => <Money fen={tr.priceFen} />, class: 'num' },
            { header: t('common.status'), cell: tr => <Status code={tr.status} /> },
            { header: t('common.time'), cell: tr => <Time at={tr.settledAt ?? tr.createdAt} /> },
          ]} />
        )}</Loaded>
      </Card>
    </Page>
  );
}

/** Everything the chain says about one work: facts, a merged timeline, assets, the anchoring proof, its blocks. */
interface Trail {
  work: Work;
  workEntries: Schemas['ProvenanceEntry'][];
  assets: Asset[];
  histories: Record<string, AssetHistory>;
  trades: Record<string, Trade>; // by settlement tx id
}

async function loadTrail(workId: string): Promise<Trail> {
  const [work, provenance, assets] = await Promise.all([
    ok(api.GET('/api/v1/works/{id}', { params: { path: { id: workId } } })),
    ok(api.GET('/api/v1/works/{id}/provenance', { params: { path: { id: workId } } })),
    ok(api.GET('/api/v1/works/{workId}/assets', { params: { path: { workId } } })),
  ]);
  // An asset whose last change is its issue has no other history: its row says it all. The others are read in full,
  // with the board's trades of the asset (to name the trade behind each settlement).
  const changed = assets.filter(a => a.lastAction !== 'ISSUED');
  const histories: Record<string, AssetHistory> = {};
  const trades: Record<string, Trade> = {};
  await Promise.all(changed.map(async a => {
    const [history, assetTrades] = await Promise.all([
      ok(api.GET('/api/v1/assets/{id}/provenance', { params: { path: { id: a.id! } } })),
      ok(api.GET('/api/v1/trades', { params: { query: { assetId: a.id!, limit: 500 } } })),
    ]);
    histories[a.id!] = history;
    assetTrades.forEach(tr => { if (tr.settleTxId) trades[tr.settleTxId] = tr; });
  }));
  return { work, workEntries: provenance.entries ?? [], assets, histories, trades };
}

interface ChainEvent {
  key: string;
  txId: string;
  block: number;
  at: string;
  action: string;
  assets: string[];
  ownerId?: string | null;
  reason?: string | null;
  trade?: Trade;
  scope: 'work' | 'asset';
}

/** One timeline entry per transaction and action (an issue of ten editions is one transaction, one entry). */
function chainEvents(trail: Trail): ChainEvent[] {
  const byKey = new Map<string, ChainEvent>();
  const add = (e: Omit<ChainEvent, 'key' | 'assets'>, asset?: string) => {
    const key = `${e.txId}|${e.action}|${e.scope}`;
    const found = byKey.get(key);
    if (found) { if (asset && !found.assets.includes(asset)) found.assets.push(asset); return; }
    byKey.set(key, { ...e, key, assets: asset ? [asset] : [] });
  };
  trail.workEntries.forEach(e => add({ txId: e.txId!, block: e.blockNumber!, at: e.timestamp!, action: e.action!, scope: 'work' }));
  trail.assets.forEach(a => {
    const history = trail.histories[a.id!];
    if (!history) {
      add({ txId: a.txId!, block: a.blockNumber!, at: a.acquiredAt!, action: a.lastAction ?? 'ISSUED', ownerId: a.ownerId, scope: 'asset' }, a.id);
      return;
    }
    (history.entries ?? []).forEach(h => add({
      txId: h.txId!, block: h.blockNumber!, at: h.timestamp!, action: h.action!, ownerId: h.ownerId, reason: h.reason,
      trade: h.action === 'SETTLED' ? trail.trades[h.txId!] : undefined, scope: 'asset',
    }, a.id));
  });
  return [...byKey.values()].sort((a, b) => a.block - b.block || a.at.localeCompare(b.at));
}

const TONE: Record<string, string> = { REGISTERED: 'ok', ISSUED: 'ok', SETTLED: 'ok', TRANSFERRED: 'ok', LOCKED: 'warn', FROZEN: 'bad', RELEASED: 'info' };

function EventTitle(props: { e: ChainEvent }) {
  const e = props.e;
  const what = tCode('reg.action', e.action);
  if (e.scope === 'work') return <>{t('reg.prov.ev.work', { what })}</>;
  if (e.assets.length > 1) return <>{t('reg.prov.ev.assets', { what, n: e.assets.length })}</>;
  return <>{t('reg.prov.ev.asset', { what, asset: e.assets[0] ?? '' })}</>;
}

function EventDetail(props: { e: ChainEvent }) {
  const e = props.e;
  return (
    <div class="reg-ev">
      <span>{t('common.block')} <strong data-testid="tl-block">{e.block}</strong></span>
      <span>{t('common.tx')} <FullHash value={e.txId} testId="tl-tx" /></span>
      {e.trade && (
        <span>{t('reg.trade.one')} <TradeLink id={e.trade.id} /> · <Money fen={e.trade.priceFen} /> · {t('reg.trade.seller')} <AccountId id={e.trade.sellerId} /> → {t('reg.trade.buyer')} <AccountId id={e.trade.buyerId} /></span>
      )}
      {!e.trade && e.ownerId && e.scope === 'asset' && <span>{t('reg.asset.owner')} <AccountId id={e.ownerId} /></span>}
      {e.reason && <span>{t('common.reason')}: {e.reason}</span>}
    </div>
  );
}

export function ProvenanceDetail(props: PageProps) {
  const workId = props.params.workId;
  const trail = useAsync(() => loadTrail(workId), [workId]);
  const title = trail.data?.work.title || workId;
  return (
    <Page title={trail.data ? t('reg.prov.detail.title', { title }) : t('reg.prov.title')} subtitle={workId}
      actions={<Button onClick={() => navigate('/supervision/provenance')}>{t('reg.prov.another')}</Button>}>
      <Loaded state={trail}>{data => <TrailView trail={data} />}</Loaded>
    </Page>
  );
}

function TrailView(props: { trail: Trail }) {
  const { work, assets } = props.trail;
  const events = chainEvents(props.trail);
  const [selected, setSelected] = useState<string | null>(null);
  return (
    <>
      <Card title={t('reg.prov.facts')}>
        <div class="reg-work">
          <Thumb workId={work.id} kind={work.kind} size={96} alt={work.title ?? ''} />
          <Facts items={[
            [t('reg.work.title'), work.title],
            [t('reg.work.kind'), tCode('kind', work.kind)],
            [t('common.status'), <Status code={work.status} />],
            [t('reg.work.registeredAt'), <Time at={work.registeredAt} />],
            [t('reg.work.registrant'), <AccountId short id={work.registrant} />],
            [t('reg.work.creators'), <span class="reg-creators">{(work.creators ?? []).map(c => (
              <span key={c.accountId}><AccountId short id={c.accountId} /> {percentBp(c.shareBps)}</span>))}</span>],
            [t('reg.work.file'), work.contentType ? `${work.contentType}${work.sizeBytes != null ? ` · ${bytes(work.sizeBytes)}` : ''}` : null],
            [t('reg.work.block'), work.blockNumber],
          ]} />
        </div>
        <div class="reg-hashes">
          <Facts items={[
            [t('reg.work.contentHash'), <FullHash value={work.contentHash} testId="work-content-hash" />],
            [t('reg.work.tx'), <FullHash value={work.txId} />],
          ]} />
        </div>
      </Card>

      <Card title={t('reg.prov.timeline')}>
        <p class="muted reg-note">{t('reg.prov.timeline.note')}</p>
        <Timeline label={t('reg.prov.timeline')} testId="provenance-timeline" items={events.map(e => ({
          key: e.key, at: e.at, tone: TONE[e.action] ?? 'info', title: <EventTitle e={e} />, detail: <EventDetail e={e} />,
        }))} />
      </Card>

      <Card title={t('reg.prov.assets', { n: assets.length })}>
        <RegTable label={t('reg.prov.assets', { n: assets.length })} rows={assets} rowKey={a => a.id!} columns={[
          { header: t('reg.asset.id'), cell: a => <code class="hash">{a.id}</code> },
          { header: t('reg.asset.kind'), cell: a => a.kind === 'EDITION' ? t('reg.asset.edition', { n: a.edition ?? 0, of: a.editionCount ?? 0 }) : tCode('reg.assetKind', a.kind) },
          { header: t('reg.asset.owner'), cell: a => <AccountId short id={a.ownerId} /> },
          { header: t('common.status'), cell: a => <Status code={a.status} /> },
          { header: t('reg.asset.last'), cell: a => <>{tCode('reg.action', a.lastAction)} · {t('common.block')} {a.blockNumber}</> },
          { header: t('reg.asset.history'), cell: a => (
            <Button variant="ghost" aria-expanded={selected === a.id} onClick={() => setSelected(selected === a.id ? null : a.id!)}>
              {selected === a.id ? t('reg.asset.hide') : t('reg.asset.show')}
            </Button>) },
        ]} />
        {selected && <AssetHistoryView assetId={selected} trades={props.trail.trades} />}
      </Card>

      <div class="cols">
        <ProofCard workId={work.id!} />
        <BlocksCard blocks={[...new Set(events.map(e => e.block))].sort((a, b) => a - b)} />
      </div>
    </>
  );
}

function AssetHistoryView(props: { assetId: string; trades: Record<string, Trade> }) {
  const history = useAsync(() => ok(api.GET('/api/v1/assets/{id}/provenance', { params: { path: { id: props.assetId } } })), [props.assetId]);
  return (
    <section class="reg-sub" aria-labelledby="asset-history-title">
      <h3 id="asset-history-title">{t('reg.asset.historyOf', { id: props.assetId })}</h3>
      <Loaded state={history}>{h => (
        <Timeline label={t('reg.asset.historyOf', { id: props.assetId })} testId="asset-history" items={(h.entries ?? []).map((e, i) => ({
          key: `${e.txId}-${i}`, at: e.timestamp, tone: TONE[e.action ?? ''] ?? 'info',
          title: <>{tCode('reg.action', e.action)} <Status code={e.status} /></>,
          detail: <EventDetail e={{ key: '', txId: e.txId!, block: e.blockNumber!, at: e.timestamp!, action: e.action!, assets: [props.assetId],
            ownerId: e.ownerId, reason: e.reason, trade: e.action === 'SETTLED' ? props.trades[e.txId!] : undefined, scope: 'asset' }} />,
        }))} />
      )}</Loaded>
    </section>
  );
}

/** The Merkle proof that the work's registration is in an anchor on the EVM chain, or why there is none yet. */
function ProofCard(props: { workId: string }) {
  const proof = useAsync(async () => {
    try {
      return await ok(api.GET('/api/v1/audit/proofs/{workId}', { params: { path: { workId: props.workId } } }));
    } catch (e) {
      if (e instanceof ApiProblem && (e.code === 'ANCHOR_PENDING' || e.code === 'ANCHORING_DISABLED')) return e;
      throw e;
    }
  }, [props.workId]);
  const save = useAction();
  return (
    <Card title={t('reg.proof.title')} testId="proof-card">
      <Loaded state={proof}>{p => p instanceof ApiProblem ? (
        <Notice tone="warn" testId="proof-pending">{t(p.code === 'ANCHORING_DISABLED' ? 'reg.proof.disabled' : 'reg.proof.pending')}</Notice>
      ) : (
        <>
          <Notice tone="ok">{t('reg.proof.anchored', { index: p.anchor?.index ?? 0, from: p.anchor?.fromSeq ?? 0, to: p.anchor?.toSeq ?? 0 })}</Notice>
          <Facts items={[
            [t('reg.proof.leaf'), `#${p.leaf?.seq} (${(p.leafIndex ?? 0) + 1} / ${p.leafCount})`],
            [t('reg.proof.leafHash'), <Hash value={p.leaf?.hash} keep={16} />],
            [t('reg.proof.root'), <Hash value={p.root} keep={16} />],
            [t('reg.proof.path'), t('reg.proof.steps', { n: p.path?.length ?? 0 })],
            [t('reg.proof.contract'), <Hash value={p.anchor?.contract} keep={16} />],
            [t('reg.proof.chain'), p.anchor?.chainId],
            [t('reg.proof.evmTx'), <Hash value={p.anchor?.evmTxHash} keep={16} />],
            [t('reg.proof.evmBlock'), p.anchor?.evmBlock],
            [t('reg.proof.at'), <Time at={p.anchor?.anchoredAt} />],
          ]} />
          <p class="hint reg-note">{t('reg.proof.verifyHint')}</p>
          <Button busy={save.busy} onClick={() => save.run(() => download(`/api/v1/audit/proofs/${encodeURIComponent(props.workId)}`, `proof-${props.workId}.json`))}>
            {t('reg.proof.download')}
          </Button>
          <ErrorBox error={save.error} />
        </>
      )}</Loaded>
    </Card>
  );
}

/** The headers of the blocks the timeline names, and a walk that recomputes the whole ledger. */
function BlocksCard(props: { blocks: number[] }) {
  const headers = useAsync(() => Promise.all(props.blocks.map(n =>
    ok(api.GET('/api/v1/audit/blocks/{number}', { params: { path: { number: String(n) } } })))), [props.blocks.join(',')]);
  const walk = useAction();
  const [report, setReport] = useState<Schemas['Report'] | null>(null);
  return (
    <Card title={t('reg.blocks.title')} testId="blocks-card">
      <Loaded state={headers}>{list => (
        <RegTable label={t('reg.blocks.title')} rows={list} rowKey={b => String(b.number)} columns={[
          { header: t('common.block'), cell: b => b.number, class: 'num' },
          { header: t('reg.blocks.txs'), cell: b => b.transactionCount, class: 'num' },
          { header: t('reg.blocks.hash'), cell: b => <Hash value={b.hash} keep={12} /> },
          { header: t('reg.blocks.previous'), cell: b => <Hash value={b.previousHash} keep={12} /> },
        ]} />
      )}</Loaded>
      <div class="reg-actions">
        <Button busy={walk.busy} onClick={() => walk.run(async () => setReport(await ok(api.GET('/api/v1/audit/blocks/verify'))))}>
          {t('reg.blocks.verify')}
        </Button>
      </div>
      <ErrorBox error={walk.error} />
      {report && <BlockReport report={report} />}
    </Card>
  );
}

export function BlockReport(props: { report: Schemas['Report'] }) {
  const r = props.report;
  return r.intact
    ? <Notice tone="ok" testId="blocks-result">{t('reg.blocks.intact', { checked: r.checked ?? 0, height: r.height ?? 0 })}</Notice>
    : <div class="alert alert-bad" role="alert" data-testid="blocks-result">{t('reg.blocks.broken', { block: r.firstBreak?.block ?? '?', problem: r.firstBreak?.problem ?? '', checked: r.checked ?? 0 })}</div>;
}
