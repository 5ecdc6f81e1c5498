// The EnvScaler paper's reported figures for Qwen3-8B, which `envscaler bench all` prints beside the
// measured ones.
//
// Source: Song et al., "EnvScaler: Scaling Tool-Interactive Environments for LLM Agent via Programmatic
// Synthesis", arXiv:2601.05808 (v1, January 2026): the main results table (BFCL-v3 Multi-Turn, Tau-Bench,
// ACEBench-Agent), rows "Qwen3-8B (Thinking)" and "+ EnvScaler (w/ SFT&RL)". The authors' repository shows
// the same table as its "Performance comparison" figure (RUC-NLPIR/EnvScaler, Figs/result.png at commit
// 87e6673); every figure below was checked against that image. The table's number could not be checked
// against a stored copy of the paper's text, so it is cited as "the main results table". Every "Overall" figure is the paper's own unweighted mean of the
// columns before it (e.g. BFCL 28.88 = (32.00 + 33.50 + 22.00 + 28.00) / 4).
//
// Benchmark versions, as the paper and its evaluation guide (evaluation/README.md) name them: BFCL-v3
// multi-turn (data of 2024-09-22); **τ-bench** (v1, sierra-research/tau-bench) retail, 115 tasks, and
// airline, 50 tasks, with gpt-4.1-2025-04-14 as the user; ACEBench agent multi-step (20 tasks) and
// multi-turn (30 tasks, gpt-4.1-2025-04-14 as the user). All in thinking mode with the model's native
// function calling, temperature 0.7.

/** A row of the paper's table that `bench all` reproduces. */
export type PaperRowId =
  | 'bfcl.base'
  | 'bfcl.miss_func'
  | 'bfcl.miss_param'
  | 'bfcl.long_context'
  | 'bfcl.overall'
  | 'tau.retail'
  | 'tau.airline'
  | 'tau.overall'
  | 'acebench.multi_step'
  | 'acebench.multi_turn'
  | 'acebench.overall';

/** One figure as the paper prints it: a percentage with two decimals, or null when not reported. */
export interface PaperFigure {
  /** Qwen3-8B (Thinking), before training. */
  before: number | null;
  /** Qwen3-8B + EnvScaler (w/ SFT&RL). */
  after: number | null;
}

export const PAPER_CITATION =
  'Song et al., EnvScaler, arXiv:2601.05808 (v1), main results table: rows "Qwen3-8B (Thinking)" and "+ EnvScaler (w/ SFT&RL)"';

export const PAPER_MODEL_LABELS = {
  before: 'Qwen3-8B (paper)',
  after: 'Qwen3-8B + EnvScaler SFT+RL (paper)',
} as const;

/** The agent temperature of every EnvScaler evaluation run (evaluation/README.md: "temperature 0.7"). */
export const PAPER_TEMPERATURE = 0.7;

/** Which benchmark version each block of the paper's table was measured on. */
export const PAPER_BENCHMARKS = {
  bfcl: 'BFCL-v3 multi-turn (200 entries per category)',
  tau: 'τ-bench (v1): retail 115 tasks, airline 50 tasks',
  acebench: 'ACEBench agent: multi-step 20 tasks, multi-turn 30 tasks',
} as const;

export const PAPER_QWEN3_8B: Readonly<Record<PaperRowId, PaperFigure>> = {
  'bfcl.base': { before: 32.0, after: 55.5 },
  'bfcl.miss_func': { before: 33.5, after: 36.0 },
  'bfcl.miss_param': { before: 22.0, after: 35.0 },
  'bfcl.long_context': { before: 28.0, after: 41.0 },
  'bfcl.overall': { before: 28.88, after: 41.88 },
  'tau.retail': { before: 46.38, after: 53.62 },
  'tau.airline': { before: 30.0, after: 36.0 },
  'tau.overall': { before: 38.19, after: 44.81 },
  'acebench.multi_step': { before: 63.33, after: 85.0 },
  'acebench.multi_turn': { before: 56.67, after: 60.0 },
  'acebench.overall': { before: 60.0, after: 72.5 },
};
