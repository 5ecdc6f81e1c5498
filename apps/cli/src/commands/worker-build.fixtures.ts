// Shared by the distributed-build tests: a scripted corpus and a byte-level comparison of build output.
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { exampleScriptedEnvs, type ScriptedEnvSpec } from '@envscaler/skelbuilder/testing';

const library = exampleScriptedEnvs()[0]!;

/** The library environment under another topic and class name (content routing keys on both). */
function variant(
  id: string,
  task: string,
  topic: string,
  description: string,
  className: string,
  extra: Partial<ScriptedEnvSpec> = {},
): ScriptedEnvSpec {
  return {
    ...library,
    task: { id, task },
    topic: { topic, description },
    entities: { ...library.entities!, className },
    ...extra,
  };
}

/**
 * The example corpus (a kept library, a merged duplicate, a stateless task) plus a second kept
 * environment, one dropped by quality and one that never compiles: four topics to build.
 */
export const envs: ScriptedEnvSpec[] = [
  ...exampleScriptedEnvs(),
  variant(
    'club-001',
    'Register volunteer Ada for the Saturday harbour clean-up shift.',
    'Volunteer shift rota',
    'Volunteers sign up for shifts at community events run by coordinators.',
    'VolunteerRota',
  ),
  variant(
    'bike-001',
    'Rent a cargo bike from dock 4 for two hours on my prepaid pass.',
    'Bike sharing docks',
    'Riders rent bicycles from street docks and pay with passes.',
    'BikeDocks',
    { verdict: () => ({ verdict: 'fail', reason: 'the rental was not recorded' }) },
  ),
  variant(
    'gym-001',
    'Enrol member Kim in the 7am spinning class next Tuesday.',
    'Gym class timetable',
    'Fitness members enrol in timetabled classes with limited places.',
    'GymClasses',
    {
      methods: Object.fromEntries(
        Object.keys(library.methods!).map((name) => [name, 'return this.doesNotExist();']),
      ),
    },
  ),
];
export const tasks = envs.map((e) => e.task);
export const settings = { testerSteps: 8, concurrency: 2 };

/** Drops `createdAt` fields (volatile) at any depth. */
function stripVolatile(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stripVolatile);
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value)
        .filter(([k]) => k !== 'createdAt')
        .map(([k, v]) => [k, stripVolatile(v)]),
    );
  return value;
}

/** Every file under envs/ and dropped/, JSON files without their createdAt fields. */
export async function envFiles(out: string): Promise<Record<string, unknown>> {
  const files: Record<string, unknown> = {};
  for (const top of ['envs', 'dropped']) {
    const dir = path.join(out, top);
    const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      if (!entry.isFile()) continue;
      const file = path.join(entry.parentPath, entry.name);
      const text = await readFile(file, 'utf8');
      files[path.relative(out, file)] = file.endsWith('.json') ? stripVolatile(JSON.parse(text)) : text;
    }
  }
  return files;
}
