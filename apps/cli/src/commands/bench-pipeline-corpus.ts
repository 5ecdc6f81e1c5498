import { EnvscalerError } from '@envscaler/core';

// A deterministic synthetic task corpus for `envscaler bench pipeline`. The shipped API-Bank sample has far
// fewer than 200 distinct topics, and the synthetic model names a topic after the first two content words
// of a task, so each task here opens with two invented words no other task uses: N tasks give N distinct
// topics, which TF-IDF deduplication keeps apart (they share only the template words).

const consonants = 'bdgklmnprstvz';
const vowels = 'aeiou';
const endings = 'kx';

/** An invented word for `n` (three consonant-vowel syllables and an ending), different for every n. */
function word(n: number): string {
  let rest = n;
  let text = '';
  for (let i = 0; i < 3; i++) {
    text +=
      consonants[rest % consonants.length]! + vowels[Math.floor(rest / consonants.length) % vowels.length]!;
    rest = Math.floor(rest / (consonants.length * vowels.length));
  }
  return text + endings[rest % endings.length]!;
}

const actions = [
  'Open a service request for client Ada and note the requested slot.',
  'Register the incoming item for client Bo and keep it on file.',
  'Put the pending order for client Cy on hold until it is paid.',
  'Move the waiting entry of client Di to the confirmed list.',
];

/** The `i`-th task: two invented words unique to it, then one of a few stateful request templates. */
export function pipelineTask(i: number): { id: string; task: string } {
  // two words per task from a spread-out sequence, so neighbouring tasks do not look alike
  const a = word((i * 2 * 7919) % 65_000);
  const b = word(((i * 2 + 1) * 7919) % 65_000);
  const head = `${a[0]!.toUpperCase()}${a.slice(1)} ${b}`;
  return { id: `bench-${String(i + 1).padStart(4, '0')}`, task: `${head}: ${actions[i % actions.length]!}` };
}

/** `count` tasks with distinct topics (at most 32,000, the invented words' range). */
export function pipelineCorpus(options: { count: number }): { id: string; task: string }[] {
  const { count } = options;
  if (!Number.isInteger(count) || count < 1 || count > 32_000) {
    throw new EnvscalerError(
      'INVALID_INPUT',
      `pipelineCorpus: count must be an integer from 1 to 32000, got ${JSON.stringify(count)}`,
    );
  }
  return Array.from({ length: count }, (_, i) => pipelineTask(i));
}
