import { describe, expect, it } from 'vitest';
import {
  checklistMessages,
  checkRepairMessages,
  checkRewriteMessages,
  checksMessages,
  solverMessages,
  stateMessages,
  taskMessages,
} from './index.js';
import { LIBRARY_STATE, libraryEnv } from '../test/library-env.js';

const env = libraryEnv();
const item = { id: 'c1', description: 'Dune is returned.' };

describe('prompts', () => {
  it('each JSON stage states the reply shape it expects', () => {
    const last = (messages: { content: string | null }[]) => messages.at(-1)!.content!;
    expect(last(stateMessages({ env, focus: 'f' }))).toContain('{"state":');
    expect(last(taskMessages({ env, initialState: LIBRARY_STATE, focus: 'f' }))).toContain('{"task":');
    expect(last(checklistMessages({ env, initialState: LIBRARY_STATE, task: 't' }))).toContain(
      '{"checklist":',
    );
    expect(
      last(
        checksMessages({
          stateType: 'type State = {}',
          initialState: LIBRARY_STATE,
          task: 't',
          checklist: [item],
        }),
      ),
    ).toContain('{"checks":');
    expect(last(checkRepairMessages({ stateType: 'S', item, source: 's', errors: ['TS2339'] }))).toContain(
      'TS2339',
    );
    expect(
      last(
        checkRewriteMessages({ stateType: 'S', initialState: LIBRARY_STATE, task: 't', item, source: 's' }),
      ),
    ).toContain('already TRUE');
  });

  it('shows an example state for formats only when one is given', () => {
    expect(stateMessages({ env, focus: 'f' })[1]!.content).not.toContain('example of real data');
    expect(stateMessages({ env, focus: 'f', exampleState: { books: { zz9: {} } } })[1]!.content).toContain(
      '"zz9"',
    );
  });

  it('gives the solver the environment introduction, rules and the task', () => {
    const [system, user] = solverMessages({ env, task: 'Return Dune.', knownInfo: 'ada@example.org' });
    expect(system!.content).toContain('lending library');
    expect(system!.content).toContain('Identify the member by email');
    expect(user!.content).toContain('Return Dune.');
    expect(user!.content).toContain('ada@example.org');
  });
});
