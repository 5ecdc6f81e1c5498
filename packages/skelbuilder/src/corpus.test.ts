import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InvalidArtifactError } from '@envscaler/core';
import {
  extractApiBankTask,
  extractToolAceTask,
  loadTaskCorpus,
  parseCorpus,
  parseTaskCorpus,
  readTaskCorpus,
  taskDropRule,
} from './corpus.js';

describe('loadTaskCorpus', () => {
  it('reads JSONL with optional ids and tools', async () => {
    const text =
      '{"id":"a","task":"Book a room"}\n\n{"task":"Cancel order 7","tools":[{"name":"cancel"}]}\n{"id":3,"task":"x"}\n';
    const tasks = await loadTaskCorpus({ text });
    expect(tasks).toEqual([
      { id: 'a', task: 'Book a room' },
      { id: 'task-3', task: 'Cancel order 7', tools: [{ name: 'cancel' }] },
      { id: '3', task: 'x' },
    ]);
  });

  it('reads plain text, one task per line, skipping blanks and comments', () => {
    expect(parseTaskCorpus({ text: '# my tasks\nBook a room\n\n  Convert 3 km to miles  \n' })).toEqual([
      { id: 'task-2', task: 'Book a room' },
      { id: 'task-4', task: 'Convert 3 km to miles' },
    ]);
  });

  it('names the line of bad JSONL', () => {
    const text = '{"task":"ok"}\n{"task": "unterminated}\n';
    expect(() => parseTaskCorpus({ text, source: 'tasks.jsonl' })).toThrow(InvalidArtifactError);
    expect(() => parseTaskCorpus({ text, source: 'tasks.jsonl' })).toThrow(
      /tasks\.jsonl:2[\s\S]*not valid JSON/,
    );
    expect(() => parseTaskCorpus({ text: '{"task":"a"}\n{"id":"x"}', source: 'c' })).toThrow(
      /c:2[\s\S]*\$\.task/,
    );
    expect(() => parseTaskCorpus({ text: '{"id":"x","task":"a"}\n{"id":"x","task":"b"}' })).toThrow(
      /duplicates the id/,
    );
  });

  it('loads a file and reports a missing one as NOT_FOUND', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'corpus-'));
    try {
      await writeFile(join(dir, 't.txt'), 'Rent a car\n');
      expect(await loadTaskCorpus({ path: join(dir, 't.txt') })).toEqual([
        { id: 'task-1', task: 'Rent a car' },
      ]);
      const error = await loadTaskCorpus({ path: join(dir, 'missing.jsonl') }).catch((e: Error) => e);
      expect(error).toMatchObject({ code: 'NOT_FOUND' });
      // the file and what it should hold, not the raw ENOENT text
      expect((error as Error).message).toBe(
        `corpus file not found: ${join(dir, 'missing.jsonl')} (expected JSON Lines, one {"task": "..."} per line, or plain text with one task per line, or an API-Bank or ToolACE JSON file)`,
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('ships an example corpus of 30+ tasks, some stateless', async () => {
    const tasks = await loadTaskCorpus({
      path: new URL('../../../examples/corpus/tasks.jsonl', import.meta.url).pathname,
    });
    expect(tasks.length).toBeGreaterThanOrEqual(30);
    expect(tasks.filter((t) => /^(calc|conv|trivia|text|time)-/.test(t.id)).length).toBeGreaterThanOrEqual(5);
  });
});

const corpora = new URL('../corpora/', import.meta.url).pathname;
const apiBankSample = join(corpora, 'api-bank/sample.json');
const apiBankFull = join(corpora, 'api-bank/lv3-train.json');
const toolAceFixture = join(corpora, 'toolace/handwritten.json');

/** An API-Bank `input` the way the data set writes it: API descriptions, then the dialogue. */
const apiBankInput = (dialogue: string) =>
  `{"apiCode": "ToolSearcher", "description": "Searches for relevant tools in library based on the keywords."}\n${dialogue}`;

describe('extracting a task the way EnvScaler does', () => {
  it('API-Bank: the text after User:, cut at TIME:, API-Request:, Generate API Request: and the first AI: reply', async () => {
    const items = JSON.parse(await readFile(apiBankSample, 'utf8')) as { input: string }[];
    // real items (sample.json holds lv3-train.json items 0, 1, 4, 8, 20, 21, 172, 536)
    expect(items[0]!.input).toContain('appointment.TIME: 2034-04-15 10:00:00\nGenerate API Request: ');
    expect(extractApiBankTask(items[0]!.input)).toBe(
      'Find a cardiologist in Los Angeles for a check-up appointment.',
    );
    expect(items[1]!.input).toContain('\nAPI-Request: [ToolSearcher(');
    expect(extractApiBankTask(items[1]!.input)).toBe(extractApiBankTask(items[0]!.input));
    expect(items[4]!.input).toMatch(/John Smith\.\nGenerate API Request: $/); // no TIME: stamp
    expect(extractApiBankTask(items[4]!.input)).toBe(
      'Provide secure access to medical records for a patient named John Smith.',
    );
    expect(items[7]!.input).toContain('\nAI: I found several virtual psychology counseling sessions');
    expect(extractApiBankTask(items[7]!.input)).toBe(
      'Provide options for virtual psychology counseling sessions for individuals dealing with anxiety.',
    );
    // hand-written inputs for the rules the sample does not show
    expect(
      extractApiBankTask(apiBankInput('User: Book room 4 for Friday.\nAI: Which hotel?\nUser: The Ritz.')),
    ).toBe('Book room 4 for Friday.');
    expect(extractApiBankTask(apiBankInput('User:   Cancel my 9am meeting  \nGenerate API Request: '))).toBe(
      'Cancel my 9am meeting',
    );
    expect(extractApiBankTask(apiBankInput('AI: Hello, how can I help?'))).toBeUndefined();
  });

  it('ToolACE: the first user turn, stripped; later user turns are follow-ups', () => {
    expect(
      extractToolAceTask([
        { from: 'assistant', value: 'Hi!' },
        { from: 'user', value: '  Book a table for two.\n' },
        { from: 'assistant', value: '[book_table(party_size=2)]' },
        { from: 'user', value: 'Make it three.' },
      ]),
    ).toBe('Book a table for two.');
    expect(extractToolAceTask([{ from: 'human', value: 'Rent a bike.' }])).toBe('Rent a bike.');
    expect(
      extractToolAceTask([
        { from: 'assistant', value: 'Hi!' },
        { from: 'tool', value: '[]' },
      ]),
    ).toBeUndefined();
  });
});

describe("EnvScaler's task filters", () => {
  it('non-English: anything but ASCII letters, digits, whitespace and common punctuation', () => {
    expect(taskDropRule('Réserve une table pour deux.')).toBe('non-english');
    expect(taskDropRule('预订明天的会议室')).toBe('non-english');
    expect(taskDropRule('Book the room for Anna’s party.')).toBe('non-english'); // a curly apostrophe counts
    expect(taskDropRule('Order 3 pizzas 🍕')).toBe('non-english');
    expect(taskDropRule(`Use every allowed sign: .,?!;:'"()[]{}-_*/\\@#$%^&+=<>|~\``)).toBe('email'); // passes this rule
    expect(taskDropRule('Tabs\tand\u00a0no-break spaces are whitespace.')).toBeUndefined();
  });

  it('multimodal: image, photo, picture, video, audio, sound, speech, clip, in any case and inside words', () => {
    expect(taskDropRule('Resize the IMAGE to 200 px.')).toBe('multimodal');
    expect(taskDropRule('Schedule a video consultation.')).toBe('multimodal');
    expect(taskDropRule('When is the next solar eclipse?')).toBe('multimodal'); // "eclipse" holds "clip"
    expect(taskDropRule('Transcribe the speech of the mayor.')).toBe('multimodal');
  });

  it('role definitions, currencies and crypto, e-mail addresses and links (case-sensitive substrings)', () => {
    expect(taskDropRule('Role definition: you are a travel agent. Book a flight.')).toBe('role-definition');
    expect(taskDropRule('Convert 20 USD to euros.')).toBe('currency');
    expect(taskDropRule('Buy 2 ETH at market price.')).toBe('currency');
    expect(taskDropRule('List the METHODS of the API.')).toBe('currency'); // "METHODS" holds "ETH"
    expect(taskDropRule('What is Bitcoin trading at?')).toBe('currency');
    expect(taskDropRule('Convert 20 usd to euros.')).toBeUndefined();
    expect(taskDropRule('Email the invoice to bob@corp.org.')).toBe('email');
    expect(taskDropRule('Open example.com and log in.')).toBe('link');
    expect(taskDropRule('Fetch http://intranet/status')).toBe('link');
    expect(taskDropRule('Fetch https://intranet/status')).toBe('link');
    expect(taskDropRule('Book a table for four at 7 pm.')).toBeUndefined();
  });

  it('counts each dropped task under the first rule it breaks, and removes exact duplicates after filtering', () => {
    const text = [
      'Book a table for four at 7 pm.',
      'Réserve une photo.', // non-English first, although also multimodal
      'Send the photo to ann@x.org.', // multimodal first, although also an e-mail
      'Book a table for four at 7 pm.',
      'Book a table for four at 7 pm. ', // the same after trimming
      'book a table for four at 7 pm.', // differs in case: kept
    ].join('\n');
    const { tasks, report } = parseCorpus({ text, filter: true });
    expect(tasks.map((t) => t.id)).toEqual(['task-1', 'task-6']);
    expect(report).toEqual({
      source: 'corpus',
      format: 'text',
      records: 6,
      filtered: true,
      dropped: {
        empty: 0,
        'non-english': 1,
        multimodal: 1,
        'role-definition': 0,
        currency: 0,
        email: 0,
        link: 0,
        duplicate: 2,
      },
      tasks: 2,
    });
    // our own corpora are taken as they are unless asked
    expect(parseCorpus({ text }).tasks).toHaveLength(6);
    expect(() => parseCorpus({ text: 'Resize the photo\nPlay the video\n', filter: true })).toThrow(
      /contains no tasks after filtering \(2 multimodal\)/,
    );
  });
});

describe('corpus formats', () => {
  const apiBankItem = (request: string) => ({
    instruction: 'Generate an API request ...',
    input: apiBankInput(`User: ${request}\nGenerate API Request: `),
    output: "API-Request: [ToolSearcher(keywords='x')]",
  });
  const toolAceItem = (request: string) => ({
    system: 'HAND-WRITTEN: functions ...',
    conversations: [
      { from: 'user', value: request },
      { from: 'assistant', value: '[f()]' },
    ],
  });

  it('detects our JSON Lines, plain text, API-Bank and ToolACE (as a JSON array or as JSON Lines)', () => {
    const formatOf = (text: string) => parseCorpus({ text }).report.format;
    expect(formatOf('{"task":"Book a room"}\n')).toBe('jsonl');
    expect(formatOf('Book a room\n')).toBe('text');
    expect(formatOf('[urgent] Book a room\n')).toBe('text'); // starts with '[' but is no JSON
    expect(formatOf(JSON.stringify([apiBankItem('Book a room')], null, 4))).toBe('api-bank');
    expect(formatOf(JSON.stringify([toolAceItem('Book a room')]))).toBe('toolace');
    expect(formatOf(`${JSON.stringify(apiBankItem('Book a room'))}\n`)).toBe('api-bank');
    expect(formatOf(`${JSON.stringify(toolAceItem('Book a room'))}\n`)).toBe('toolace');
    expect(parseCorpus({ text: JSON.stringify([{ task: 'a' }, { id: 'x', task: 'b' }]) }).tasks).toEqual([
      { id: 'task-1', task: 'a' },
      { id: 'x', task: 'b' },
    ]);
    // ids name the item a task came from
    expect(
      parseCorpus({ text: JSON.stringify([apiBankItem('A'), apiBankItem('A'), apiBankItem('B')]) }).tasks,
    ).toEqual([
      { id: 'api-bank-0', task: 'A' },
      { id: 'api-bank-2', task: 'B' },
    ]);
  });

  it('takes an explicit format, and explains an array it cannot place', () => {
    const json = JSON.stringify([{ task: 'Book a room' }]);
    expect(parseCorpus({ text: json, format: 'text' }).tasks).toEqual([{ id: 'task-1', task: json }]);
    expect(() => parseCorpus({ text: JSON.stringify([apiBankItem('x')]), format: 'toolace' })).toThrow(
      /toolace item[\s\S]*corpus\[0\][\s\S]*\$\.conversations/,
    );
    expect(() => parseCorpus({ text: JSON.stringify([{ question: 'x' }]), source: 'q.json' })).toThrow(
      /q\.json[\s\S]*neither a task[\s\S]*API-Bank item[\s\S]*ToolACE conversation/,
    );
    expect(() => parseCorpus({ text: JSON.stringify([{ input: 'AI: hi' }]), source: 'a.json' })).toThrow(
      /a\.json\[0\][\s\S]*no 'User:' turn/,
    );
    expect(() => parseCorpus({ text: '[{"input": ', format: 'api-bank' })).toThrow(/not valid JSON/);
  });

  it('reads the API-Bank sample with the filters on by default', async () => {
    const { tasks, report } = await readTaskCorpus({ path: apiBankSample });
    expect(tasks.map((t) => t.id)).toEqual([
      'api-bank-0',
      'api-bank-2',
      'api-bank-3',
      'api-bank-4',
      'api-bank-7',
    ]);
    expect(report).toMatchObject({ format: 'api-bank', records: 8, filtered: true, tasks: 5 });
    expect(report.dropped).toMatchObject({ multimodal: 1, duplicate: 2 });
    const unfiltered = await readTaskCorpus({ path: apiBankSample, filter: false });
    expect(unfiltered.tasks).toHaveLength(8);
  });

  it('reads the hand-written ToolACE-format fixture', async () => {
    const { tasks, report } = await readTaskCorpus({ path: toolAceFixture });
    expect(tasks).toEqual([
      { id: 'toolace-0', task: "Book a table for four at Luigi's tonight at 7 pm." },
      { id: 'toolace-1', task: 'Transfer 250 from my checking account CHK-1 to savings account SAV-9.' },
      { id: 'toolace-8', task: "Open a low-priority ticket titled 'Printer on floor 3 is jammed'." },
    ]);
    expect(report).toEqual({
      source: toolAceFixture,
      format: 'toolace',
      records: 9,
      filtered: true,
      dropped: {
        empty: 0,
        'non-english': 1,
        multimodal: 1,
        'role-definition': 0,
        currency: 1,
        email: 1,
        link: 1,
        duplicate: 1,
      },
      tasks: 3,
    });
  });

  it("reads API-Bank's whole level-3 training file into 321 tasks, as an independent count confirms", async () => {
    const { tasks, report } = await readTaskCorpus({ path: apiBankFull });
    expect(report).toMatchObject({ format: 'api-bank', records: 1245, tasks: 321 });
    expect(report.dropped).toMatchObject({ multimodal: 13, duplicate: 911, 'non-english': 0, link: 0 });
    expect(tasks).toHaveLength(321);

    // The same rules written a second, simpler way: the shortest text after the first "User:" that ends
    // at a marker, the next "User:" or the end; a printable-ASCII test; substring lists; a Set.
    const items = JSON.parse(await readFile(apiBankFull, 'utf8')) as { input: string }[];
    const kept = new Set<string>();
    for (const { input } of items) {
      const match = /User:([\s\S]*?)(?:\nGenerate API Request: |\nAPI-Request: |TIME: |User:|$)/.exec(input)!;
      const task = match[1]!.trim().split('\nAI: ')[0]!.trim();
      if (task === '' || /[^\x20-\x7e\s]/.test(task)) continue;
      if (
        ['image', 'photo', 'picture', 'video', 'audio', 'sound', 'speech', 'clip'].some((w) =>
          task.toLowerCase().includes(w),
        )
      )
        continue;
      if (
        ['Role definition:', 'USD', 'ETH', 'Bitcoin', 'Ethereum', '@', '.com', 'http:', 'https:'].some((w) =>
          task.includes(w),
        )
      )
        continue;
      kept.add(task);
    }
    expect(kept.size).toBe(321); // also what EnvScaler's step0_collect_task.py gives for this file
    expect(new Set(tasks.map((t) => t.task))).toEqual(kept);
  });
});
