import { api, ok } from '../../../core/api';
import { percentBp } from '../../../core/format';
import { useAsync } from '../../../core/hooks';
import { t } from '../../../core/i18n';
import { Link } from '../../../core/router';
import { Card, DataTable, Hash, Loaded, Money, Page, Thumb, Time } from '../../../core/ui';
import { Stat } from '../common';

/** /royalties: what the caller's works earned on resales, in total and trade by trade. */
export function RoyaltiesPage() {
  const royalties = useAsync(() => ok(api.GET('/api/v1/accounts/me/royalties', { params: { query: { limit: 200 } } })), []);
  const account = useAsync(() => ok(api.GET('/api/v1/accounts/me')), []);
  const policy = useAsync(() => ok(api.GET('/api/v1/board/policy')).catch(() => null), []);
  const royaltyBps = (policy.data as { royaltyBps?: number } | null | undefined)?.royaltyBps;
  return (
    <Page title={t('creator.royalties.title')}
      subtitle={royaltyBps != null ? t('creator.royalties.subtitle.rate', { rate: percentBp(royaltyBps) }) : t('creator.royalties.subtitle')}>
      <Loaded state={royalties}>
        {r => (
          <>
            <div class="creator-stats">
              <Stat label={t('creator.royalties.total')} testId="royalties-total"><Money fen={r.totalFen} /></Stat>
              <Stat label={t('creator.royalties.count')}>{r.count ?? 0}</Stat>
              <Stat label={t('creator.royalties.available')}><Money fen={account.data?.balances?.available} /></Stat>
            </div>
            <Card title={t('creator.royalties.entries')}>
              <DataTable label={t('creator.royalties.entries')} rows={r.entries ?? []} rowKey={e => `${e.tradeId}-${e.assetId}`}
                testId="royalties" empty={t('creator.royalties.none')}
                columns={[
                  { header: t('creator.royalties.settled'), cell: e => <Time at={e.settledAt} /> },
                  { header: t('creator.col.work'), cell: e => (
                    <span class="creator-workcell">
                      <Thumb workId={e.workId} kind={e.workKind} size={36} alt="" />
                      <Link href={`/works/${encodeURIComponent(e.workId ?? '')}`}>{e.workTitle ?? e.workId}</Link>
                    </span>) },
                  { header: t('creator.royalties.trade'), cell: e => <Hash value={e.tradeId} /> },
                  { header: t('creator.royalties.price'), cell: e => <Money fen={e.priceFen} />, class: 'num' },
                  { header: t('creator.royalties.share'), cell: e => percentBp(e.shareBps), class: 'num' },
                  { header: t('creator.royalties.amount'), cell: e => <strong><Money fen={e.amountFen} /></strong>, class: 'num' },
                ]} />
              {(r.entries?.length ?? 0) < (r.count ?? 0) && <p class="hint">{t('creator.royalties.newest', { n: r.entries?.length ?? 0 })}</p>}
            </Card>
          </>
        )}
      </Loaded>
    </Page>
  );
}
