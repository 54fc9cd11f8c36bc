/** Placeholder until the real-SDK scenario is written. */
import type { Config } from '../harness';
import type { Row } from '../report';
import type { Scenario } from './types';

export const sdkOverhead = {
  id: 'sdk-overhead',
  asScenario: { id: 'sdk-overhead', title: 'Real SDK overhead', throughputUnit: 'msg/s', notApplicable: () => null, run: () => { throw new Error('n/a'); } } as Scenario,
  async run(_cfg: Config): Promise<Row[]> {
    return [];
  },
};
