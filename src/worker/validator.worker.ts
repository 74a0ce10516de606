/** The module worker: only glue. The engine runs here so the page stays responsive. */
import * as Comlink from 'comlink';
import { fastSha256 } from './fast-sha256.ts';
import { createValidator } from './validator.ts';
import { wireApi } from './wire.ts';

Comlink.expose(wireApi(createValidator({ hash: fastSha256() })));
