export { stateMessages } from './state.js';
export { taskMessages } from './task.js';
export { checklistMessages } from './checklist.js';
export { checksMessages, checkRepairMessages, checkRewriteMessages } from './checks.js';
export { solverMessages } from './solver.js';
export { describeEnvironment } from './shared.js';
