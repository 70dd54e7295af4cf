import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { api, ok, type Schemas } from '../../../core/api';
import { useAction, useAsync } from '../../../core/hooks';
import { t, tCode } from '../../../core/i18n';
import type { PageProps } from '../../../core/routes';
import { Button, Card, ErrorBox, Facts, Loaded, Notice, Page, Status, TextArea, TextField, Time } from '../../../core/ui';
import { AccountId, Id, isRegulator, RegTable } from '../util';

const ACCOUNT = /^acc_[0-9a-f]{24}$/;

/** Look-through: the person or institution behind a pseudonymous account, with a reason that goes on record. */
export function LookThroughPage(props: PageProps) {
  const [logTick, setLogTick] = useState(0);
  return (
    <Page title={t('reg.lt.title')} subtitle={t('reg.lt.subtitle')}>
      {isRegulator() ? <LookThroughForm initial={props.query.get('account') ?? ''} onDone={() => setLogTick(n => n + 1)} />
        : <Notice>{t('reg.lt.operatorNote')}</Notice>}
      <LogCard tick={logTick} />
    </Page>
  );
}

function LookThroughForm(props: { initial: string; onDone: () => void }) {
  const [accountId, setAccountId] = useState(props.initial);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<{ account?: string; reason?: string }>({});
  const [result, setResult] = useState<Schemas['LookThroughResponse'] | null>(null);
  const action = useAction();
  const submit = (e: Event) => {
    e.preventDefault();
    const account = accountId.trim();
    const next = {
      account: ACCOUNT.test(account) ? undefined : t('reg.lt.accountInvalid'),
      reason: reason.trim() ? undefined : t('reg.lt.reasonRequired'),
    };
    setErrors(next);
    if (next.account || next.reason) return;
    setResult(null);
    void action.run(async () => {
      const r = await ok(api.POST('/api/v1/regulator/look-through', { body: { accountId: account, reason: reason.trim() } }));
      setResult(r);
      setReason('');
      props.onDone();
    });
  };
  return (
    <div class="cols">
      <Card title={t('reg.lt.form')}>
        <form class="stack" onSubmit={submit} noValidate>
          <TextField label={t('reg.lt.account')} value={accountId} onInput={setAccountId} error={errors.account}
            hint={t('reg.lt.accountHint')} name="accountId" required />
          <TextArea label={t('reg.lt.reason')} value={reason} onInput={setReason} error={errors.reason}
            hint={t('reg.lt.reasonHint')} name="reason" required rows={3} />
          <div><Button type="submit" variant="primary" busy={action.busy}>{t('reg.lt.submit')}</Button></div>
        </form>
        <ErrorBox error={action.error} />
      </Card>
      {result && <ResultCard r={result} />}
    </div>
  );
}

function ResultCard(props: { r: Schemas['LookThroughResponse'] }) {
  const r = props.r;
  const kyc = r.kyc;
  const p = kyc?.person, inst = kyc?.institution;
  return (
    <Card title={t('reg.lt.result')} testId="look-through-result">
      <Notice tone="ok">{t('reg.lt.recorded', { id: r.auditEventId ?? 0 })}</Notice>
      <Facts items={[
        [t('reg.lt.account'), <code class="hash">{r.accountId}</code>],
        [t('reg.lt.kycStatus'), <Status code={r.kycStatus} />],
        [t('reg.lt.tier'), r.tier],
        [t('reg.lt.type'), tCode('reg.kycType', kyc?.type)],
        ...(p ? [
          [t('reg.lt.name'), <strong data-testid="look-through-name">{p.name}</strong>],
          [t('reg.lt.idNumber'), p.idNumber], [t('reg.lt.birthDate'), p.birthDate], [t('reg.lt.phone'), p.phone],
          [t('reg.lt.bankCard'), p.bankCard], [t('reg.lt.address'), p.address],
        ] as Array<[string, ComponentChildren]> : []),
        ...(inst ? [
          [t('reg.lt.name'), <strong data-testid="look-through-name">{inst.name}</strong>],
          [t('reg.lt.creditCode'), inst.creditCode], [t('reg.lt.legalRep'), inst.legalRepresentative],
          [t('reg.lt.phone'), inst.phone], [t('reg.lt.bankCard'), inst.bankCard], [t('reg.lt.address'), inst.address],
        ] as Array<[string, ComponentChildren]> : []),
        [t('reg.lt.decided'), <Time at={kyc?.decidedAt} />],
      ]} />
      {(kyc?.linkedAccounts ?? []).length > 0 && (
        <RegTable label={t('reg.lt.linked')} rows={kyc?.linkedAccounts ?? []} rowKey={l => l.accountId!} columns={[
          { header: t('reg.lt.linked'), cell: l => <AccountId short id={l.accountId} /> },
          { header: t('reg.case.shared'), cell: l => (l.shared ?? []).map(s => tCode('reg.signal', s)).join(', ') },
        ]} />
      )}
      {(kyc?.watchListHits ?? []).length > 0 && (
        <Notice tone="warn">{t('reg.lt.watchList', { names: (kyc?.watchListHits ?? []).map(h => h.listedName).join(', ') })}</Notice>
      )}
    </Card>
  );
}

function LogCard(props: { tick: number }) {
  const [accountFilter, setAccountFilter] = useState('');
  const [applied, setApplied] = useState('');
  const [extra, setExtra] = useState<{ rows: Schemas['LookUp'][]; next: string | null } | null>(null);
  const more = useAction();
  const log = useAsync(async () => {
    setExtra(null);
    return ok(api.GET('/api/v1/regulator/look-through/log', { params: { query: { accountId: applied || undefined, limit: 50 } } }));
  }, [applied, props.tick]);
  const next = extra ? extra.next : log.data?.nextCursor ?? null;
  const loadMore = () => more.run(async () => {
    const page = await ok(api.GET('/api/v1/regulator/look-through/log', { params: { query: { accountId: applied || undefined, limit: 50, cursor: next ?? undefined } } }));
    setExtra(e => ({ rows: [...(e?.rows ?? []), ...(page.lookUps ?? [])], next: page.nextCursor ?? null }));
  });
  return (
    <Card title={t('reg.lt.log')}>
      <form class="filters" onSubmit={e => { e.preventDefault(); setApplied(accountFilter.trim()); }}>
        <TextField label={t('reg.lt.account')} value={accountFilter} onInput={setAccountFilter} placeholder="acc_…" />
        <Button type="submit">{t('reg.filter')}</Button>
      </form>
      <Loaded state={log}>{page => (
        <>
          <RegTable label={t('reg.lt.log')} rows={[...(page.lookUps ?? []), ...(extra?.rows ?? [])]} rowKey={l => String(l.auditEventId)}
            empty={t('reg.lt.logEmpty')} testId="look-through-log" columns={[
              { header: t('common.time'), cell: l => <Time at={l.at} /> },
              { header: t('reg.lt.regulator'), cell: l => <Id short id={l.regulator} /> },
              { header: t('reg.lt.account'), cell: l => <AccountId short id={l.accountId} /> },
              { header: t('reg.lt.reason'), cell: l => l.reason },
              { header: t('reg.lt.kycId'), cell: l => <Id short id={l.kycId} /> },
              { header: t('reg.audit.seq'), cell: l => l.seq ?? t('reg.audit.unsealed'), class: 'num' },
            ]} />
          {next && <div class="reg-actions"><Button busy={more.busy} onClick={loadMore}>{t('common.more')}</Button></div>}
          <ErrorBox error={more.error} />
        </>
      )}</Loaded>
    </Card>
  );
}
