import { useState } from 'preact/hooks';
import { api, idempotencyKey, ok, type Schemas } from '../../../core/api';
import { useAction, useAsync } from '../../../core/hooks';
import { t, tCode } from '../../../core/i18n';
import { navigate } from '../../../core/router';
import type { PageProps } from '../../../core/routes';
import { Button, Card, DataTable, ErrorBox, Loaded, Money, Page, SelectField, Status, TextField, Time, toast } from '../../../core/ui';
import { Account, FilterBar, queryString } from './shared';

type Withdrawal = Schemas['WithdrawalResponse'];

/** Withdrawals above the confirmation threshold wait for an operator: pay them out or refuse with a reason. */
export function WithdrawalsPage(props: PageProps) {
  const status = props.query.get('status') ?? 'PENDING_CONFIRMATION';
  const [statusInput, setStatusInput] = useState(status);
  const state = useAsync(() => ok(api.GET('/api/v1/withdrawals', { params: { query: { status, limit: 200 } } })), [status]);
  return (
    <Page title={t('ops.wd.title')} subtitle={t('ops.wd.subtitle')}
      actions={<Button onClick={state.reload} busy={state.loading}>{t('common.refresh')}</Button>}>
      <FilterBar label={t('ops.wd.filters')} onApply={() => navigate(`/ops/withdrawals${queryString({ status: statusInput })}`, true)}>
        <SelectField label={t('common.status')} value={statusInput} onChange={setStatusInput}
          options={['PENDING_CONFIRMATION', 'COMPLETED', 'REFUSED'].map(s => [s, tCode('status', s)])} />
      </FilterBar>
      <Card>
        <Loaded state={state}>{rows => (
          <DataTable label={t('ops.wd.title')} rows={rows} rowKey={w => w.id!} empty={t('ops.wd.empty')} testId="withdrawals"
            columns={[
              { header: t('ops.wd.requested'), cell: w => <Time at={w.requestedAt} /> },
              { header: t('ops.account'), cell: w => <Account id={w.accountId} /> },
              { header: t('ops.wd.amount'), cell: w => <Money fen={w.amountFen} />, class: 'num' },
              { header: t('ops.wd.rail'), cell: w => w.rail },
              { header: t('common.status'), cell: w => <Status code={w.status} /> },
              { header: t('ops.actions'), cell: w => w.status === 'PENDING_CONFIRMATION' ? <Confirm w={w} onDone={state.reload} /> : (w.reason ?? '—') },
            ]} />
        )}</Loaded>
      </Card>
    </Page>
  );
}

function Confirm(props: { w: Withdrawal; onDone: () => void }) {
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const [key] = useState(idempotencyKey);
  const action = useAction();
  async function decide(approve: boolean) {
    if (!approve) { setTried(true); if (!reason.trim()) return; }
    const done = await action.run(() => ok(api.POST('/api/v1/withdrawals/{id}/confirmation', {
      params: { path: { id: props.w.id! }, header: { 'Idempotency-Key': `${key}-${approve}` } },
      body: { approve, reason: reason.trim() || undefined },
    })));
    if (done !== undefined) { toast(t(approve ? 'ops.wd.paid' : 'ops.wd.refused')); props.onDone(); }
  }
  return (
    <div class="ops-inline-form">
      <TextField label={t('common.reason')} value={reason} onInput={setReason} error={tried && !reason.trim() ? t('ops.reason.required') : null} />
      <div class="ops-buttons">
        <Button variant="primary" onClick={() => decide(true)} busy={action.busy}>{t('ops.wd.confirm')}</Button>
        <Button variant="danger" onClick={() => decide(false)} disabled={action.busy}>{t('ops.wd.refuse')}</Button>
      </div>
      <ErrorBox error={action.error} />
    </div>
  );
}
