/** The module worker: only glue. The engine runs here so the page stays responsive. */
import * as Comlink from 'comlink';
import { fastSha256 } from './fast-sha256.ts';
import { remoteHasher } from './hasher-client.ts';
import { createValidator } from './validator.ts';
import { wireApi } from './wire.ts';

// Files are hashed by a second worker while this one parses them (docs/dev/performance.md).
const hasher =
  typeof Worker === 'function'
    ? remoteHasher(() => new Worker(new URL('./hasher.worker.ts', import.meta.url), { type: 'module' }))
    : undefined;

Comlink.expose(wireApi(createValidator({ hasher, hash: fastSha256() })));
