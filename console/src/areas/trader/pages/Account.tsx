import { useState } from 'preact/hooks';
import { api, idempotencyKey, ok, send, type Schemas } from '../../../core/api';
import { parseYuan, yuan } from '../../../core/format';
import { useAction, useAsync } from '../../../core/hooks';
import { t, tCode } from '../../../core/i18n';
import { Link } from '../../../core/router';
import { Button, Card, DataTable, ErrorBox, Facts, Loaded, Money, Notice, Page, SelectField, Status, TextField, Time, toast } from '../../../core/ui';
import { myAccount } from '../shared';

type Balances = Schemas['BalancesResponse'];

/** Balances, deposits and withdrawals (each with an Idempotency-Key), and e-CNY wallets when the rail is on. */
export function AccountPage() {
  const account = useAsync(() => myAccount(true));
  const wallets = useAsync(() => ok(api.GET('/api/v1/accounts/me/wallets')).catch(() => null));
  const [balances, setBalances] = useState<Balances | null>(null);
  return (
    <Page title={t('trader.account.title')} subtitle={t('trader.account.subtitle')}
      actions={<Button variant="ghost" onClick={() => { setBalances(null); account.reload(); }}>{t('common.refresh')}</Button>}>
      <Loaded state={account}>
        {a => {
          const b = balances ?? a.balances;
          const approved = a.kycStatus === 'APPROVED';
          const railOn = !!wallets.data?.escrowAddress;
          return (
            <>
              <div class="grid trader-balances">
                <Card title={t('trader.account.available')} testId="balance-available">
                  <p class="stat"><Money fen={b?.available} /></p>
                </Card>
                <Card title={t('trader.account.held')} testId="balance-held">
                  <p class="stat"><Money fen={b?.held} /></p>
                  <p class="muted">{t('trader.account.heldHint')}</p>
                </Card>
                <Card title={t('trader.account.facts')}>
                  <Facts items={[
                    [t('trader.account.id'), <code class="hash">{a.accountId}</code>],
                    [t('trader.account.kyc'), <><Status code={a.kycStatus} /> {!approved && <Link href="/kyc">{t('trader.account.verify')}</Link>}</>],
                    [t('trader.kyc.tier'), a.tier ? tCode('trader.tier', a.tier) : '—'],
                    [t('trader.account.dailyLimit'), <Money fen={a.dailyBuyLimitFen} />],
                  ]} />
                </Card>
              </div>
              {!approved && <Notice tone="warn">{t('trader.account.needKyc')} <Link href="/kyc">{t('trader.account.verify')}</Link></Notice>}
              <div class="cols trader-money-forms">
                <MoneyForm kind="deposit" disabled={!approved} railOn={false} onDone={setBalances} />
                <MoneyForm kind="withdrawal" disabled={!approved} railOn={railOn} onDone={setBalances} />
              </div>
              {wallets.data && railOn && <Wallets data={wallets.data} approved={approved} onChange={wallets.reload} />}
            </>
          );
        }}
      </Loaded>
    </Page>
  );
}

function MoneyForm(props: { kind: 'deposit' | 'withdrawal'; disabled: boolean; railOn: boolean; onDone: (b: Balances) => void }) {
  const [amount, setAmount] = useState('');
  const [rail, setRail] = useState('internal');
  const [touched, setTouched] = useState(false);
  // One key per intended movement: a retry after a network error replays instead of moving money twice.
  const [key, setKey] = useState(idempotencyKey());
  const action = useAction();
  const fen = parseYuan(amount);
  const invalid = fen === null || fen <= 0 ? t('trader.account.amountInvalid') : null;
  const submit = async (e: Event) => {
    e.preventDefault();
    setTouched(true);
    if (invalid) return;
    const path = props.kind === 'deposit' ? '/api/v1/accounts/me/deposits' : '/api/v1/accounts/me/withdrawals';
    const body = props.kind === 'withdrawal' && rail !== 'internal' ? { amountFen: fen, rail } : { amountFen: fen };
    const result = await action.run(() => send<{ status?: string; balances?: Balances; amountFen?: number }>('POST', path, body, { 'Idempotency-Key': key }));
    if (result) {
      setKey(idempotencyKey());
      setAmount('');
      setTouched(false);
      if (result.balances) props.onDone(result.balances);
      void myAccount(true);
      toast(t(`trader.account.${props.kind}.done`, { amount: yuan(result.amountFen), status: tCode('status', result.status) }));
    }
  };
  return (
    <Card title={t(`trader.account.${props.kind}.title`)}>
      <form class="stack" onSubmit={submit} noValidate aria-label={t(`trader.account.${props.kind}.title`)}>
        <TextField label={t('trader.account.amount')} value={amount} onInput={v => { setAmount(v); action.clear(); }}
          error={touched ? invalid : null} inputMode="decimal" name={`${props.kind}-amount`} hint={t(`trader.account.${props.kind}.hint`)} />
        {props.kind === 'withdrawal' && props.railOn && (
          <SelectField label={t('trader.account.rail')} value={rail} onChange={setRail}
            options={[['internal', t('trader.account.rail.internal')], ['ecny', t('trader.account.rail.ecny')]]} />
        )}
        <ErrorBox error={action.error} />
        <div class="trader-button-row">
          <Button type="submit" variant={props.kind === 'deposit' ? 'primary' : 'secondary'} busy={action.busy} disabled={props.disabled}>
            {t(`trader.account.${props.kind}.submit`)}
          </Button>
        </div>
      </form>
    </Card>
  );
}

function Wallets(props: { data: Schemas['WalletsResponse']; approved: boolean; onChange: () => void }) {
  const [address, setAddress] = useState('');
  const action = useAction();
  const valid = /^0x[0-9a-fA-F]{40}$/.test(address.trim());
  const submit = async (e: Event) => {
    e.preventDefault();
    if (!valid) return;
    const r = await action.run(() => send('POST', '/api/v1/accounts/me/wallets', { address: address.trim() }));
    if (r) { setAddress(''); toast(t('trader.wallet.added')); props.onChange(); }
  };
  return (
    <Card title={t('trader.wallet.title')}>
      <p class="muted">{t('trader.wallet.explain', { n: props.data.confirmations ?? 0 })}</p>
      <Facts items={[
        [t('trader.wallet.escrow'), <code class="hash">{props.data.escrowAddress}</code>],
        [t('trader.wallet.token'), <code class="hash">{props.data.tokenAddress}</code>],
      ]} />
      <DataTable label={t('trader.wallet.title')} rows={props.data.wallets ?? []} rowKey={w => w.address ?? ''}
        empty={t('trader.wallet.none')}
        columns={[
          { header: t('trader.wallet.address'), cell: w => <code class="hash">{w.address}</code> },
          { header: t('trader.wallet.registered'), cell: w => <Time at={w.registeredAt} /> },
          { header: t('trader.wallet.payout'), cell: w => (w.payout ? t('trader.wallet.payoutYes') : '') },
        ]} />
      <form class="form-row trader-wallet-form" onSubmit={submit} noValidate>
        <TextField label={t('trader.wallet.address')} value={address} onInput={v => { setAddress(v); action.clear(); }}
          error={address && !valid ? t('trader.wallet.invalid') : null} placeholder="0x…" name="wallet" />
        <Button type="submit" busy={action.busy} disabled={!props.approved || !valid}>{t('trader.wallet.add')}</Button>
      </form>
      <ErrorBox error={action.error} />
    </Card>
  );
}
