import { mkdtemp, mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { InvalidArtifactError, type ChatRequest } from '@envscaler/core';
import { writeFileAtomic } from '@envscaler/core/node';
import { MockChatModel, createMockOpenAIServer, type MockOpenAIServer } from '@envscaler/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cassetteHash, cassetteKey, withCassette } from './cassette.js';
import { modelFor } from './test/helpers.js';
import { createUsageTracker } from './usage.js';

let server: MockOpenAIServer | undefined;
let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'envscaler-cassette-'));
});
afterEach(async () => {
  await server?.close();
  server = undefined;
  await rm(dir, { recursive: true, force: true });
});

const ask = (stage = 'agent', text = 'hi'): ChatRequest => ({
  stage,
  messages: [{ role: 'user', content: text }],
});

describe('cassette keys', () => {
  it('hash the model, stage, messages, tools, format and sampling params, not the signal', () => {
    const base = ask();
    const hash = cassetteHash({ request: base, model: 'm' });
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(cassetteHash({ request: { ...base, signal: new AbortController().signal }, model: 'm' })).toBe(
      hash,
    );
    expect(cassetteHash({ request: { messages: base.messages, stage: 'agent' }, model: 'm' })).toBe(hash);
    const variants: ChatRequest[] = [
      { ...base, stage: 'other' },
      { ...base, messages: [{ role: 'user', content: 'hi!' }] },
      { ...base, tools: [{ type: 'function', function: { name: 't', parameters: { type: 'object' } } }] },
      { ...base, toolChoice: 'required' },
      { ...base, responseFormat: { type: 'json_object' } },
      { ...base, temperature: 0.5 },
      { ...base, seed: 3 },
      { ...base, maxTokens: 10 },
    ];
    for (const variant of variants) expect(cassetteHash({ request: variant, model: 'm' })).not.toBe(hash);
    expect(cassetteHash({ request: base, model: 'other-model' })).not.toBe(hash);
    expect(cassetteKey({ request: { ...base, temperature: undefined }, model: 'm' })).toEqual({
      stage: 'agent',
      model: 'm',
      messages: [{ role: 'user', content: 'hi' }],
    });
  });
});

describe('withCassette', () => {
  it('records on a miss and replays a repeat without a second request, also from a new process', async () => {
    server = await createMockOpenAIServer({ script: { agent: ['first answer'] } });
    const usage = createUsageTracker();
    const model = withCassette({ model: modelFor(server), dir, usage });
    const first = await model.complete(ask());
    expect(first.cached).toBeUndefined();
    expect(server.requestCount).toBe(1);
    const second = await model.complete(ask());
    expect(second).toEqual({ ...first, cached: true });
    expect(server.requestCount).toBe(1);

    const hash = cassetteHash({ request: ask(), model: 'test-model' });
    const record = JSON.parse(await readFile(path.join(dir, `${hash}.json`), 'utf8')) as Record<
      string,
      unknown
    >;
    expect(record).toMatchObject({
      schemaVersion: 1,
      request: { stage: 'agent', model: 'test-model', messages: [{ role: 'user', content: 'hi' }] },
      response: {
        message: { role: 'assistant', content: 'first answer' },
        model: 'test-model',
        finishReason: 'stop',
      },
    });

    const resumed = withCassette({ model: modelFor(server), dir, mode: 'auto' });
    expect((await resumed.complete(ask())).message.content).toBe('first answer');
    expect(server.requestCount).toBe(1);
    expect(resumed.stats).toEqual({ hits: 1, scripted: 0, recorded: 0 });
    expect(usage.report().total).toMatchObject({ calls: 0, cachedCalls: 1 });
  });

  it('keys by the model each stage is sent to', async () => {
    server = await createMockOpenAIServer();
    const big = withCassette({ model: modelFor(server, { stageModels: { agent: 'big' } }), dir });
    const small = withCassette({ model: modelFor(server, { stageModels: { agent: 'small' } }), dir });
    await big.complete(ask());
    await small.complete(ask());
    await big.complete(ask());
    expect(server.requestCount).toBe(2);
    expect((await readdir(dir)).filter((f) => f.endsWith('.json'))).toHaveLength(2);
  });

  it('shares one call between identical requests in flight at once', async () => {
    server = await createMockOpenAIServer({ latencyMs: 30 });
    const model = withCassette({ model: modelFor(server), dir });
    const answers = await Promise.all(Array.from({ length: 5 }, () => model.complete(ask())));
    expect(new Set(answers.map((a) => a.message.content))).toEqual(new Set(['ok']));
    expect(server.requestCount).toBe(1);
  });

  it("always calls the model in 'record' mode", async () => {
    server = await createMockOpenAIServer({ script: { agent: ['one', 'two'] } });
    const model = withCassette({ model: modelFor(server), dir, mode: 'record' });
    await model.complete(ask());
    expect((await model.complete(ask())).message.content).toBe('two');
    const replay = withCassette({ dir, mode: 'replay', modelName: 'test-model' });
    expect((await replay.complete(ask())).message.content).toBe('two');
    expect(server.requestCount).toBe(2);
  });

  it("fails clearly in 'replay' mode when nothing matches, naming the stage and the hash", async () => {
    const model = withCassette({ dir, mode: 'replay', modelName: 'm' });
    const hash = cassetteHash({ request: ask('quality-checker'), model: 'm' });
    await expect(model.complete(ask('quality-checker'))).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: expect.stringContaining(`no cassette for stage 'quality-checker' (request hash ${hash})`),
    });
    expect(() => withCassette({ dir, mode: 'auto' })).toThrow(/needs a model/);
  });

  it('names a corrupt cassette file', async () => {
    const model = withCassette({ model: new MockChatModel(), dir });
    const file = path.join(dir, `${cassetteHash({ request: ask(), model: 'mock-model' })}.json`);
    await writeFile(file, '{"schemaVersion": 1, "request": {');
    const error = await model.complete(ask()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidArtifactError);
    expect((error as Error).message).toContain(file);
    expect((error as Error).message).toMatch(/not valid JSON.*delete the file to record it again/);
    await writeFile(
      file,
      JSON.stringify({ schemaVersion: 1, request: { stage: 'agent', messages: [] }, response: {} }),
    );
    await expect(model.complete(ask())).rejects.toThrow(
      /Invalid cassette record \(.*\):\n {2}- \$\.response\.message: is required/,
    );
  });

  it('writes atomically: no temporary files left, and a failed call writes nothing', async () => {
    const failing = new MockChatModel({ script: { agent: [new Error('endpoint down')] } });
    await expect(withCassette({ model: failing, dir }).complete(ask())).rejects.toThrow('endpoint down');
    expect(await readdir(dir)).toEqual([]);
    const file = path.join(dir, 'x.json');
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        writeFileAtomic({ file, data: JSON.stringify({ i, pad: 'y'.repeat(10_000) }) }),
      ),
    );
    expect(JSON.parse(await readFile(file, 'utf8'))).toHaveProperty('pad');
    expect(await readdir(dir)).toEqual(['x.json']);
    // A crash between write and rename leaves only an ignored *.tmp file.
    await writeFile(path.join(dir, '.y.json.123.abc.tmp'), '{"broken');
    const model = withCassette({ model: new MockChatModel({ script: { default: ['fine'] } }), dir });
    expect((await model.complete(ask())).message.content).toBe('fine');
  });

  it('serves hand-written scripted replies per stage, in order, then the default queue', async () => {
    await mkdir(path.join(dir, 'scripted'));
    await writeFile(
      path.join(dir, 'scripted', 'agent.jsonl'),
      [
        '# the agent lends the book, then finishes',
        '{"toolCalls": [{"name": "lendBook", "arguments": {"memberId": "m1", "bookId": "b1"}}]}',
        '',
        '"Book b1 is lent to m1."',
      ].join('\n'),
    );
    await writeFile(path.join(dir, 'scripted', 'default.jsonl'), '{"json": {"verdict": "pass"}}\n');
    const model = withCassette({ dir, mode: 'replay' });
    const first = await model.complete(ask('agent', 'turn 1'));
    expect(first.cached).toBe(true);
    expect(first.finishReason).toBe('tool_calls');
    expect(first.message.tool_calls?.[0]?.function).toEqual({
      name: 'lendBook',
      arguments: '{"memberId":"m1","bookId":"b1"}',
    });
    expect((await model.complete(ask('agent', 'turn 2'))).message.content).toBe('Book b1 is lent to m1.');
    expect((await model.complete(ask('quality-checker'))).message.content).toBe('{"verdict":"pass"}');
    await expect(model.complete(ask('agent', 'turn 3'))).rejects.toThrow(
      /stage 'agent'.*scripted\/agent\.jsonl: all 2 replies used/,
    );
    // A repeated request gets its earlier reply instead of using up another one.
    expect((await model.complete(ask('agent', 'turn 1'))).message.tool_calls).toEqual(
      first.message.tool_calls,
    );
    expect(model.stats.scripted).toBe(4);
  });

  it('gives a reply with `match` only to requests that contain it', async () => {
    await mkdir(path.join(dir, 'scripted'));
    await writeFile(
      path.join(dir, 'scripted', 'agent.jsonl'),
      [
        '{"match": "bike B-2", "content": "B-2, first"}',
        '{"match": {"regex": "bike b-1", "flags": "i"}, "content": "B-1"}',
        '"no match"',
        '{"match": "bike B-2", "content": "B-2, second"}',
      ].join('\n'),
    );
    const model = withCassette({ dir, mode: 'replay' });
    const answers = await Promise.all(
      ['fix bike B-2', 'fix bike B-1', 'something else', 'fix bike B-2 again'].map(
        async (text) => (await model.complete(ask('agent', text))).message.content,
      ),
    );
    expect(answers).toEqual(['B-2, first', 'B-1', 'no match', 'B-2, second']);
    await expect(model.complete(ask('agent', 'fix bike B-2 once more'))).rejects.toThrow(
      /all 4 replies used/,
    );
  });

  it('rejects a match regex that does not compile, naming the line', async () => {
    await mkdir(path.join(dir, 'scripted'));
    await writeFile(path.join(dir, 'scripted', 'agent.jsonl'), '{"match": {"regex": "("}, "content": "x"}\n');
    await expect(withCassette({ dir, mode: 'replay' }).complete(ask())).rejects.toThrow(
      /agent\.jsonl:1[\s\S]*match\.regex/,
    );
  });

  it('continues from its cursor file after a restart: no reply is used twice or shifted', async () => {
    await mkdir(path.join(dir, 'scripted'));
    await writeFile(path.join(dir, 'scripted', 'agent.jsonl'), '"one"\n"two"\n"three"\n');
    const cursorFile = path.join(dir, 'out', '.scripted-cursor.json');
    const first = withCassette({ dir, mode: 'replay', cursorFile });
    expect((await first.complete(ask('agent', 'a'))).message.content).toBe('one');
    expect((await first.complete(ask('agent', 'b'))).message.content).toBe('two');
    // A new process: 'b' was answered but (say) its result was lost in a crash, so it is asked again.
    const resumed = withCassette({ dir, mode: 'replay', cursorFile });
    expect((await resumed.complete(ask('agent', 'b'))).message.content).toBe('two');
    expect((await resumed.complete(ask('agent', 'c'))).message.content).toBe('three');
    const saved = JSON.parse(await readFile(cursorFile, 'utf8'));
    expect(Object.values(saved.answers)).toEqual([
      { queue: 'agent', index: 0 },
      { queue: 'agent', index: 1 },
      { queue: 'agent', index: 2 },
    ]);
  });

  it('prefers recordings over scripted replies and falls through to the model in auto mode', async () => {
    await mkdir(path.join(dir, 'scripted'));
    await writeFile(path.join(dir, 'scripted', 'agent.jsonl'), '"scripted"\n');
    const mock = new MockChatModel({ script: { agent: ['live'] } });
    const model = withCassette({ model: mock, dir });
    expect((await model.complete(ask('agent', 'a'))).message.content).toBe('scripted');
    expect((await model.complete(ask('agent', 'b'))).message.content).toBe('live');
    expect((await model.complete(ask('agent', 'b'))).message.content).toBe('live');
    expect(mock.calls).toHaveLength(1);
  });

  it('points at the line of a broken scripted file', async () => {
    await mkdir(path.join(dir, 'scripted'));
    await writeFile(path.join(dir, 'scripted', 'agent.jsonl'), '"ok"\nnot json\n');
    await expect(withCassette({ dir, mode: 'replay' }).complete(ask())).rejects.toThrow(
      /scripted\/agent\.jsonl:2[\s\S]*write text replies as JSON strings/,
    );
  });
});
