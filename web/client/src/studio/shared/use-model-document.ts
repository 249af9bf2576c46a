import { useCallback, useEffect, useState } from 'react';
import { messageOf, studioApi, type ModelKind, type ModelSummary, type ModelVersion, type Problem } from '../studio-api.js';

export interface ModelDocument {
  summary: ModelSummary | undefined;
  /** The stored version the editor started from (the latest when the page opened, or after a save or restore). */
  version: ModelVersion | undefined;
  error: string | undefined;
  /** Counts the loads: an editor imports `version.content` again when it changes (a save does not change it). */
  loads: number;
  /** Stores the content as a new version based on the one loaded; the server's lint findings come back. */
  save(content: string, comment: string): Promise<{ version: number; problems: Problem[] }>;
  /** Loads the latest version again (after a restore or an import elsewhere). */
  reload(): Promise<void>;
  /** Loads the summary again (after a deploy), keeping what the editor shows. */
  refreshSummary(): Promise<void>;
}

/** The model a studio editor works on: its summary and the stored version the editor shows. */
export function useModelDocument(kind: ModelKind, key: string): ModelDocument {
  const [summary, setSummary] = useState<ModelSummary>();
  const [version, setVersion] = useState<ModelVersion>();
  const [error, setError] = useState<string>();
  const [loads, setLoads] = useState(0);
  const reload = useCallback(async () => {
    try {
      const found = (await studioApi.models()).find((model) => model.kind === kind && model.key === key);
      if (!found) return setError(`没有找到${kind === 'process' ? '流程' : kind === 'form' ? '表单' : '决策表'}「${key}」。`);
      setSummary(found);
      setVersion(await studioApi.version(found.latestVersionId));
      setLoads((count) => count + 1);
    } catch (caught) {
      setError(messageOf(caught));
    }
  }, [kind, key]);
  useEffect(() => {
    setSummary(undefined);
    setVersion(undefined);
    setError(undefined);
    void reload();
  }, [reload]);
  const refreshSummary = useCallback(async () => {
    const found = (await studioApi.models()).find((model) => model.kind === kind && model.key === key);
    if (found) setSummary(found);
  }, [kind, key]);
  const save = useCallback(async (content: string, comment: string) => {
    const saved = await studioApi.save(kind, key, { content, comment, ...(version ? { basedOn: version.id } : {}) });
    // The editor keeps what it shows; only the version it is based on moves forward.
    setVersion((previous) => previous && { ...previous, id: saved.id, version: saved.version, content, comment });
    setSummary((previous) => previous && { ...previous, latestVersion: saved.version, latestVersionId: saved.id });
    return saved;
  }, [kind, key, version]);
  return { summary, version, error, loads, save, reload, refreshSummary };
}
