import { api, ok } from '../../../core/api';
import { useAsync, usePolling } from '../../../core/hooks';
import { t, tCode } from '../../../core/i18n';
import { Link } from '../../../core/router';
import type { PageProps } from '../../../core/routes';
import { Card, ErrorBox, Facts, Hash, Loading, Notice, Page, Status, Time } from '../../../core/ui';
import { FullHash, SimilarWorks } from '../common';

/** /registrations/:id: an upload held for review, its status, and the works it resembles. */
export function RegistrationPage(props: PageProps) {
  const id = props.params.id;
  const registration = useAsync(() => ok(api.GET('/api/v1/registrations/{id}', { params: { path: { id } } })), [id]);
  const r = registration.data;
  usePolling(registration.reload, 10_000, r?.status === 'PENDING_REVIEW');
  if (!r) {
    return <Page title={t('creator.registration.title')}>{registration.error ? <ErrorBox error={registration.error} /> : <Loading />}</Page>;
  }
  return (
    <Page title={r.title ?? id} subtitle={`${t('creator.registration.title')} · ${tCode('kind', r.kind)}`}
      actions={<Status code={r.status} />}>
      {r.status === 'PENDING_REVIEW' && <Notice tone="warn" testId="registration-status">{t('creator.registration.pending')}</Notice>}
      {r.status === 'REGISTERED' && (
        <Notice tone="ok" testId="registration-status">
          {t('creator.registration.registered')}{' '}
          {r.workId && <Link href={`/works/${encodeURIComponent(r.workId)}`}>{t('creator.registration.openWork')}</Link>}
        </Notice>
      )}
      {r.status === 'REJECTED' && (
        <div class="alert alert-bad" role="alert" data-testid="registration-status">
          <strong>{t('creator.registration.rejected')}</strong> {r.reason}
        </div>
      )}
      <Card title={t('creator.registration.facts')}>
        <div class="creator-hashrow">
          <div class="stat-label">{t('creator.facts.contentHash')}</div>
          <FullHash value={r.contentHash} />
        </div>
        <Facts items={[
          [t('common.id'), <code class="hash">{r.id}</code>],
          [t('creator.facts.fingerprint'), r.fingerprint ? <span><Hash value={r.fingerprint} keep={16} /> <span class="hint">({r.fingerprintKind})</span></span> : '—'],
          [t('creator.col.submitted'), <Time at={r.createdAt} />],
          [t('creator.registration.decidedAt'), r.decidedAt ? <Time at={r.decidedAt} /> : '—'],
        ]} />
      </Card>
      <Card title={t('creator.registration.similar', { n: r.similar?.length ?? 0 })}>
        <p class="hint">{t('creator.registration.similar.hint')}</p>
        <SimilarWorks similar={r.similar} />
      </Card>
    </Page>
  );
}
