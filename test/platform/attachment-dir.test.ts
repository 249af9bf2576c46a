import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadLocalStackConfig, loadWebConfig, loadWorkerConfig, projectRoot } from '../../platform/config.js';

// Uploaded and rendered files live inside the data folder unless ATTACHMENT_DIR says otherwise: a second DATA_DIR
// (another checkout's data, a test's own) must never share the first one's files. The web server and the workers
// must agree, since the workers render files the web server serves.

describe('where attachments are kept', () => {
  const loaders = [['web server', loadWebConfig], ['workers', loadWorkerConfig]] as const;

  it.each(loaders)('%s: inside DATA_DIR when DATA_DIR is set', (_part, load) => {
    expect(load({ DATA_DIR: '/srv/iiot-second' }).ATTACHMENT_DIR).toBe(path.join('/srv/iiot-second', 'attachments'));
  });

  it.each(loaders)('%s: inside the default data folder when neither is set', (_part, load) => {
    const dataDir = loadLocalStackConfig({}).DATA_DIR;
    expect(dataDir).toBe(path.join(projectRoot, '.data'));
    expect(load({}).ATTACHMENT_DIR).toBe(path.join(dataDir, 'attachments'));
    expect(load({ DATA_DIR: '' }).ATTACHMENT_DIR).toBe(path.join(dataDir, 'attachments'));
  });

  it.each(loaders)('%s: ATTACHMENT_DIR wins over DATA_DIR', (_part, load) => {
    expect(load({ DATA_DIR: '/srv/iiot-second', ATTACHMENT_DIR: '/mnt/files' }).ATTACHMENT_DIR).toBe('/mnt/files');
    expect(load({ ATTACHMENT_DIR: '/mnt/files' }).ATTACHMENT_DIR).toBe('/mnt/files');
  });
});
