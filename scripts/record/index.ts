/** Every recording scenario, by domain. A new emulator capability adds its scenarios to a domain file here. */
import { c2cScenarios } from './c2c';
import { conversationEventScenarios } from './conversationEvents';
import { conversationScenarios } from './conversations';
import { groupEventScenarios } from './groupEvents';
import { groupScenarios } from './groups';
import type { Scenario } from './recorder';
import { messageEventScenarios } from './messageEvents';
import { relationEventScenarios } from './relationEvents';
import { relationScenarios } from './relations';
import { sessionScenarios } from './session';

/** All scenarios, in the order they run. */
export const scenarios: Scenario[] = [
  ...sessionScenarios,
  ...c2cScenarios,
  ...messageEventScenarios,
  ...conversationScenarios,
  ...conversationEventScenarios,
  ...groupScenarios,
  ...groupEventScenarios,
  ...relationScenarios,
  ...relationEventScenarios,
];
