import type { GateResult, Scenario } from '@envscaler/core';
import type { ApiProblem, ScenarioListEntry } from '../api.js';
import { Badge, Code, Json, JsonTree, PassFail, Problems, Section, VirtualList } from '../components/common.js';
import { href } from '../model/route.js';

const gateNames: Record<string, string> = {
  doNothing: 'false on the untouched initial state',
  solvability: 'solvable (reference solution passes all checks)',
  typecheck: 'check functions type-check',
  dedup: 'not a duplicate',
};

function Gates({ gates }: { gates: Scenario['gates'] }) {
  const entries = Object.entries(gates ?? {}).filter((e): e is [string, GateResult] => e[1] !== undefined);
  if (entries.length === 0) return <p class="muted">No gate results recorded.</p>;
  return (
    <table class="table gates">
      <tbody>
        {entries.map(([name, gate]) => (
          <tr key={name} data-gate={name}>
            <td>{name}</td>
            <td class="muted">{gateNames[name] ?? ''}</td>
            <td>
              <PassFail passed={gate.passed} />
            </td>
            <td>{gate.detail}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function ScenarioDetail({ scenario }: { scenario: Scenario }) {
  return (
    <div class="scenario" data-scenario-id={scenario.id}>
      <h2 class="mono">{scenario.id}</h2>
      {scenario.difficulty && (
        <p>
          difficulty <Badge tone="muted">{scenario.difficulty.label}</Badge> pass rate{' '}
          {(scenario.difficulty.passRate * 100).toFixed(0)}% over {scenario.difficulty.samples} samples
        </p>
      )}
      <Section title="Task">
        <pre class="prose task">{scenario.task}</pre>
      </Section>
      {scenario.user && (
        <Section title="User profile">
          <dl class="facts">
            <dt>persona</dt>
            <dd>{scenario.user.persona}</dd>
            <dt>knows</dt>
            <dd>{scenario.user.knownInfo}</dd>
            {scenario.user.unknownInfo && (
              <>
                <dt>does not know</dt>
                <dd>{scenario.user.unknownInfo}</dd>
              </>
            )}
          </dl>
        </Section>
      )}
      <Section title={scenario.initialState !== undefined ? 'Initial state' : 'Initial config'}>
        <JsonTree value={scenario.initialState ?? scenario.initialConfig ?? null} />
      </Section>
      <Section title={`Checklist (${scenario.checklist.length})`}>
        <ol class="checklist">
          {scenario.checklist.map((check) => (
            <li key={check.id} data-check-id={check.id}>
              <span class="mono">{check.id}</span> {check.description}
              <details>
                <summary>check function</summary>
                <Code source={check.source} label={`check ${check.id}`} />
              </details>
            </li>
          ))}
        </ol>
      </Section>
      <Section title="Gates">
        <Gates gates={scenario.gates} />
      </Section>
      <Section title="Reference solution">
        {scenario.referenceSolution && scenario.referenceSolution.length > 0 ? (
          <ol class="reference">
            {scenario.referenceSolution.map((call, i) => (
              <li key={i}>
                <span class="mono">{call.name}</span>
                <Json value={call.arguments} />
              </li>
            ))}
          </ol>
        ) : (
          <p class="muted">No reference solution recorded.</p>
        )}
      </Section>
    </div>
  );
}

/** The first valid scenario of a page of the list, selected when the URL names none. */
export function firstScenarioId(items: readonly ScenarioListEntry[] | undefined): string | undefined {
  return items?.find((e) => e.problem === undefined && e.id !== undefined)?.id;
}

/**
 * An environment's scenarios: a virtualised list of summaries (pages fetched as they scroll into view) and
 * the selected scenario, fetched on its own.
 */
export function ScenariosView({
  envId,
  total,
  entry,
  onRange,
  problems = [],
  selectedId,
  selected,
  selectedState = 'ok',
  runIds = [],
}: {
  envId: string;
  /** undefined while the first page loads. */
  total: number | undefined;
  entry: (index: number) => ScenarioListEntry | undefined;
  onRange?: (start: number, end: number) => void;
  problems?: readonly ApiProblem[];
  selectedId?: string;
  selected?: Scenario;
  selectedState?: 'ok' | 'loading' | 'missing';
  runIds?: readonly string[];
}) {
  return (
    <div class="page scenarios-page">
      <p class="crumbs">
        <a href={href({ page: 'envs' })}>Environments</a> /{' '}
        <a href={href({ page: 'env', envId })} class="mono">
          {envId}
        </a>{' '}
        / scenarios
      </p>
      <h1>Scenarios</h1>
      <Problems problems={problems} />
      {total === undefined ? (
        <p class="muted loading">Loading…</p>
      ) : total === 0 ? (
        <p class="muted">No scenarios for this environment yet.</p>
      ) : (
        <div class="split">
          <div class="split-list">
            <p class="muted small">
              {total} {total === 1 ? 'line' : 'lines'}
            </p>
            <VirtualList
              label="scenarios"
              count={total}
              rowHeight={56}
              height={640}
              items={entry}
              onRange={onRange}
              renderRow={(s) =>
                !s ? (
                  <span class="muted">loading…</span>
                ) : s.problem || s.id === undefined ? (
                  <span class="scenario-row" title={s.problem?.message}>
                    <span class="mono">{s.id ?? `line ${s.line}`}</span> <Badge tone="bad">invalid</Badge>
                  </span>
                ) : (
                  <a
                    href={href({ page: 'scenarios', envId, scenarioId: s.id })}
                    class={s.id === selectedId ? 'row-link scenario-row active' : 'row-link scenario-row'}
                    data-scenario-id={s.id}
                  >
                    <span class="mono">{s.id}</span>
                    <span class="ellipsis muted">{s.task}</span>
                  </a>
                )
              }
            />
          </div>
          <div class="split-detail">
            {selected ? (
              <>
                <ScenarioDetail scenario={selected} />
                {runIds.length > 0 && (
                  <p class="runs-for-scenario">
                    Trajectories:{' '}
                    {runIds.map((runId) => (
                      <a key={runId} class="mono" href={href({ page: 'run', runId, scenarioId: selected.id })}>
                        {runId}{' '}
                      </a>
                    ))}
                  </p>
                )}
              </>
            ) : selectedState === 'loading' ? (
              <p class="muted loading">Loading…</p>
            ) : (
              <p class="muted">{selectedId === undefined ? 'No valid scenario to show.' : `No scenario ${selectedId} in this environment.`}</p>
            )}
          </div>
        </div>
      )}
    </div>
  );
}
