import { useState } from 'preact/hooks';
import { api, idempotencyKey, ok, type Schemas } from '../../../core/api';
import { useAction, useAsync } from '../../../core/hooks';
import { t, tCode } from '../../../core/i18n';
import { Link, navigate } from '../../../core/router';
import type { PageProps } from '../../../core/routes';
import { Button, Card, DataTable, ErrorBox, Facts, Loaded, Notice, Page, SelectField, Status, TextArea, TextField, Time, toast } from '../../../core/ui';
import { Account, FilterBar, queryString } from './shared';

type Kyc = Schemas['KycResponse'];
const PENDING = ['SUBMITTED', 'IN_REVIEW'];

function applicantName(k: Kyc): string {
  return k.person?.name ?? k.institution?.name ?? '—';
}

/** The KYC review queue: pending submissions oldest first, masked; a filter by account or name. */
export function KycQueuePage(props: PageProps) {
  const status = props.query.get('status') ?? '';
  const find = props.query.get('find') ?? '';
  const [statusInput, setStatusInput] = useState(status);
  const [findInput, setFindInput] = useState(find);
  const state = useAsync(() => ok(api.GET('/api/v1/kyc/reviews', { params: { query: { status: status || undefined, limit: 500 } } })), [status]);
  const needle = find.trim().toLowerCase();
  const rows = state.data?.filter(k => !needle || (k.accountId ?? '').toLowerCase().includes(needle)
    || applicantName(k).toLowerCase().includes(needle) || (k.id ?? '').toLowerCase().includes(needle));
  return (
    <Page title={t('ops.kyc.title')} subtitle={t('ops.kyc.subtitle')}
      actions={<Button onClick={state.reload} busy={state.loading}>{t('common.refresh')}</Button>}>
      <FilterBar label={t('ops.kyc.filters')} onApply={() => navigate(`/ops/kyc${queryString({ status: statusInput, find: findInput })}`, true)}>
        <SelectField label={t('common.status')} value={statusInput} onChange={setStatusInput}
          options={[['', t('ops.kyc.pending')], ['SUBMITTED', tCode('status', 'SUBMITTED')], ['IN_REVIEW', tCode('status', 'IN_REVIEW')],
            ['APPROVED', tCode('status', 'APPROVED')], ['REJECTED', tCode('status', 'REJECTED')]]} />
        <TextField label={t('ops.kyc.find')} value={findInput} onInput={setFindInput} placeholder={t('ops.kyc.find.hint')} />
      </FilterBar>
      <Card>
        <Loaded state={state}>{() => (
          <>
            <p class="muted" role="status">{t('ops.kyc.count', { n: rows?.length ?? 0 })}</p>
            <DataTable label={t('ops.kyc.title')} rows={rows} rowKey={k => k.id!} empty={t('ops.kyc.empty')} testId="kyc-queue"
              columns={[
                { header: t('ops.kyc.submitted'), cell: k => <Time at={k.submittedAt} /> },
                { header: t('ops.kyc.applicant'), cell: k => <span><strong>{applicantName(k)}</strong> <span class="ops-muted">{tCode('ops.kyc.type', k.type)}</span></span> },
                { header: t('ops.account'), cell: k => <Account id={k.accountId} /> },
                { header: t('ops.kyc.screening'), cell: k => (
                  <span class="ops-flags">
                    {(k.watchListHits?.length ?? 0) > 0 && <span class="badge badge-bad">{t('ops.kyc.watch.hit')}</span>}
                    {(k.linkedAccounts?.length ?? 0) > 0 && <span class="badge badge-warn">{t('ops.kyc.linked.n', { n: k.linkedAccounts!.length })}</span>}
                    {!(k.watchListHits?.length) && !(k.linkedAccounts?.length) && <span class="ops-muted">{t('ops.kyc.clear')}</span>}
                  </span>) },
                { header: t('common.status'), cell: k => <Status code={k.status} /> },
                { header: t('ops.actions'), cell: k => <Link class="ops-nowrap" href={`/ops/kyc/${encodeURIComponent(k.id!)}`} aria-label={t(PENDING.includes(k.status ?? '') ? 'ops.kyc.review.of' : 'ops.kyc.details.of', { name: applicantName(k), account: k.accountId ?? '' })}>{PENDING.includes(k.status ?? '') ? t('ops.kyc.review') : t('common.details')}</Link> },
              ]} />
          </>
        )}</Loaded>
      </Card>
    </Page>
  );
}

/** One submission, masked: the applicant, screening (watch list, linked accounts) and the decision. */
export function KycReviewPage(props: PageProps) {
  const id = props.params.id;
  const state = useAsync(() => ok(api.GET('/api/v1/kyc/{id}', { params: { path: { id } } })), [id]);
  return (
    <Page title={t('ops.kyc.review.title')} subtitle={t('ops.kyc.review.subtitle')}
      actions={<Link href="/ops/kyc">{t('ops.kyc.back')}</Link>}>
      <Loaded state={state}>{k => <KycReview kyc={k} onDecided={state.reload} />}</Loaded>
    </Page>
  );
}

function KycReview(props: { kyc: Kyc; onDecided: () => void }) {
  const k = props.kyc;
  const p = k.person, inst = k.institution;
  const applicant: Array<[string, preact.ComponentChildren]> = p ? [
    [t('ops.kyc.name'), p.name],
    [t('ops.kyc.idNumber'), <code>{p.idNumber}</code>],
    [t('ops.kyc.birthDate'), <span>{p.birthDate} {p.adult === true && <span class="badge badge-ok">{t('ops.kyc.adult')}</span>}{p.adult === false && <span class="badge badge-bad">{t('ops.kyc.minor')}</span>}</span>],
    [t('ops.kyc.phone'), p.phone],
    [t('ops.kyc.bankCard'), p.bankCard],
    [t('ops.kyc.address'), p.address],
    [t('ops.kyc.device'), p.deviceId],
  ] : inst ? [
    [t('ops.kyc.institution'), inst.name],
    [t('ops.kyc.creditCode'), <code>{inst.creditCode}</code>],
    [t('ops.kyc.legalRep'), inst.legalRepresentative],
    [t('ops.kyc.phone'), inst.phone],
    [t('ops.kyc.bankCard'), inst.bankCard],
    [t('ops.kyc.address'), inst.address],
    [t('ops.kyc.device'), inst.deviceId],
  ] : [];
  const hits = k.watchListHits ?? [];
  const pending = PENDING.includes(k.status ?? '');
  return (
    <>
      <Card title={t('ops.kyc.submission')} actions={<Status code={k.status} />} testId="kyc-submission">
        <Facts items={[
          [t('ops.kyc.type'), tCode('ops.kyc.type', k.type)],
          [t('ops.account'), <Account id={k.accountId} />],
          [t('ops.kyc.submitted'), <Time at={k.submittedAt} />],
          [t('ops.kyc.opened'), k.openedAt ? <Time at={k.openedAt} /> : null],
        ]} />
      </Card>
      <div class="cols">
        <Card title={t('ops.kyc.applicant')}>
          <p class="hint">{t('ops.kyc.masked')}</p>
          <Facts items={applicant} />
        </Card>
        <Card title={t('ops.kyc.screening')}>
          <h3 class="ops-h3">{t('ops.kyc.watch')}</h3>
          {hits.length === 0 ? <p class="empty">{t('ops.kyc.watch.none')}</p> : (
            <DataTable label={t('ops.kyc.watch')} rows={hits} rowKey={h => `${h.entryId}-${h.field}`} columns={[
              { header: t('ops.kyc.watch.listed'), cell: h => h.listedName },
              { header: t('ops.kyc.watch.field'), cell: h => h.field },
              { header: t('ops.kyc.watch.score'), cell: h => `${Math.round((h.score ?? 0) * 100)}%`, class: 'num' },
            ]} />
          )}
          <h3 class="ops-h3">{t('ops.kyc.linked')}</h3>
          {(k.linkedAccounts?.length ?? 0) === 0 ? <p class="empty">{t('ops.kyc.linked.none')}</p> : (
            <ul class="ops-list">
              {k.linkedAccounts!.map(l => <li key={l.accountId}><Account id={l.accountId} /> — {(l.shared ?? []).map(s => tCode('ops.signal', s)).join(', ')}</li>)}
            </ul>
          )}
        </Card>
      </div>
      {pending ? <KycDecisionForm kyc={k} onDecided={props.onDecided} /> : (
        <Card title={t('ops.kyc.decision')} testId="kyc-decision">
          <Facts items={[
            [t('common.status'), <Status code={k.status} />],
            [t('ops.kyc.tier'), k.tier ? tCode('ops.tier', k.tier) : null],
            [t('common.reason'), k.reason],
            [t('ops.kyc.watch.override'), k.watchListOverride],
            [t('ops.decidedAt'), k.decidedAt ? <Time at={k.decidedAt} /> : null],
            [t('ops.decidedBy'), k.decidedBy ? <Account id={k.decidedBy} /> : null],
          ]} />
        </Card>
      )}
    </>
  );
}

function KycDecisionForm(props: { kyc: Kyc; onDecided: () => void }) {
  const k = props.kyc;
  const needsOverride = (k.watchListHits?.length ?? 0) > 0;
  const [reason, setReason] = useState('');
  const [tier, setTier] = useState('');
  const [override, setOverride] = useState('');
  const [tried, setTried] = useState<'' | 'APPROVE' | 'REJECT'>('');
  const action = useAction();
  const [key] = useState(idempotencyKey);
  const reasonError = tried === 'REJECT' && !reason.trim() ? t('ops.reason.required') : null;
  const overrideError = tried === 'APPROVE' && needsOverride && !override.trim() ? t('ops.kyc.watch.override.required') : null;
  async function decide(decision: 'APPROVE' | 'REJECT') {
    setTried(decision);
    if (decision === 'REJECT' && !reason.trim()) return;
    if (decision === 'APPROVE' && needsOverride && !override.trim()) return;
    const done = await action.run(() => ok(api.POST('/api/v1/kyc/{id}/decision', {
      params: { path: { id: k.id! }, header: { 'Idempotency-Key': `${key}-${decision}` } },
      body: { decision, reason: reason.trim() || undefined, tier: tier || undefined, watchListOverride: needsOverride && decision === 'APPROVE' ? override.trim() : undefined },
    })));
    if (done !== undefined) {
      toast(t(decision === 'APPROVE' ? 'ops.kyc.approved' : 'ops.kyc.rejected'));
      props.onDecided();
    }
  }
  return (
    <Card title={t('ops.kyc.decision')} testId="kyc-decision">
      <form class="stack" onSubmit={e => { e.preventDefault(); decide('APPROVE'); }} aria-label={t('ops.kyc.decision')}>
        {needsOverride && <Notice tone="warn">{t('ops.kyc.watch.warn')}</Notice>}
        <SelectField label={t('ops.kyc.tier')} value={tier} onChange={setTier} hint={t('ops.kyc.tier.hint')}
          options={[['', t('ops.kyc.tier.default')], ['TIER_1', tCode('ops.tier', 'TIER_1')], ['TIER_2', tCode('ops.tier', 'TIER_2')], ['TIER_3', tCode('ops.tier', 'TIER_3')]]} />
        <TextArea label={t('common.reason')} value={reason} onInput={setReason} hint={t('ops.kyc.reason.hint')} error={reasonError} />
        {needsOverride && <TextArea label={t('ops.kyc.watch.override')} value={override} onInput={setOverride} hint={t('ops.kyc.watch.override.hint')} error={overrideError} />}
        <ErrorBox error={action.error} />
        <div class="ops-buttons">
          <Button variant="primary" type="submit" busy={action.busy}>{t('ops.kyc.approve')}</Button>
          <Button variant="danger" onClick={() => decide('REJECT')} disabled={action.busy}>{t('ops.kyc.reject')}</Button>
        </div>
      </form>
    </Card>
  );
}
