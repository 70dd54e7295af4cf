import { api, ok } from '../../../core/api';
import { useAsync } from '../../../core/hooks';
import { t, tCode } from '../../../core/i18n';
import { Link } from '../../../core/router';
import { Card, DataTable, Hash, Loaded, Page, Status, Thumb, Time } from '../../../core/ui';
import type { Registration, Work } from '../common';

/** /works: the caller's registered works, with thumbnails, and their registrations held for review. */
export function MyWorks() {
  const works = useAsync(() => ok(api.GET('/api/v1/accounts/me/works', { params: { query: { limit: 200 } } })), []);
  const registrations = useAsync(() => ok(api.GET('/api/v1/registrations', { params: { query: { limit: 100 } } })), []);
  const pending = (registrations.data ?? []).filter(r => r.status === 'PENDING_REVIEW');
  const decided = (registrations.data ?? []).filter(r => r.status !== 'PENDING_REVIEW');
  return (
    <Page title={t('creator.works.title')} subtitle={t('creator.works.subtitle')}
      actions={<Link class="btn btn-primary" href="/works/new">{t('creator.works.register')}</Link>}>
      {pending.length > 0 && (
        <Card title={t('creator.works.pending', { n: pending.length })} testId="pending-registrations" class="creator-pending">
          <RegistrationTable rows={pending} />
        </Card>
      )}
      <Card title={t('creator.works.registered')}>
        <Loaded state={works}>
          {list => list.length === 0
            ? <p class="empty">{t('creator.works.empty')} <Link href="/works/new">{t('creator.works.register')}</Link></p>
            : <ul class="listing-grid creator-works" aria-label={t('creator.works.registered')} data-testid="my-works">
                {list.map(w => <WorkTile key={w.id} work={w} />)}
              </ul>}
        </Loaded>
      </Card>
      {decided.length > 0 && (
        <Card title={t('creator.works.decided')}>
          <RegistrationTable rows={decided} />
        </Card>
      )}
    </Page>
  );
}

function WorkTile(props: { work: Work }) {
  const w = props.work;
  const href = `/works/${encodeURIComponent(w.id ?? '')}`;
  return (
    <li class="listing-card creator-tile">
      <Thumb workId={w.id} kind={w.kind} size={220} alt={t('creator.thumb.alt', { title: w.title ?? '' })} />
      <div class="body">
        <Link href={href} class="creator-tile-title">{w.title}</Link>
        <div class="creator-tile-meta">
          <span>{tCode('kind', w.kind)}</span>
          <Status code={w.status} />
        </div>
        <div class="hint"><Time at={w.registeredAt} /></div>
        <div class="hint creator-tile-hash">SHA-256 <Hash value={w.contentHash} /></div>
      </div>
    </li>
  );
}

function RegistrationTable(props: { rows: readonly Registration[] }) {
  return (
    <DataTable label={t('creator.works.registrations')} rows={props.rows} rowKey={r => r.id ?? ''}
      columns={[
        { header: t('creator.col.title'), cell: r => <Link href={`/registrations/${encodeURIComponent(r.id ?? '')}`}>{r.title}</Link> },
        { header: t('creator.col.kind'), cell: r => tCode('kind', r.kind) },
        { header: t('common.status'), cell: r => <Status code={r.status} /> },
        { header: t('creator.col.similar'), cell: r => String(r.similar?.length ?? 0), class: 'num' },
        { header: t('creator.col.submitted'), cell: r => <Time at={r.createdAt} /> },
        { header: t('creator.col.outcome'), cell: r => r.workId
          ? <Link href={`/works/${encodeURIComponent(r.workId)}`}>{t('creator.registration.openWork')}</Link>
          : (r.reason ?? '—') },
      ]} />
  );
}
