/** The facade as it crosses to the page: run()'s schools packed and their buffers transferred. */
import * as Comlink from 'comlink';
import { packedBuffers, packSchools } from '../core/report/packed-schools.ts';
import type { ValidatorApi, WireApi } from './api.ts';

export function wireApi(api: ValidatorApi): WireApi {
  return {
    ...api,
    async run(request, onProgress) {
      const outcome = await api.run(request, onProgress);
      if (!outcome.ok) return outcome;
      const { summary, ...rest } = outcome;
      const { schools, ...others } = summary;
      const packed = packSchools(schools);
      return Comlink.transfer({ ...rest, summary: others, schools: packed }, packedBuffers(packed));
    },
  };
}
