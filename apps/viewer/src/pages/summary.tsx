import type { EnvRunStats, Overview, SummaryResponse } from '../api.js';
import { FunnelChart, RateByK, RewardHistogram, StageUsageTable } from '../components/charts.js';
import { Problems, Section, fmtNumber, fmtPercent } from '../components/common.js';
import { href } from '../model/route.js';

export function SummaryView({ summary, overview }: { summary: SummaryResponse; overview?: Overview }) {
  return (
    <div class="page summary-page">
      <h1>Run summary</h1>
      {overview && (
        <p class="muted">
          <span class="mono">{overview.outDir}</span> — {overview.envCount} kept environments, {overview.scenarioFiles} scenario
          files, {overview.runIds.length} rollout runs
        </p>
      )}
      <Problems problems={summary.problems} />
      <Section title="Pipeline funnel">
        <FunnelChart steps={summary.funnel} />
        <p class="muted small">Darker bars come from the run reports; lighter ones are counted on disk.</p>
        {summary.funnelDetails.length > 0 && (
          <details class="funnel-details">
            <summary>per stage and gate</summary>
            <table class="table">
              <thead>
                <tr>
                  <th>step</th>
                  <th>stage</th>
                  <th class="num">in</th>
                  <th class="num">out</th>
                  <th class="num">dropped</th>
                </tr>
              </thead>
              <tbody>
                {summary.funnelDetails.map((d) => (
                  <tr key={`${d.source}:${d.stage}`} data-stage={d.stage}>
                    <td>{d.source}</td>
                    <td>{d.stage}</td>
                    <td class="num">{fmtNumber(d.in)}</td>
                    <td class="num">{fmtNumber(d.out)}</td>
                    <td class="num">{fmtNumber(d.in - d.out)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        )}
      </Section>
      <Section title="Tokens and cost per stage">
        <StageUsageTable rows={summary.stageUsage} />
      </Section>
      {summary.runs.length === 0 && (
        <Section title="Rollouts">
          <p class="muted">No rollouts yet.</p>
        </Section>
      )}
      {summary.runs.map((run) => (
        <Section key={run.runId} title={`Rollouts: ${run.runId}`} id={`run-${run.runId}`}>
          <p>
            <a href={href({ page: 'run', runId: run.runId })}>trajectories</a>
            {run.summary && (
              <>
                {' '}
                — {run.summary.episodes} episodes over {run.summary.scenarios} scenarios × {run.summary.trialsPerScenario}{' '}
                trials, mean reward {run.summary.meanReward.toFixed(3)}, success {fmtPercent(run.summary.successRate)},
                tokens {fmtNumber(run.summary.usage.promptTokens + run.summary.usage.completionTokens)}
                {run.summary.usage.costUsd !== undefined && <>, ${run.summary.usage.costUsd.toFixed(4)}</>}
              </>
            )}
          </p>
          <div class="charts">
            <figure>
              <figcaption>Reward distribution</figcaption>
              <RewardHistogram bins={run.rewardHistogram} label={`reward distribution ${run.runId}`} />
              {run.unscored > 0 && (
                <p class="muted small">
                  {run.unscored} {run.unscored === 1 ? 'trajectory' : 'trajectories'} without a reward
                </p>
              )}
            </figure>
            <figure>
              <figcaption>pass^k by k</figcaption>
              <RateByK rates={run.summary?.passHatK ?? []} label="pass^k" />
            </figure>
            <figure>
              <figcaption>pass@k by k</figcaption>
              <RateByK rates={run.summary?.passAtK ?? []} label="pass@k" />
            </figure>
          </div>
          <p class="small outcomes">
            results: {fmtNumber(run.outcomes.passed)} passed, {fmtNumber(run.outcomes.failed)} failed,{' '}
            {fmtNumber(run.outcomes.unscored)} ungraded
            {run.outcomes.invalid > 0 && <>, {fmtNumber(run.outcomes.invalid)} invalid lines</>}
          </p>
          <WeakestEnvironments runId={run.runId} rows={run.perEnvironment} />
          {run.summary && Object.keys(run.summary.terminations).length > 0 && (
            <p class="small">
              terminations:{' '}
              {Object.entries(run.summary.terminations)
                .map(([k, v]) => `${k} ${v}`)
                .join(', ')}
            </p>
          )}
        </Section>
      ))}
    </div>
  );
}

/** How many environments the summary lists per run: the weakest, so a large run stays one screen. */
const weakestShown = 10;

/** The environments with the lowest success rate in a run (ungraded ones last), linking to their trajectories. */
export function WeakestEnvironments({ runId, rows }: { runId: string; rows: readonly EnvRunStats[] }) {
  if (rows.length === 0) return null;
  const weakest = [...rows]
    .sort((a, b) => (a.successRate ?? 2) - (b.successRate ?? 2) || (a.envId < b.envId ? -1 : 1))
    .slice(0, weakestShown);
  return (
    <details class="per-env">
      <summary>
        per environment: the {weakest.length} with the lowest success rate of {rows.length}
      </summary>
      <table class="table">
        <thead>
          <tr>
            <th>environment</th>
            <th class="num">episodes</th>
            <th class="num">mean reward</th>
            <th class="num">success</th>
          </tr>
        </thead>
        <tbody>
          {weakest.map((r) => (
            <tr key={r.envId} data-env-id={r.envId}>
              <td>
                <a class="mono" href={href({ page: 'run', runId, envId: r.envId })}>
                  {r.envId}
                </a>
              </td>
              <td class="num">{fmtNumber(r.episodes)}</td>
              <td class="num">{r.meanReward === undefined ? '—' : r.meanReward.toFixed(3)}</td>
              <td class="num">{fmtPercent(r.successRate)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
