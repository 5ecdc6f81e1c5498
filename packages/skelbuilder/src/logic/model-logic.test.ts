import { describe, expect, it } from 'vitest';
import { createScriptedChatModel } from '../scripted.js';
import { libraryScriptedEnvs } from '../scripted-example.js';
import { buildEnvironmentCode } from './model-logic.js';
import { EnvTypeChecker } from './typecheck.js';

describe('buildEnvironmentCode', () => {
  it('assembles a class, repairs a method the compiler rejects and returns checked source', async () => {
    const [library] = libraryScriptedEnvs();
    const model = createScriptedChatModel({ envs: [library!], malformedFirst: ['logic-operations'] });
    const checker = new EnvTypeChecker();
    const result = await buildEnvironmentCode({
      model,
      checker,
      topic: { ...library!.topic!, tasks: [library!.task.task] },
    });
    if (!result.ok) throw new Error(result.reason);
    expect(result.logic.repairs).toHaveLength(1);
    expect(result.logic.repairs[0]!.failing.map((f) => f.method)).toEqual(['lendBook']);
    expect(result.logic.repairs[0]!.failing[0]!.diagnostics.join('\n')).toMatch(/TS2322/);
    expect(result.logic.source).toContain("import { Environment, type ToolResult } from '@envscaler/core';");
    expect(result.logic.source).toContain('export class LibraryLoans extends Environment<State>');
    expect(result.logic.source).toMatch(/\/\*\* The borrowing member\. \*\/\s+memberId: string;/);
    expect(checker.check({ source: result.logic.source })).toEqual([]);
    const stages = model.calls.map((c) => c.stage);
    expect(stages.filter((s) => s === 'logic-operations')).toHaveLength(2); // malformed, then re-asked
    expect(stages.filter((s) => s === 'logic-method')).toHaveLength(5);
    expect(stages.filter((s) => s === 'logic-repair')).toHaveLength(1);
  });
});
