import { useState } from 'preact/hooks';
import { api, ok } from '../../../core/api';
import { useAction, useAsync } from '../../../core/hooks';
import { t, tCode } from '../../../core/i18n';
import { Link } from '../../../core/router';
import type { PageProps } from '../../../core/routes';
import { Button, Card, DataTable, ErrorBox, Hash, Loaded, Page, SelectField, TextArea, TextField, Time, toast } from '../../../core/ui';
import { Account } from './shared';

/** Trading halts in force (board, asset, listing), lifting them, and placing a new one. */
export function HaltsPage(_: PageProps) {
  const state = useAsync(() => ok(api.GET('/api/v1/board/halts')), []);
  const lift = useAction();
  const [lifting, setLifting] = useState('');
  async function doLift(id: string) {
    setLifting(id);
    const done = await lift.run(() => ok(api.POST('/api/v1/board/halts/{id}/lift', { params: { path: { id } } })));
    setLifting('');
    if (done) {
      toast(t('ops.halts.lifted'));
      state.reload();
    }
  }
  return (
    <Page title={t('ops.halts.title')} subtitle={t('ops.halts.subtitle')}
      actions={<Button onClick={state.reload} busy={state.loading}>{t('common.refresh')}</Button>}>
      <Card title={t('ops.halts.inForce')} testId="halts">
        <ErrorBox error={lift.error} />
        <Loaded state={state}>{rows => (
          <DataTable label={t('ops.halts.inForce')} rows={rows} rowKey={h => h.id!} empty={t('ops.halts.empty')} testId="halt-table"
            columns={[
              { header: t('ops.halts.scope'), cell: h => tCode('ops.scope', h.scope) },
              { header: t('ops.halts.target'), cell: h => h.targetId ? <span class="ops-subject"><Hash value={h.targetId} keep={14} /></span> : t('ops.halts.wholeBoard') },
              { header: t('common.reason'), cell: h => h.reason },
              { header: t('ops.halts.until'), cell: h => h.until ? <Time at={h.until} /> : t('ops.halts.untilLifted') },
              { header: t('ops.halts.by'), cell: h => <span>{h.createdBy === 'system' ? t('ops.system') : <Account id={h.createdBy} />} · <Time at={h.createdAt} /></span> },
              { header: t('ops.actions'), cell: h => <Button onClick={() => doLift(h.id!)} busy={lifting === h.id} aria-label={t('ops.halts.lift.of', { target: h.targetId ?? t('ops.halts.wholeBoard') })}>{t('ops.halts.lift')}</Button> },
            ]} />
        )}</Loaded>
      </Card>
      <NewHalt onDone={state.reload} />
      <Card title={t('ops.halts.freezes')}>
        <p>{t('ops.halts.freezes.text')} <Link href="/ops/alerts">{t('ops.halts.freezes.link')}</Link></p>
      </Card>
    </Page>
  );
}

/** A datetime-local value read as China Standard Time (the exchange's zone; no daylight saving), as ISO-8601. */
function shanghai(local: string): string {
  return new Date(`${local.length === 16 ? `${local}:00` : local}+08:00`).toISOString();
}

function NewHalt(props: { onDone: () => void }) {
  const [scope, setScope] = useState('ASSET');
  const [target, setTarget] = useState('');
  const [reason, setReason] = useState('');
  const [until, setUntil] = useState('');
  const [tried, setTried] = useState(false);
  const action = useAction();
  const reasonError = tried && !reason.trim() ? t('ops.reason.required') : null;
  const targetError = tried && scope !== 'BOARD' && !target.trim() ? t('ops.halts.target.required') : null;
  async function submit() {
    setTried(true);
    if (!reason.trim() || (scope !== 'BOARD' && !target.trim())) return;
    const done = await action.run(() => ok(api.POST('/api/v1/board/halts', {
      body: { scope, targetId: scope === 'BOARD' ? undefined : target.trim(), reason: reason.trim(), until: until ? shanghai(until) : undefined },
    })));
    if (done !== undefined) {
      toast(t('ops.halts.placed'));
      setTarget(''); setReason(''); setUntil(''); setTried(false);
      props.onDone();
    }
  }
  return (
    <Card title={t('ops.halts.new')} testId="new-halt">
      <form class="stack" aria-label={t('ops.halts.new')} onSubmit={e => { e.preventDefault(); submit(); }}>
        <div class="form-row">
          <SelectField label={t('ops.halts.scope')} value={scope} onChange={setScope}
            options={['ASSET', 'LISTING', 'BOARD'].map(s => [s, tCode('ops.scope', s)])} />
          {scope !== 'BOARD' && <TextField label={t('ops.halts.target')} value={target} onInput={setTarget} error={targetError} />}
        </div>
        <TextArea label={t('common.reason')} value={reason} onInput={setReason} error={reasonError} />
        <TextField label={t('ops.halts.until')} type="datetime-local" value={until} onInput={setUntil} hint={t('ops.halts.until.hint')} />
        <ErrorBox error={action.error} />
        <div class="ops-buttons"><Button variant="danger" type="submit" busy={action.busy}>{t('ops.halts.place')}</Button></div>
      </form>
    </Card>
  );
}
