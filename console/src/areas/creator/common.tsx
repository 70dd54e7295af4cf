import { createSHA256 } from 'hash-wasm';
import type { ComponentChildren } from 'preact';
import { useId } from 'preact/hooks';
import type { Schemas } from '../../core/api';
import { t } from '../../core/i18n';
import { Link } from '../../core/router';
import { FullHash as CoreFullHash, Thumb } from '../../core/ui';

export type Work = Schemas['WorkResponse'];
export type Registration = Schemas['RegistrationResponse'];
export type Similar = Schemas['SimilarWork'];
export type Asset = Schemas['AssetResponse'];
export type Licence = Schemas['LicenceResponse'];
export type Listing = Schemas['ListingResponse'];
export type Royalties = Schemas['RoyaltiesResponse'];
export type ProvenanceEntry = Schemas['ProvenanceEntry'];

export const WORK_KINDS = ['IMAGE', 'VIDEO', 'AUDIO', 'TEXT', 'FILM_TV_RIGHTS', 'DATASET', 'OTHER'] as const;

export { myAccountId } from '../../core/account';

const CHUNK = 4 * 1024 * 1024;

/**
 * SHA-256 of a file, computed here in the browser with hash-wasm, read in 4 MiB slices so a large file never sits
 * in memory whole; `onProgress` gets the fraction read. Resolves null when `cancelled()` turns true (another file
 * was chosen meanwhile).
 */
export async function sha256OfFile(file: File, onProgress: (fraction: number) => void, cancelled: () => boolean): Promise<string | null> {
  const hasher = await createSHA256();
  hasher.init();
  for (let offset = 0; offset < file.size; offset += CHUNK) {
    if (cancelled()) return null;
    const slice = new Uint8Array(await file.slice(offset, offset + CHUNK).arrayBuffer());
    hasher.update(slice);
    onProgress(Math.min(1, (offset + slice.length) / file.size));
  }
  onProgress(1);
  return cancelled() ? null : hasher.digest('hex');
}

/** The work kind a file most likely is, from its media type and name. */
export function guessKind(file: File): string {
  const type = file.type.toLowerCase();
  const name = file.name.toLowerCase();
  if (type.startsWith('image/')) return 'IMAGE';
  if (type.startsWith('video/')) return 'VIDEO';
  if (type.startsWith('audio/')) return 'AUDIO';
  if (/\.(csv|tsv|parquet|jsonl|ndjson)$/.test(name) || type === 'text/csv' || type === 'application/json') return 'DATASET';
  if (type.startsWith('text/') || /\.(txt|md)$/.test(name)) return 'TEXT';
  return 'OTHER';
}

/** "edition 3 of 10", or "copyright". */
export function assetLabel(a: { kind?: string; edition?: number; editionCount?: number }): string {
  return a.kind === 'COPYRIGHT' || a.edition == null
    ? t('creator.asset.copyright')
    : t('creator.asset.edition', { n: a.edition, of: a.editionCount ?? '?' });
}

/** An account id: "you" for the caller, else the shortened pseudonym. */
export { Party } from '../../core/ui';

/** Earlier works an upload resembles: thumbnail, title, how many fingerprint bits differ, and a link. */
export function SimilarWorks(props: { similar: readonly Similar[] | undefined }) {
  const list = props.similar ?? [];
  if (list.length === 0) return null;
  return (
    <ul class="creator-similar" aria-label={t('creator.similar.label')} data-testid="similar-works">
      {list.map(s => (
        <li key={s.workId}>
          <Thumb workId={s.workId} size={72} alt={t('creator.similar.thumb', { title: s.title ?? '' })} />
          <div>
            <Link href={`/works/${encodeURIComponent(s.workId ?? '')}`}>{s.title}</Link>
            <div class="creator-similar-meta">
              <span class="badge badge-warn">{t('creator.similar.distance', { bits: s.distance ?? 0 })}</span>
              <code class="hash" title={s.workId}>{s.workId}</code>
            </div>
          </div>
        </li>
      ))}
    </ul>
  );
}

export function Checkbox(props: { label: string; checked: boolean; onChange: (v: boolean) => void; hint?: string }) {
  const id = useId();
  return (
    <div class="creator-check">
      <input id={id} type="checkbox" checked={props.checked} onChange={e => props.onChange((e.currentTarget as HTMLInputElement).checked)} />
      <label for={id}>{props.label}</label>
      {props.hint && <span class="hint">{props.hint}</span>}
    </div>
  );
}

/** The full value of a hash, wrapped, monospace (where the shortened Hash would hide what must be compared). */
/** A content hash shown whole, on its own line (certificates). */
export function FullHash(props: { value: string | undefined | null; testId?: string }) {
  return <CoreFullHash value={props.value} testId={props.testId} block />;
}

export function Stat(props: { label: string; children: ComponentChildren; testId?: string }) {
  return (
    <div class="card creator-stat" data-testid={props.testId}>
      <div class="stat-label">{props.label}</div>
      <div class="stat">{props.children}</div>
    </div>
  );
}
