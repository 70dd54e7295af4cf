import { useCallback, useEffect, useRef, useState } from 'preact/hooks';

export interface Async<T> {
  readonly data: T | undefined;
  readonly error: unknown;
  readonly loading: boolean;
  readonly reload: () => void;
}

/** Loads data when the component mounts and whenever deps change; the newest request wins. */
export function useAsync<T>(load: () => Promise<T>, deps: readonly unknown[] = []): Async<T> {
  const [state, setState] = useState<{ data?: T; error?: unknown; loading: boolean }>({ loading: true });
  const [tick, setTick] = useState(0);
  const generation = useRef(0);
  useEffect(() => {
    const mine = ++generation.current;
    setState(s => ({ ...s, loading: true }));
    load().then(
      data => { if (mine === generation.current) setState({ data, loading: false }); },
      error => { if (mine === generation.current) setState({ error, loading: false }); },
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, tick]);
  const reload = useCallback(() => setTick(n => n + 1), []);
  return { data: state.data, error: state.error, loading: state.loading, reload };
}

export interface Action {
  readonly busy: boolean;
  readonly error: unknown;
  /** Runs the action unless one is running; keeps its error for display; resolves with its result or undefined. */
  readonly run: <T>(action: () => Promise<T>) => Promise<T | undefined>;
  readonly clear: () => void;
}

/** A user action (submit, buy, decide) with a busy flag that blocks double submits and its last error. */
export function useAction(): Action {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const running = useRef(false);
  const run = useCallback(async <T,>(action: () => Promise<T>) => {
    if (running.current) return undefined;
    running.current = true;
    setBusy(true);
    setError(undefined);
    try {
      return await action();
    } catch (e) {
      setError(e);
      return undefined;
    } finally {
      running.current = false;
      setBusy(false);
    }
  }, []);
  return { busy, error, run, clear: () => setError(undefined) };
}

/** Re-runs `poll` every `ms` while `active` (settlement progress, pending reviews). */
export function usePolling(poll: () => void, ms: number, active: boolean): void {
  useEffect(() => {
    if (!active) return;
    const id = setInterval(poll, ms);
    return () => clearInterval(id);
  }, [active, ms]);
}
