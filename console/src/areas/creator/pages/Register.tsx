import { useEffect, useRef, useState } from 'preact/hooks';
import { api, ApiProblem, ok, upload } from '../../../core/api';
import { bytes } from '../../../core/format';
import { useAction } from '../../../core/hooks';
import { t, tCode } from '../../../core/i18n';
import { Link, navigate } from '../../../core/router';
import { Button, Card, ErrorBox, Page, Progress, SelectField, TextArea, TextField, Time } from '../../../core/ui';
import { FullHash, guessKind, sha256OfFile, SimilarWorks, WORK_KINDS, type Registration, type Work } from '../common';

/** Where the work page finds the hash this browser computed, to show that it matches the service's. */
export const BROWSER_HASH_KEY = 'dcx.creator.browserHash.';

type Refusal = { problem: ApiProblem; work?: Work };

/** /works/new: drop a file, see its SHA-256 (computed here), describe it, upload it. */
export function RegisterWork() {
  const [file, setFile] = useState<File | null>(null);
  const [hash, setHash] = useState<string | null>(null);
  const [hashing, setHashing] = useState(false);
  const [hashProgress, setHashProgress] = useState(0);
  const [hashError, setHashError] = useState<unknown>(null);
  const [over, setOver] = useState(false);
  const [title, setTitle] = useState('');
  const [titleTouched, setTitleTouched] = useState(false);
  const [kind, setKind] = useState('IMAGE');
  const [description, setDescription] = useState('');
  const [extra, setExtra] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [uploadProgress, setUploadProgress] = useState<number | null>(null);
  const [held, setHeld] = useState<Registration | null>(null);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const action = useAction();
  const generation = useRef(0);
  const input = useRef<HTMLInputElement>(null);

  async function choose(chosen: File) {
    const mine = ++generation.current;
    setFile(chosen);
    setHash(null);
    setHashError(null);
    setHeld(null);
    setRefusal(null);
    setErrors({});
    action.clear();
    setHashProgress(0);
    setHashing(true);
    if (!titleTouched) setTitle(chosen.name.replace(/\.[^.]+$/, '').substring(0, 200));
    setKind(guessKind(chosen));
    try {
      const digest = await sha256OfFile(chosen, p => { if (mine === generation.current) setHashProgress(p); },
        () => mine !== generation.current);
      if (mine === generation.current && digest) setHash(digest);
    } catch (e) {
      if (mine === generation.current) setHashError(e);
    } finally {
      if (mine === generation.current) setHashing(false);
    }
  }

  function metadata(): Record<string, unknown> | null | 'invalid' {
    let result: Record<string, unknown> = {};
    if (extra.trim()) {
      try {
        const parsed = JSON.parse(extra);
        if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return 'invalid';
        result = parsed;
      } catch {
        return 'invalid';
      }
    }
    if (description.trim()) result = { ...result, description: description.trim() };
    return Object.keys(result).length ? result : null;
  }

  async function submit(e: Event) {
    e.preventDefault();
    const problems: Record<string, string> = {};
    if (!file) problems.file = t('creator.register.error.file');
    else if (file.size === 0) problems.file = t('creator.register.error.empty');
    if (!title.trim()) problems.title = t('creator.register.error.title');
    else if (title.trim().length > 200) problems.title = t('creator.register.error.titleLong');
    const meta = metadata();
    if (meta === 'invalid') problems.extra = t('creator.register.error.json');
    setErrors(problems);
    if (Object.keys(problems).length || !file || !hash || meta === 'invalid') return;
    const form = new FormData();
    form.append('file', file, file.name);
    form.append('title', title.trim());
    form.append('kind', kind);
    if (meta) form.append('metadata', JSON.stringify(meta));
    setHeld(null);
    setRefusal(null);
    setUploadProgress(0);
    const result = await action.run(async () => {
      try {
        return await upload<Work & Registration>('/api/v1/works', form, setUploadProgress);
      } catch (err) {
        if (err instanceof ApiProblem && (err.code === 'DUPLICATE_CONTENT' || err.code === 'REVIEW_PENDING')) {
          const existing = typeof err.body.existingWorkId === 'string' ? err.body.existingWorkId : null;
          const work = existing
            ? await ok(api.GET('/api/v1/works/{id}', { params: { path: { id: existing } } })).catch(() => undefined)
            : undefined;
          setRefusal({ problem: err, work });
          return undefined;
        }
        throw err;
      }
    });
    setUploadProgress(null);
    if (!result) return;
    if (result.status === 201 && result.body.id) {
      sessionStorage.setItem(BROWSER_HASH_KEY + result.body.id, hash);
      navigate(`/works/${encodeURIComponent(result.body.id)}?registered=1`);
    } else {
      setHeld(result.body);
    }
  }

  const busy = action.busy;
  return (
    <Page title={t('creator.register.title')} subtitle={t('creator.register.subtitle')}>
      <form class="creator-register" onSubmit={submit} noValidate>
        <Card title={t('creator.register.step.file')}>
          <div class={`dropzone creator-drop ${over ? 'over' : ''} ${errors.file ? 'invalid' : ''}`}
            onDragOver={(e: DragEvent) => { e.preventDefault(); setOver(true); }}
            onDragLeave={() => setOver(false)}
            onDrop={(e: DragEvent) => {
              e.preventDefault();
              setOver(false);
              const dropped = e.dataTransfer?.files?.[0];
              if (dropped && !busy) void choose(dropped);
            }}>
            <input ref={input} id="creator-file" type="file" class="sr-only" tabIndex={-1} aria-hidden="true"
              data-testid="work-file" disabled={busy}
              onChange={e => {
                const el = e.currentTarget as HTMLInputElement;
                const chosen = el.files?.[0];
                if (chosen) void choose(chosen);
              }} />
            <button type="button" class="creator-drop-button" disabled={busy} onClick={() => input.current?.click()}
              aria-describedby="creator-drop-hint">
              <span class="creator-drop-icon" aria-hidden="true">⇪</span>
              <strong>{t(file ? 'creator.register.drop.replace' : 'creator.register.drop.title')}</strong>
              <span id="creator-drop-hint" class="hint">{t('creator.register.drop.hint')}</span>
            </button>
          </div>
          {errors.file && <p class="field-error" role="alert">{errors.file}</p>}
          {file && (
            <div class="creator-file" data-testid="chosen-file">
              <dl class="facts">
                <div><dt>{t('creator.register.file.name')}</dt><dd>{file.name}</dd></div>
                <div><dt>{t('creator.register.file.size')}</dt><dd>{bytes(file.size)}</dd></div>
                <div><dt>{t('creator.register.file.type')}</dt><dd>{file.type || '—'}</dd></div>
              </dl>
              <div class="creator-hashbox" aria-live="polite">
                <div class="creator-hashbox-label">{t('creator.register.sha256')}</div>
                {hashing && <Progress value={hashProgress} label={t('creator.register.hashing')} />}
                {hash && <FullHash value={hash} testId="browser-sha256" />}
                {hash && <p class="hint">{t('creator.register.sha256.hint')}</p>}
                {hashError ? <ErrorBox error={hashError} /> : null}
              </div>
            </div>
          )}
        </Card>

        <Card title={t('creator.register.step.details')}>
          <div class="stack">
            <TextField label={t('creator.register.field.title')} value={title} required error={errors.title}
              onInput={v => { setTitle(v); setTitleTouched(true); }} hint={t('creator.register.field.title.hint')} />
            <SelectField label={t('creator.register.field.kind')} value={kind} onChange={setKind}
              options={WORK_KINDS.map(k => [k, tCode('kind', k)])} hint={t(`creator.kind.hint.${kind}`)} />
            <TextArea label={t('creator.register.field.description')} value={description} onInput={setDescription}
              rows={3} hint={t('creator.register.field.description.hint')} />
            <details class="creator-advanced" open={!!extra || !!errors.extra}>
              <summary>{t('creator.register.advanced')}</summary>
              <TextArea label={t('creator.register.field.metadata')} value={extra} onInput={setExtra} rows={4}
                error={errors.extra} hint={t('creator.register.field.metadata.hint')} />
            </details>
            {uploadProgress !== null && <Progress value={uploadProgress} label={t('creator.register.uploading')} />}
            <div class="creator-actions">
              <Button type="submit" variant="primary" busy={busy} disabled={!hash || hashing}>
                {t('creator.register.submit')}
              </Button>
              {!file && <span class="hint">{t('creator.register.submit.needFile')}</span>}
              {file && hashing && <span class="hint">{t('creator.register.submit.waitHash')}</span>}
            </div>
            <ErrorBox error={action.error} />
          </div>
        </Card>
      </form>

      {held && <HeldForReview registration={held} browserHash={hash} />}
      {refusal && <Refused refusal={refusal} browserHash={hash} />}
    </Page>
  );
}

/** 202: the upload resembles others' works and waits for an operator. */
function HeldForReview(props: { registration: Registration; browserHash: string | null }) {
  const r = props.registration;
  const box = useRef<HTMLElement>(null);
  useEffect(() => { box.current?.scrollIntoView({ block: 'start' }); box.current?.focus(); }, [r.id]);
  return (
    <section class="card creator-held" aria-labelledby="creator-held-title" data-testid="near-duplicate" ref={box} tabIndex={-1}>
      <div class="alert alert-warn" role="alert">
        <h2 id="creator-held-title">{t('creator.held.title')}</h2>
        <p>{t('creator.held.text')}</p>
      </div>
      <SimilarWorks similar={r.similar} />
      <HashCheck browser={props.browserHash} service={r.contentHash} />
      <p class="creator-held-follow">
        <Link class="btn btn-primary" href={`/registrations/${encodeURIComponent(r.id ?? '')}`}>{t('creator.held.follow')}</Link>
        <span class="hint">{t('creator.held.submitted')} <Time at={r.createdAt} /></span>
      </p>
    </section>
  );
}

/** 409: these exact bytes are registered already (or wait for review). */
function Refused(props: { refusal: Refusal; browserHash: string | null }) {
  const { problem, work } = props.refusal;
  const reviewId = typeof problem.body.pendingReviewId === 'string' ? problem.body.pendingReviewId : null;
  const existingId = typeof problem.body.existingWorkId === 'string' ? problem.body.existingWorkId : null;
  return (
    <div class="alert alert-bad creator-refused" role="alert" data-code={problem.code} data-testid="duplicate-content">
      <strong>{tCode('error', problem.code)}</strong>
      {problem.code === 'DUPLICATE_CONTENT' && (
        <p>
          {work
            ? <>{t('creator.duplicate.named', { title: work.title ?? '' })} {' '}
                <Link href={`/works/${encodeURIComponent(work.id ?? '')}`}>{work.title}</Link>
                {' '}<span class="hint">({work.id} · {t('creator.duplicate.registered')} <Time at={work.registeredAt} />)</span></>
            : <>{t('creator.duplicate.unnamed')} {existingId && <code class="hash">{existingId}</code>}</>}
        </p>
      )}
      {problem.code === 'REVIEW_PENDING' && reviewId && (
        <p>{t('creator.duplicate.pending')} <Link href={`/registrations/${encodeURIComponent(reviewId)}`}>{reviewId}</Link></p>
      )}
      <HashCheck browser={props.browserHash} service={typeof problem.body.contentHash === 'string' ? problem.body.contentHash : null} />
      <span class="code">({problem.code})</span>
    </div>
  );
}

/** Whether the SHA-256 computed in this browser equals the content hash the service computed from the upload. */
export function HashCheck(props: { browser: string | null | undefined; service: string | null | undefined }) {
  if (!props.browser || !props.service) return null;
  const same = props.browser.toLowerCase() === props.service.toLowerCase();
  return (
    <p class={`creator-hashcheck ${same ? 'ok' : 'bad'}`} data-testid="hash-check" data-match={same}>
      <span aria-hidden="true">{same ? '✓' : '✗'}</span> {t(same ? 'creator.hash.match' : 'creator.hash.mismatch')}
    </p>
  );
}
