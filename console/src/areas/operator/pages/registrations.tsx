import { useEffect, useState } from 'preact/hooks';
import { imageUrl, ok, api, send, type Schemas } from '../../../core/api';
import { bytes } from '../../../core/format';
import { useAction, useAsync } from '../../../core/hooks';
import { t, tCode } from '../../../core/i18n';
import { Link, navigate } from '../../../core/router';
import type { PageProps } from '../../../core/routes';
import { Button, Card, DataTable, ErrorBox, Facts, Hash, Loaded, Loading, Page, SelectField, Status, TextArea, Thumb, Time, toast } from '../../../core/ui';
import { percentBp } from '../../../core/format';
import { Account, FilterBar, queryString } from './shared';

type Review = Schemas['ReviewResponse'];

/** Registrations held for review (near duplicates, policy holds), with their nearest registered work. */
export function RegistrationQueuePage(props: PageProps) {
  const status = props.query.get('status') ?? 'PENDING_REVIEW';
  const [statusInput, setStatusInput] = useState(status);
  const state = useAsync(() => send<Review[]>('GET', `/api/v1/registrations/reviews${queryString({ status: status === 'ALL' ? '' : status, limit: '500' })}`), [status]);
  return (
    <Page title={t('ops.reg.title')} subtitle={t('ops.reg.subtitle')}
      actions={<Button onClick={state.reload} busy={state.loading}>{t('common.refresh')}</Button>}>
      <FilterBar label={t('ops.reg.filters')} onApply={() => navigate(`/ops/registrations${queryString({ status: statusInput })}`, true)}>
        <SelectField label={t('common.status')} value={statusInput} onChange={setStatusInput}
          options={[['PENDING_REVIEW', tCode('status', 'PENDING_REVIEW')], ['REGISTERED', tCode('status', 'REGISTERED')], ['REJECTED', tCode('status', 'REJECTED')], ['ALL', t('common.all')]]} />
      </FilterBar>
      <Card>
        <Loaded state={state}>{rows => (
          <DataTable label={t('ops.reg.title')} rows={rows} rowKey={r => r.id!} empty={t('ops.reg.empty')} testId="registration-queue"
            columns={[
              { header: t('common.created'), cell: r => <Time at={r.createdAt} /> },
              { header: t('ops.reg.work'), cell: r => <span><strong>{r.title}</strong> <span class="ops-muted">{tCode('kind', r.kind)}</span></span> },
              { header: t('ops.reg.requester'), cell: r => <Account id={r.requester} /> },
              { header: t('ops.reg.nearest'), cell: r => nearest(r) },
              { header: t('common.status'), cell: r => <Status code={r.status} /> },
              { header: t('ops.actions'), cell: r => <Link class="ops-nowrap" href={`/ops/registrations/${encodeURIComponent(r.id!)}`} aria-label={t(r.status === 'PENDING_REVIEW' ? 'ops.reg.review.of' : 'ops.reg.details.of', { title: r.title ?? '' })}>{r.status === 'PENDING_REVIEW' ? t('ops.reg.review') : t('common.details')}</Link> },
            ]} />
        )}</Loaded>
      </Card>
    </Page>
  );
}

function nearest(r: Review) {
  const similar = [...(r.similar ?? [])].sort((a, b) => (a.distance ?? 0) - (b.distance ?? 0));
  if (similar.length === 0) return <span class="ops-muted">{t('ops.reg.similar.none.short')}</span>;
  return <span>{t('ops.reg.distance', { n: similar[0].distance ?? 0 })}{similar.length > 1 ? ` · ${t('ops.reg.similar.more', { n: similar.length - 1 })}` : ''}</span>;
}

export function RegistrationReviewPage(props: PageProps) {
  const id = props.params.id;
  const state = useAsync(() => ok(api.GET('/api/v1/registrations/reviews/{id}', { params: { path: { id } } })), [id]);
  return (
    <Page title={state.data?.title ? t('ops.reg.review.title', { title: state.data.title }) : t('ops.reg.review')}
      subtitle={t('ops.reg.review.subtitle')} actions={<Link href="/ops/registrations">{t('ops.reg.back')}</Link>}>
      <Loaded state={state}>{r => <RegistrationReview review={r} onDecided={state.reload} />}</Loaded>
    </Page>
  );
}

/** The uploaded file itself, for images; the service keeps the upload until the decision. */
function ContentPreview(props: { review: Review }) {
  const r = props.review;
  const isImage = (r.contentType ?? '').startsWith('image/');
  const [src, setSrc] = useState<string | null | undefined>(undefined);
  useEffect(() => {
    if (!isImage) return;
    let url: string | null = null, live = true;
    imageUrl(`/api/v1/registrations/reviews/${encodeURIComponent(r.id!)}/content`).then(u => { url = u; if (live) setSrc(u); });
    return () => { live = false; if (url) URL.revokeObjectURL(url); };
  }, [r.id, isImage]);
  if (!isImage) return <p class="empty">{t('ops.reg.preview.none', { type: r.contentType ?? '—' })}</p>;
  if (src === undefined) return <Loading />;
  if (src === null) return <p class="empty">{t('ops.reg.preview.gone')}</p>;
  return <img class="ops-preview" src={src} alt={t('ops.reg.preview.alt', { title: r.title ?? '' })} />;
}

function RegistrationReview(props: { review: Review; onDecided: () => void }) {
  const r = props.review;
  const similar = [...(r.similar ?? [])].sort((a, b) => (a.distance ?? 0) - (b.distance ?? 0));
  return (
    <>
      <div class="cols">
        <Card title={t('ops.reg.upload')} actions={<Status code={r.status} />} testId="registration-upload">
          <ContentPreview review={r} />
        </Card>
        <Card title={t('ops.reg.facts')}>
          <Facts items={[
            [t('ops.reg.work'), r.title],
            [t('ops.reg.kind'), tCode('kind', r.kind)],
            [t('ops.reg.requester'), <Account id={r.requester} />],
            [t('common.created'), <Time at={r.createdAt} />],
            [t('ops.reg.creators'), <ul class="ops-list">{(r.creators ?? []).map(c => <li key={c.accountId}><Account id={c.accountId} /> {percentBp(c.shareBps)}</li>)}</ul>],
            [t('ops.reg.contentHash'), <Hash value={r.contentHash} keep={16} />],
            [t('ops.reg.file'), `${r.contentType ?? '—'} · ${bytes(r.sizeBytes ?? 0)}`],
            [t('ops.reg.fingerprint'), r.fingerprint ? <span><Hash value={r.fingerprint} keep={16} /> <span class="ops-muted">{r.fingerprintKind}</span></span> : null],
            ...((r.parents?.length ?? 0) > 0 ? [[t('ops.reg.parents'), r.parents!.join(', ')] as [string, string]] : []),
          ]} />
        </Card>
      </div>
      <Card title={t('ops.reg.similar')} testId="similar-works">
        {similar.length === 0 ? <p class="empty">{t('ops.reg.similar.none')}</p> : (
          <ul class="ops-similar">
            {similar.map(s => (
              <li key={s.workId}>
                <Thumb workId={s.workId} kind="IMAGE" size={96} alt={t('ops.reg.thumb.alt', { title: s.title ?? '' })} />
                <div>
                  <strong>{s.title}</strong>
                  <div><Hash value={s.workId} keep={14} /></div>
                  <span class={`badge ${(s.distance ?? 99) <= 4 ? 'badge-bad' : 'badge-warn'}`}>{t('ops.reg.distance', { n: s.distance ?? 0 })}</span>
                </div>
              </li>
            ))}
          </ul>
        )}
        <p class="hint">{t('ops.reg.distance.hint')}</p>
      </Card>
      {r.status === 'PENDING_REVIEW' ? <RegistrationDecision review={r} onDecided={props.onDecided} /> : (
        <Card title={t('ops.reg.decision')} testId="registration-decision">
          <Facts items={[
            [t('common.status'), <Status code={r.status} />],
            [t('common.reason'), r.reason],
            [t('ops.decidedAt'), <Time at={r.decidedAt} />],
            [t('ops.decidedBy'), <Account id={r.decidedBy} />],
            [t('ops.reg.workId'), r.workId ? <Hash value={r.workId} keep={16} /> : null],
            [t('common.tx'), r.txId ? <Hash value={r.txId} /> : null],
          ]} />
        </Card>
      )}
    </>
  );
}

function RegistrationDecision(props: { review: Review; onDecided: () => void }) {
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const action = useAction();
  const error = tried && !reason.trim() ? t('ops.reason.required') : null;
  async function decide(decision: 'REGISTER' | 'REJECT') {
    if (decision === 'REJECT') {
      setTried(true);
      if (!reason.trim()) return;
    }
    const done = await action.run(() => ok(api.POST('/api/v1/registrations/reviews/{id}/decision', {
      params: { path: { id: props.review.id! } }, body: { decision, reason: reason.trim() || undefined },
    })));
    if (done !== undefined) {
      toast(t(decision === 'REGISTER' ? 'ops.reg.registered' : 'ops.reg.rejected'));
      props.onDecided();
    }
  }
  return (
    <Card title={t('ops.reg.decision')} testId="registration-decision">
      <form class="stack" aria-label={t('ops.reg.decision')} onSubmit={e => { e.preventDefault(); decide('REGISTER'); }}>
        <TextArea label={t('common.reason')} value={reason} onInput={setReason} hint={t('ops.reg.reason.hint')} error={error} />
        <ErrorBox error={action.error} />
        <div class="ops-buttons">
          <Button variant="primary" type="submit" busy={action.busy}>{t('ops.reg.register')}</Button>
          <Button variant="danger" onClick={() => decide('REJECT')} disabled={action.busy}>{t('ops.reg.reject')}</Button>
        </div>
      </form>
    </Card>
  );
}
