/** Every recording scenario, by domain. A new emulator capability adds its scenarios to a domain file here. */
import { c2cScenarios } from './c2c';
import { conversationScenarios } from './conversations';
import { groupScenarios } from './groups';
import type { Scenario } from './recorder';
import { relationScenarios } from './relations';
import { sessionScenarios } from './session';

/** All scenarios, in the order they run. */
export const scenarios: Scenario[] = [
  ...sessionScenarios,
  ...c2cScenarios,
  ...conversationScenarios,
  ...groupScenarios,
  ...relationScenarios,
];
