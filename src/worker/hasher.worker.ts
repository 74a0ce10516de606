/** The second worker, started by the first (validator.worker.ts): only glue around blob-hasher.ts. */
import * as Comlink from 'comlink';
import { blobHasher, webCryptoDigest } from './blob-hasher.ts';
import { fastSha256 } from './fast-sha256.ts';

Comlink.expose(blobHasher(fastSha256(), { whole: webCryptoDigest() }));
