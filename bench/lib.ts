/**
 * tim-redux as a user's app gets it: the built package (`dist/index.js`, one bundled file), not the
 * sources compiled module by module by tsx, whose re-export getters alone cost ~15% on the hot path.
 * `npm run bench` builds first. Types still come from `src`.
 */
import type * as TimRedux from '../src';

export const lib: typeof TimRedux = require('../dist/index.js');
