// Component tests: render each page to HTML with fixture artifacts and check what a reader would see.
import { h } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import type { EnvDetailResponse, EnvListItem, SummaryResponse, TrajectoryDetailResponse } from '../api.js';
import {
  libraryEnv,
  libraryQuality,
  parkingEnv,
  runSummary,
  scenario,
  scenario2,
  skelbuilderReport,
  trajectory,
  trajectoryFailed,
} from '../../test/fixture-run.js';
import { buildFunnel, funnelDetails, stageUsageRows } from '../model/summary.js';
import { Page } from '../app.js';
import { VirtualList } from '../components/common.js';
import { pagesForRange, virtualWindow } from '../model/virtual.js';
import { EnvDetailView, EnvListView, filterEnvs, sortEnvs } from './envs.js';
import { ScenariosView, firstScenarioId } from './scenarios.js';
import { SummaryView } from './summary.js';
import { RunsView, TrajectoryListView, TrajectoryView } from './trajectories.js';

const text = (html: string) => html.replace(/<[^>]+>/g, '').replace(/&quot;/g, '"').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>');

const envItems: EnvListItem[] = [
  { id: 'library-loans', location: 'envs', topic: libraryEnv.topic, className: 'LibraryLoans', toolCount: 2, qualityScore: 0.75, kept: true, scenarioCount: 2, problems: [] },
  { id: 'parking-permits', location: 'dropped', topic: parkingEnv.topic, toolCount: 1, qualityScore: 0.25, kept: false, dropReason: 'too low', scenarioCount: 0, problems: [] },
  { id: 'broken', location: 'envs', scenarioCount: 0, problems: [{ source: 'envs/broken/env.json', message: 'Invalid EnvironmentPackage', issues: [{ path: '$.tools', message: 'is required but missing' }] }] },
];

const counts = { all: 3, kept: 1, dropped: 1 };
const listProps = (items: readonly EnvListItem[]) => ({
  total: items.length,
  counts,
  entry: (i: number) => items[i],
  filter: '',
  kept: 'all' as const,
});

describe('Environments list', () => {
  it('shows topic, tool count, quality score and kept/dropped per environment', () => {
    const html = renderToString(h(EnvListView, listProps(envItems)));
    const out = text(html);
    expect(out).toContain('3 environments, 1 kept, 1 dropped.');
    expect(html).toContain('href="#/envs/library-loans"');
    expect(out).toMatch(/library-loans\s*Library book lending\s*2\s*75%\s*kept/);
    expect(out).toMatch(/parking-permits\s*Residential parking permits\s*1\s*25%\s*dropped/);
    expect(out).toContain('not evaluated');
    expect(out).toContain('invalid');
  });

  it('filters by text and by kept/dropped', () => {
    expect(filterEnvs(envItems, 'PARKING', 'all').map((e) => e.id)).toEqual(['parking-permits']);
    expect(filterEnvs(envItems, '', 'kept').map((e) => e.id)).toEqual(['library-loans']);
    expect(filterEnvs(envItems, 'lib', 'dropped')).toEqual([]);
    expect(sortEnvs(envItems, 'quality').map((e) => e.id)).toEqual(['library-loans', 'parking-permits', 'broken']);
    expect(sortEnvs(envItems, 'id').map((e) => e.id)).toEqual(['broken', 'library-loans', 'parking-permits']);
    const empty = { ...listProps([]), counts: { all: 0, kept: 0, dropped: 0 } };
    expect(text(renderToString(h(EnvListView, empty)))).toContain('No environments in this out dir yet');
    expect(text(renderToString(h(EnvListView, { ...listProps([]), counts })))).toContain('No environments match the filter');
  });

  it('keeps the toolbar while the first page loads, and marks rows not fetched yet', () => {
    const loading = text(renderToString(h(EnvListView, { ...listProps([]), total: undefined, counts: undefined })));
    expect(loading).toContain('Loading…');
    expect(loading).toContain('sort: id');
    const partial = renderToString(h(EnvListView, { ...listProps(envItems), total: 200, entry: (i: number) => (i === 0 ? envItems[0] : undefined) }));
    expect(partial).toContain('data-env-id="library-loans"');
    expect(text(partial)).toContain('loading…');
  });
});

describe('Virtual list', () => {
  it('renders only a window of rows of 28,800, positioned in a full-height spacer', () => {
    const count = 28_800;
    const html = renderToString(
      h(VirtualList<number>, {
        count,
        rowHeight: 34,
        height: 560,
        label: 'many',
        items: (i: number) => i,
        renderRow: (n: number | undefined) => h('span', { 'data-row': n }, `row ${n}`),
      }),
    );
    const rows = html.match(/role="listitem"/g) ?? [];
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.length).toBeLessThan(60);
    expect(html).toContain(`height:${count * 34}px`);
    expect(html).toContain('data-row="0"');
    expect(html).not.toContain(`data-row="${rows.length}"`);
    expect(html).not.toContain('data-row="14400"');
    expect(html).toContain(`aria-setsize="${count}"`);
  });

  it('asks for the pages of the rows in view at any scroll position', () => {
    const win = virtualWindow({ count: 28_800, rowHeight: 34, scrollTop: 14_400 * 34, viewportHeight: 560, overscan: 8 });
    expect(win.end - win.start).toBeLessThan(60);
    expect(win.start).toBe(14_392);
    expect(pagesForRange({ start: win.start, end: win.end, pageSize: 200 })).toEqual([71, 72]);
    expect(pagesForRange({ start: 0, end: 25, pageSize: 200 })).toEqual([0]);
    expect(pagesForRange({ start: 28_790, end: 28_800, pageSize: 200 })).toEqual([143]);
    expect(pagesForRange({ start: 5, end: 5, pageSize: 200 })).toEqual([]);
  });
});

describe('Environment detail', () => {
  const detail: EnvDetailResponse = { id: libraryEnv.id, location: 'envs', kept: true, env: libraryEnv, quality: libraryQuality, source: libraryEnv.source, scenarioCount: 2, problems: [] };

  it('overview: summary, rules, seed task and tabs', () => {
    const out = text(renderToString(h(EnvDetailView, { detail, tab: 'overview' })));
    expect(out).toContain('LibraryLoans');
    for (const rule of libraryEnv.rules) expect(out).toContain(rule);
    expect(out).toContain(libraryEnv.provenance.seedTask);
    expect(out).toContain('2 (1 queries, 1 mutations)');
    expect(out).toContain('scenarios (2)');
  });

  it('source: highlighted TypeScript', () => {
    const html = renderToString(h(EnvDetailView, { detail, tab: 'source' }));
    expect(html).toContain('<span class="tok-keyword">export</span>');
    expect(html).toContain('<span class="tok-type">LibraryLoans</span>');
    expect(text(html)).toContain('lendBook(args: { memberId: string; bookId: string })');
  });

  it('tools: name, kind and parameters from the schema', () => {
    const out = text(renderToString(h(EnvDetailView, { detail, tab: 'tools' })));
    expect(out).toMatch(/getBook\s*query\s*bookId: string — the book id/);
    expect(out).toMatch(/lendBook\s*mutation\s*memberId: string\s*bookId: string/);
  });

  it('state schema as a tree and quality steps with verdicts', () => {
    expect(text(renderToString(h(EnvDetailView, { detail, tab: 'state' })))).toContain('books:');
    const out = text(renderToString(h(EnvDetailView, { detail, tab: 'quality' })));
    expect(out).toContain('score 75% (threshold 60%)');
    expect(out).toMatch(/lendBook[\s\S]*UNAVAILABLE[\s\S]*warning\s*Correct refusal/);
  });

  it('shows the outcome of a dropped environment that has no env.json', () => {
    const dropped: EnvDetailResponse = {
      id: 'ghost-town',
      location: 'report',
      kept: false,
      outcome: { envId: 'ghost-town', topicId: 't3', topic: 'Ghost town registry', taskIds: ['task-3'], className: 'GhostTown', status: 'dropped', stage: 'logic-typecheck', reason: 'TS2322', repairRounds: 3 },
      scenarioCount: 0,
      problems: [],
    };
    const out = text(renderToString(h(EnvDetailView, { detail: dropped, tab: 'overview' })));
    expect(out).toMatch(/GhostTown\s*dropped/);
    expect(out).toContain('Ghost town registry');
    expect(out).toMatch(/dropped at\s*logic-typecheck\s*reason\s*TS2322\s*repair rounds\s*3/);
    expect(text(renderToString(h(EnvDetailView, { detail: dropped, tab: 'tools' })))).toContain('No tools or State schema were derived');
  });

  it('shows summary and rules of a hand-written environment (meta.json)', () => {
    const handWritten: EnvDetailResponse = {
      id: 'counters',
      location: 'envs',
      meta: { className: 'Counters', topic: 'Named counters', summary: 'Counts things.', rules: ['Be exact.'] },
      source: 'export class Counters {}',
      scenarioCount: 2,
      problems: [],
    };
    const out = text(renderToString(h(EnvDetailView, { detail: handWritten, tab: 'overview' })));
    expect(out).toContain('Counters');
    expect(out).toContain('Named counters');
    expect(out).toContain('Counts things.');
    expect(out).toContain('Be exact.');
    expect(out).toContain('hand-written environment');
  });

  it('shows problems instead of content when env.json is invalid', () => {
    const broken: EnvDetailResponse = { id: 'broken', location: 'envs', scenarioCount: 0, problems: envItems[2]!.problems };
    const out = text(renderToString(h(EnvDetailView, { detail: broken, tab: 'overview' })));
    expect(out).toContain('envs/broken/env.json: Invalid EnvironmentPackage');
    expect(out).toContain('$.tools is required but missing');
  });
});

describe('Scenarios', () => {
  const entries = [
    { index: 0, line: 1, id: scenario.id, task: scenario.task, checks: 2 },
    { index: 1, line: 2, id: scenario2.id, task: scenario2.task, checks: 1 },
    { index: 2, line: 3, id: 'bad', problem: { source: 'scenarios/library-loans.jsonl:3', message: 'Invalid Scenario' } },
  ];
  const props = {
    envId: 'library-loans',
    total: entries.length,
    entry: (i: number) => entries[i],
    problems: [entries[2]!.problem!],
    runIds: ['run1'],
  };

  it('shows task, user profile, initial state, checklist with sources, gates and reference solution', () => {
    const html = renderToString(h(ScenariosView, { ...props, selectedId: scenario.id, selected: scenario }));
    const out = text(html);
    expect(out).toContain('scenarios/library-loans.jsonl:3: Invalid Scenario');
    expect(out).toContain(scenario.task);
    expect(out).toContain(scenario.user!.persona);
    expect(out).toContain('Initial state');
    expect(out).toContain('books:');
    expect(out).toContain('c1 Dune is on loan');
    expect(out).toContain(scenario.checklist[0]!.source);
    expect(out).toMatch(/solvability[\s\S]*pass\s*reference reached 2\/2 checks/);
    expect(out).toContain('"memberId": "M1"');
    expect(html).toContain(`href="#/runs/run1?scenario=${scenario.id}"`);
    expect(html).toContain(`class="row-link scenario-row active" data-scenario-id="${scenario.id}"`);
    expect(out).toMatch(/bad\s*invalid/);
    const second = text(renderToString(h(ScenariosView, { ...props, selectedId: scenario2.id, selected: scenario2 })));
    expect(second).toContain(scenario2.task);
  });

  it('selects the first valid scenario, and says so while it loads or when it is missing', () => {
    expect(firstScenarioId([entries[2]!, entries[1]!])).toBe(scenario2.id);
    expect(firstScenarioId([])).toBeUndefined();
    expect(text(renderToString(h(ScenariosView, { ...props, selectedId: 'x', selectedState: 'loading' as const })))).toContain('Loading…');
    expect(text(renderToString(h(ScenariosView, { ...props, selectedId: 'x' })))).toContain('No scenario x in this environment.');
    expect(text(renderToString(h(ScenariosView, { ...props, total: 0 })))).toContain('No scenarios for this environment yet.');
  });
});

describe('Trajectories', () => {
  it('lists runs with their summaries', () => {
    const out = text(renderToString(h(RunsView, { items: [{ runId: 'run1', summary: runSummary, trajectoryCount: 2, problems: [] }] })));
    expect(out).toMatch(/run1\s*2\s*1\s*0\.500\s*50%/);
    expect(text(renderToString(h(RunsView, { items: [] })))).toContain('No rollouts');
  });

  it('renders the visible rows of a trajectory page', () => {
    const entries = [trajectory, trajectoryFailed].map((t, index) => ({ index, line: index + 1, id: t.id, scenarioId: t.scenarioId, trial: t.trial, score: t.reward!.score, success: t.reward!.success, termination: t.termination }));
    const out = text(renderToString(h(TrajectoryListView, { runId: 'run1', total: 5000, entry: (i: number) => entries[i] })));
    expect(out).toContain('5000 trajectories');
    expect(out).toMatch(/0\s*run1-library-loans-s1-t0\s*library-loans-s1\s*0\s*1\.00\s*pass/);
    expect(out).toMatch(/1\s*run1-library-loans-s1-t1[\s\S]*0\.00\s*fail/);
    expect(out).toContain('loading…');
  });

  it('shows the conversation, per-check results and the state diff', () => {
    const detail: TrajectoryDetailResponse = { runId: 'run1', index: 0, total: 2, trajectory, scenario, problems: [] };
    const html = renderToString(h(TrajectoryView, { detail }));
    const out = text(html);
    expect(out).toContain('Hi, I would like to borrow Dune please. I am M1.');
    expect(out).toContain('→ lendBook');
    expect(out).toContain('"loanId": "L-1"');
    expect(out).toContain('Done: Dune is lent to you as loan L-1.');
    expect(out).toMatch(/1 of 2\s*next →/);
    expect(out).not.toContain('previous');
    expect(html).toContain('href="#/runs/run1/1"');
    expect(html.match(/data-passed="true"/g)).toHaveLength(2);
    expect(out).toMatch(/~\s*\$\.books\.B1\.onLoan\s*false\s*true/);
    expect(out).toContain('$.loans["L-1"]');
    const failed = renderToString(h(TrajectoryView, { detail: { ...detail, trajectory: trajectoryFailed } }));
    expect(failed.match(/data-passed="false"/g)).toHaveLength(2);
    expect(text(failed)).toContain('The final state equals the initial state.');
    expect(text(failed)).toContain('NOT_FOUND');
  });

  it('without its scenario shows the final state and the reason', () => {
    const detail: TrajectoryDetailResponse = { runId: 'run1', index: 0, total: 1, trajectory, problems: [{ source: 'scenarios/library-loans.jsonl', message: 'scenario not found' }] };
    const out = text(renderToString(h(TrajectoryView, { detail })));
    expect(out).toContain('scenario not found');
    expect(out).toContain('No initial state to compare with');
  });
});

describe('Run summary', () => {
  it('draws the funnel, usage per stage, reward histogram and pass^k', () => {
    const summary: SummaryResponse = {
      funnel: buildFunnel({ skelbuilder: skelbuilderReport, disk: { envs: 2, keptEnvs: 1, scenarios: 2 } }),
      funnelDetails: funnelDetails(skelbuilderReport, 'skelbuilder'),
      stageUsage: stageUsageRows(skelbuilderReport.tokens, 'report.json'),
      runs: [
        {
          runId: 'run1',
          summary: runSummary,
          rewardHistogram: [1, 0, 0, 0, 0, 0, 0, 0, 0, 1],
          unscored: 0,
          outcomes: { passed: 1, failed: 1, unscored: 0, invalid: 1 },
          perEnvironment: [
            { envId: 'library-loans', episodes: 2, meanReward: 0.5, successRate: 0.5, unscored: 0 },
            { envId: 'parking-permits', episodes: 2, meanReward: 0, successRate: 0, unscored: 0 },
          ],
        },
      ],
      problems: [],
    };
    const html = renderToString(h(SummaryView, { summary }));
    const out = text(html);
    expect(html).toMatch(/data-step="tasks"[\s\S]*?40/);
    expect(out).toMatch(/logic-method\s*30,000\s*9,000\s*0\.0500/);
    expect(out).toMatch(/total\s*50,000\s*11,000\s*0\.0720/);
    expect(html).toContain('aria-label="pass^k"');
    expect(out).toContain('k=2');
    expect(out).toContain('2 episodes over 1 scenarios × 2 trials');
    expect(html).toMatch(/data-stage="topic-dedup"[\s\S]*?15[\s\S]*?12[\s\S]*?3/);
    expect(out).toContain('results: 1 passed, 1 failed, 0 ungraded, 1 invalid lines');
    expect(out).toContain('the 2 with the lowest success rate of 2');
    expect(html.indexOf('data-env-id="parking-permits"')).toBeLessThan(html.indexOf('data-env-id="library-loans"'));
    expect(html).toContain('href="#/runs/run1?env=parking-permits"');
    const empty = text(renderToString(h(SummaryView, { summary: { funnel: [], funnelDetails: [], stageUsage: [], runs: [], problems: [] } })));
    expect(empty).toContain('No funnel numbers yet.');
    expect(empty).toContain('No rollouts yet.');
  });

  it('routes an unknown hash to a not-found page', () => {
    expect(text(renderToString(h(Page, { route: { page: 'not-found', hash: '#/x' } })))).toContain('No page at #/x');
  });
});
