import { describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../server/context.js';
import { ME_ABILITIES } from '../../shared/auth.js';
import { abilitiesOf } from './me.js';

describe('/me abilities', () => {
  it('has exactly the keys of the shared contract, which the SPA reads', () => {
    expect(Object.keys(abilitiesOf(SYSTEM_ACTOR)).sort()).toEqual([...ME_ABILITIES].sort());
  });
});
