import { useRef, useState } from 'preact/hooks';
import { api, ApiProblem, ok, send, type Schemas } from '../../../core/api';
import { useAsync } from '../../../core/hooks';
import { t, tCode } from '../../../core/i18n';
import { Button, Card, ErrorBox, Facts, Loaded, Notice, Page, SelectField, Status, TextField, Time, toast } from '../../../core/ui';
import { myAccount } from '../shared';
import { checkBankCard, checkCreditCode, checkName, checkPhone, checkResidentId, fieldOfCode } from '../validate';

type KycMe = Schemas['KycMeResponse'];
type FieldName = 'name' | 'idNumber' | 'phone' | 'bankCard' | 'creditCode' | 'legalRepresentative' | 'address';
type Values = Record<FieldName, string>;

const EMPTY: Values = { name: '', idNumber: '', phone: '', bankCard: '', creditCode: '', legalRepresentative: '', address: '' };

/** Real-name verification: the caller's status, and the form (first time, or again after a rejection). */
export function KycPage() {
  const state = useAsync(() => ok(api.GET('/api/v1/kyc/me')));
  return (
    <Page title={t('trader.kyc.title')} subtitle={t('trader.kyc.subtitle')}>
      <Loaded state={state}>
        {me => (
          <>
            <KycStatusCard me={me} />
            {(me.status === 'NONE' || me.status === 'REJECTED' || !me.status) && <KycForm onDone={state.reload} />}
          </>
        )}
      </Loaded>
    </Page>
  );
}

function KycStatusCard(props: { me: KycMe }) {
  const { me } = props;
  const s = me.submission;
  const status = me.status ?? 'NONE';
  return (
    <Card title={t('trader.kyc.statusTitle')} testId="kyc-status">
      <Facts items={[
        [t('common.status'), <Status code={status} />],
        ...(status === 'REJECTED' || status === 'SUSPENDED' ? [[t('common.reason'), <span data-testid="kyc-reason">{me.reason ?? '—'}</span>] as [string, preact.ComponentChildren]] : []),
        ...(me.tier ? [[t('trader.kyc.tier'), tCode('trader.tier', me.tier)] as [string, preact.ComponentChildren]] : []),
        ...(s?.submittedAt ? [[t('trader.kyc.submittedAt'), <Time at={s.submittedAt} />] as [string, preact.ComponentChildren]] : []),
        ...(s ? [[t('trader.kyc.type'), tCode('trader.kyc.type', s.type)] as [string, preact.ComponentChildren]] : []),
        ...(s?.person ? [
          [t('trader.kyc.name'), s.person.name],
          [t('trader.kyc.idNumber'), <code>{s.person.idNumber}</code>],
          [t('trader.kyc.phone'), s.person.phone],
          [t('trader.kyc.bankCard'), <code>{s.person.bankCard}</code>],
        ] as Array<[string, preact.ComponentChildren]> : []),
        ...(s?.institution ? [
          [t('trader.kyc.orgName'), s.institution.name],
          [t('trader.kyc.creditCode'), <code>{s.institution.creditCode}</code>],
          [t('trader.kyc.legalRepresentative'), s.institution.legalRepresentative],
        ] as Array<[string, preact.ComponentChildren]> : []),
      ]} />
      <p class="muted">{t(`trader.kyc.explain.${status}`)}</p>
    </Card>
  );
}

function errorsOf(type: string, v: Values): Partial<Record<FieldName, string>> {
  const e: Partial<Record<FieldName, string | null>> = {};
  if (type === 'INDIVIDUAL') {
    e.name = checkName(v.name);
    e.idNumber = checkResidentId(v.idNumber);
    e.phone = checkPhone(v.phone);
    e.bankCard = checkBankCard(v.bankCard);
  } else {
    e.name = v.name.trim() ? null : 'trader.kyc.v.required';
    e.creditCode = checkCreditCode(v.creditCode);
    e.legalRepresentative = checkName(v.legalRepresentative);
    e.phone = checkPhone(v.phone, false);
    e.bankCard = checkBankCard(v.bankCard, false);
  }
  const out: Partial<Record<FieldName, string>> = {};
  (Object.keys(e) as FieldName[]).forEach(k => { if (e[k]) out[k] = e[k]!; });
  return out;
}

function KycForm(props: { onDone: () => void }) {
  const [type, setType] = useState('INDIVIDUAL');
  const [values, setValues] = useState<Values>(EMPTY);
  const [touched, setTouched] = useState<Partial<Record<FieldName, boolean>>>({});
  const [serverErrors, setServerErrors] = useState<Partial<Record<FieldName, string>>>({});
  const [submitted, setSubmitted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<unknown>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const errors = errorsOf(type, values);

  const shown = (f: FieldName): string | null => {
    if (serverErrors[f]) return serverErrors[f]!;
    if ((touched[f] || submitted) && errors[f]) return t(errors[f]!);
    return null;
  };
  const set = (f: FieldName) => (v: string) => {
    setValues(old => ({ ...old, [f]: v }));
    setServerErrors(old => ({ ...old, [f]: undefined }));
  };
  const blur = (f: FieldName) => () => setTouched(old => ({ ...old, [f]: true }));

  const submit = async (e: Event) => {
    e.preventDefault();
    setSubmitted(true);
    if (Object.keys(errors).length > 0) {
      setTimeout(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(), 0);
      return;
    }
    const body = type === 'INDIVIDUAL'
      ? { type, name: values.name.trim(), idNumber: values.idNumber.trim(), phone: values.phone.trim(), bankCard: values.bankCard.trim(), address: values.address.trim() || undefined }
      : { type, name: values.name.trim(), creditCode: values.creditCode.trim(), legalRepresentative: values.legalRepresentative.trim(),
          phone: values.phone.trim() || undefined, bankCard: values.bankCard.trim() || undefined, address: values.address.trim() || undefined };
    if (busy) return;
    setBusy(true);
    setProblem(null);
    try {
      await send('POST', '/api/v1/kyc', body);
      toast(t('trader.kyc.sent'));
      void myAccount(true);
      props.onDone();
    } catch (err) {
      // A refusal that names a field (INVALID_RESIDENT_ID, NOT_ADULT...) is shown at that field, in words and code.
      const field = err instanceof ApiProblem ? fieldOfCode(err.code, err.detail) as FieldName | null : null;
      if (err instanceof ApiProblem && field) {
        setServerErrors({ [field]: `${tCode('error', err.code)} (${err.code})` });
        setTimeout(() => formRef.current?.querySelector<HTMLElement>(`[name="${field}"]`)?.focus(), 0);
      } else {
        setProblem(err);
      }
    } finally {
      setBusy(false);
    }
  };

  const field = (f: FieldName, label: string, extra: { hint?: string; inputMode?: 'numeric' | 'tel' | 'text'; autoComplete?: string; required?: boolean } = {}) => (
    <div onFocusOut={blur(f)}>
      <TextField label={label} value={values[f]} onInput={set(f)} error={shown(f)} name={f} hint={extra.hint}
        inputMode={extra.inputMode} autoComplete={extra.autoComplete} required={extra.required} />
    </div>
  );

  return (
    <Card title={t('trader.kyc.formTitle')}>
      <form class="stack trader-kyc-form" onSubmit={submit} noValidate ref={formRef} aria-label={t('trader.kyc.formTitle')}>
        <SelectField label={t('trader.kyc.type')} value={type} name="type"
          onChange={v => { setType(v); setSubmitted(false); setTouched({}); setServerErrors({}); setProblem(null); }}
          options={[['INDIVIDUAL', t('trader.kyc.type.INDIVIDUAL')], ['INSTITUTION', t('trader.kyc.type.INSTITUTION')]]} />
        {type === 'INDIVIDUAL' ? (
          <>
            {field('name', t('trader.kyc.name'), { autoComplete: 'name', required: true })}
            {field('idNumber', t('trader.kyc.idNumber'), { hint: t('trader.kyc.idNumber.hint'), required: true })}
            {field('phone', t('trader.kyc.phone'), { hint: t('trader.kyc.phone.hint'), inputMode: 'tel', autoComplete: 'tel', required: true })}
            {field('bankCard', t('trader.kyc.bankCard'), { hint: t('trader.kyc.bankCard.hint'), inputMode: 'numeric', required: true })}
          </>
        ) : (
          <>
            {field('name', t('trader.kyc.orgName'), { autoComplete: 'organization', required: true })}
            {field('creditCode', t('trader.kyc.creditCode'), { hint: t('trader.kyc.creditCode.hint'), required: true })}
            {field('legalRepresentative', t('trader.kyc.legalRepresentative'), { required: true })}
            {field('phone', t('trader.kyc.phoneOptional'), { inputMode: 'tel' })}
            {field('bankCard', t('trader.kyc.bankCardOptional'), { inputMode: 'numeric' })}
          </>
        )}
        {field('address', t('trader.kyc.address'), { autoComplete: 'street-address' })}
        {submitted && Object.keys(errors).length > 0 && (
          <p class="field-error" role="alert" data-testid="kyc-form-errors">{t('trader.kyc.fixErrors', { n: Object.keys(errors).length })}</p>
        )}
        <ErrorBox error={problem} />
        <div class="trader-button-row">
          <Button type="submit" variant="primary" busy={busy}>{t('trader.kyc.submit')}</Button>
        </div>
        <Notice tone="info">{t('trader.kyc.privacy')}</Notice>
      </form>
    </Card>
  );
}
