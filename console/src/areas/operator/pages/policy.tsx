import { useEffect, useState } from 'preact/hooks';
import { api, ok, send, type Schemas } from '../../../core/api';
import { useAction, useAsync } from '../../../core/hooks';
import { t, tCode } from '../../../core/i18n';
import type { PageProps } from '../../../core/routes';
import { Button, Card, ErrorBox, Facts, Hash, Loaded, Page, TextField, Time, toast } from '../../../core/ui';
import { bpHint } from './shared';

type Policy = Schemas['BoardPolicyResponse'];
type Risk = Schemas['RiskSettingsResponse'];
const LISTING_TYPES = ['FIXED_PRICE', 'OFFERS_ONLY', 'ENGLISH_AUCTION', 'SEALED_BID_AUCTION'];
const POLICY_NUMBERS = ['feeBps', 'royaltyBps', 'priceBandBps', 'holdingPeriodSeconds', 'dailyTransferCapPerAsset', 'dailyTransferCapPerAccount'] as const;

/** The board's policy (the service's rules and the chain's half) and the surveillance thresholds. */
export function PolicyPage(_: PageProps) {
  const policy = useAsync(() => ok(api.GET('/api/v1/board/policy')), []);
  const risk = useAsync(() => ok(api.GET('/api/v1/risk/settings')), []);
  return (
    <Page title={t('ops.policy.title')} subtitle={t('ops.policy.subtitle')}>
      <Loaded state={policy}>{p => <PolicyForm policy={p} onSaved={policy.reload} />}</Loaded>
      <Loaded state={risk}>{r => <RiskForm settings={r} onSaved={risk.reload} />}</Loaded>
    </Page>
  );
}

function isWhole(v: string, min = 0): boolean {
  return /^\d+$/.test(v.trim()) && Number(v) >= min;
}

function PolicyForm(props: { policy: Policy; onSaved: () => void }) {
  const p = props.policy;
  const initial = () => Object.fromEntries(POLICY_NUMBERS.map(k => [k, String(p[k] ?? '')])) as Record<typeof POLICY_NUMBERS[number], string>;
  const [values, setValues] = useState(initial);
  const [types, setTypes] = useState<Record<string, string[]>>(() => ({ ...(p.listingTypes ?? {}) }));
  const [tried, setTried] = useState(false);
  const action = useAction();
  useEffect(() => { setValues(initial()); setTypes({ ...(p.listingTypes ?? {}) }); }, [p]);
  const kinds = Object.keys(types).length ? Object.keys(types).sort() : ['COPYRIGHT', 'EDITION'];
  const invalid = (k: string) => tried && !isWhole(values[k as keyof typeof values]) ? t('ops.policy.whole') : null;
  const set = (k: string) => (v: string) => setValues(s => ({ ...s, [k]: v }));
  function toggle(kind: string, type: string, on: boolean) {
    setTypes(s => {
      const now = new Set(s[kind] ?? []);
      if (on) now.add(type); else now.delete(type);
      return { ...s, [kind]: LISTING_TYPES.filter(x => now.has(x)) };
    });
  }
  async function save() {
    setTried(true);
    if (POLICY_NUMBERS.some(k => !isWhole(values[k]))) return;
    const body = { listingTypes: types, ...Object.fromEntries(POLICY_NUMBERS.map(k => [k, Number(values[k])])) } as Schemas['BoardPolicyRequest'];
    const done = await action.run(() => ok(api.PUT('/api/v1/board/policy', { body })));
    if (done) { toast(t('ops.policy.saved')); setTried(false); props.onSaved(); }
  }
  return (
    <Card title={t('ops.policy.board')} testId="board-policy">
      <form class="ops-form" aria-label={t('ops.policy.board')} onSubmit={e => { e.preventDefault(); save(); }}>
        <div class="ops-kinds">
          {kinds.map(kind => (
            <fieldset key={kind} class="ops-fieldset">
              <legend>{t('ops.policy.types', { kind: tCode('ops.assetKind', kind) })}</legend>
              {LISTING_TYPES.map(type => (
                <label key={type} class="ops-check">
                  <input type="checkbox" checked={(types[kind] ?? []).includes(type)} onChange={e => toggle(kind, type, (e.currentTarget as HTMLInputElement).checked)} />
                  {tCode('ops.listingType', type)}
                </label>
              ))}
            </fieldset>
          ))}
        </div>
        <div class="form-row">
          <TextField label={t('ops.policy.feeBps')} value={values.feeBps} onInput={set('feeBps')} inputMode="numeric" hint={bpHint(values.feeBps)} error={invalid('feeBps')} />
          <TextField label={t('ops.policy.royaltyBps')} value={values.royaltyBps} onInput={set('royaltyBps')} inputMode="numeric" hint={bpHint(values.royaltyBps)} error={invalid('royaltyBps')} />
          <TextField label={t('ops.policy.priceBandBps')} value={values.priceBandBps} onInput={set('priceBandBps')} inputMode="numeric" hint={bpHint(values.priceBandBps)} error={invalid('priceBandBps')} />
        </div>
        <h3 class="ops-h3">{t('ops.policy.chain')}</h3>
        <div class="form-row">
          <TextField label={t('ops.policy.holding')} value={values.holdingPeriodSeconds} onInput={set('holdingPeriodSeconds')} inputMode="numeric" hint={t('ops.policy.holding.hint', { h: (Number(values.holdingPeriodSeconds) / 3600).toFixed(1) })} error={invalid('holdingPeriodSeconds')} />
          <TextField label={t('ops.policy.capAsset')} value={values.dailyTransferCapPerAsset} onInput={set('dailyTransferCapPerAsset')} inputMode="numeric" error={invalid('dailyTransferCapPerAsset')} />
          <TextField label={t('ops.policy.capAccount')} value={values.dailyTransferCapPerAccount} onInput={set('dailyTransferCapPerAccount')} inputMode="numeric" error={invalid('dailyTransferCapPerAccount')} />
        </div>
        <Facts items={[
          [t('ops.policy.chainUpdated'), p.chainUpdatedAt ? <Time at={p.chainUpdatedAt} /> : null],
          [t('common.tx'), p.chainTxId ? <Hash value={p.chainTxId} /> : null],
        ]} />
        <ErrorBox error={action.error} />
        <div class="ops-buttons"><Button variant="primary" type="submit" busy={action.busy}>{t('ops.policy.save')}</Button></div>
      </form>
    </Card>
  );
}

type RiskKey = keyof Risk;
const RISK_GROUPS: ReadonlyArray<{ rule: string; fields: ReadonlyArray<{ key: RiskKey; kind: 'count' | 'bps' | 'window' }> }> = [
  { rule: 'VELOCITY', fields: [{ key: 'velocityMaxTrades', kind: 'count' }, { key: 'velocityWindow', kind: 'window' }] },
  { rule: 'CIRCULAR_TRADE', fields: [{ key: 'circularWindow', kind: 'window' }] },
  { rule: 'PUMP_AND_DUMP', fields: [{ key: 'pumpRiseBps', kind: 'bps' }, { key: 'pumpFallBps', kind: 'bps' }, { key: 'pumpMaxAccounts', kind: 'count' }, { key: 'pumpMinTrades', kind: 'count' }, { key: 'pumpWindow', kind: 'window' }] },
  { rule: 'CONCENTRATION', fields: [{ key: 'concentrationBps', kind: 'bps' }, { key: 'concentrationMinSeries', kind: 'count' }] },
  { rule: 'REPEATED_PAIR', fields: [{ key: 'repeatedPairMax', kind: 'count' }, { key: 'repeatedPairWindow', kind: 'window' }] },
];
const DURATION = /^P(?!$)(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+S)?)?$/;

function RiskForm(props: { settings: Risk; onSaved: () => void }) {
  const initial = () => Object.fromEntries(Object.entries(props.settings).map(([k, v]) => [k, String(v ?? '')])) as Record<string, string>;
  const [values, setValues] = useState(initial);
  const [tried, setTried] = useState(false);
  const action = useAction();
  useEffect(() => setValues(initial()), [props.settings]);
  const fields = RISK_GROUPS.flatMap(g => g.fields);
  const errorOf = (f: { key: RiskKey; kind: string }) => {
    if (!tried) return null;
    const v = (values[f.key] ?? '').trim();
    if (f.kind === 'window') return DURATION.test(v) ? null : t('ops.risk.window.bad');
    return isWhole(v) ? null : t('ops.policy.whole');
  };
  async function save() {
    setTried(true);
    if (fields.some(f => f.kind === 'window' ? !DURATION.test((values[f.key] ?? '').trim()) : !isWhole(values[f.key] ?? ''))) return;
    const body = Object.fromEntries(fields.map(f => [f.key, f.kind === 'window' ? values[f.key].trim() : Number(values[f.key])]));
    const done = await action.run(() => send<Risk>('PUT', '/api/v1/risk/settings', body));
    if (done) { toast(t('ops.risk.saved')); setTried(false); props.onSaved(); }
  }
  return (
    <Card title={t('ops.risk.title')} testId="risk-settings">
      <p class="hint">{t('ops.risk.hint')}</p>
      <form class="ops-form" aria-label={t('ops.risk.title')} onSubmit={e => { e.preventDefault(); save(); }}>
        <div class="ops-risk-groups">
          {RISK_GROUPS.map(g => (
            <fieldset key={g.rule} class="ops-fieldset">
              <legend>{tCode('ops.rule', g.rule)}</legend>
              {g.fields.map(f => (
                <TextField key={f.key} label={t(`ops.risk.${f.key}`)} value={values[f.key] ?? ''} onInput={v => setValues(s => ({ ...s, [f.key]: v }))}
                  inputMode={f.kind === 'window' ? undefined : 'numeric'} error={errorOf(f)}
                  hint={f.kind === 'bps' ? bpHint(values[f.key] ?? '') : f.kind === 'window' ? t('ops.risk.window.hint') : undefined} />
              ))}
            </fieldset>
          ))}
        </div>
        <ErrorBox error={action.error} />
        <div class="ops-buttons"><Button variant="primary" type="submit" busy={action.busy}>{t('ops.risk.save')}</Button></div>
      </form>
    </Card>
  );
}
