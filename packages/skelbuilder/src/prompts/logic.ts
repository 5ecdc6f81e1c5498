import { valueTypes, type EntityModel, type OperationSpec } from '../logic/spec.js';
import { prompt, type Prompt } from './common.js';

const fieldSchema = {
  type: 'object',
  required: ['name', 'type', 'description'],
  properties: {
    name: { type: 'string' },
    // any string here: common aliases (integer, date, array<string>) are normalised before the closed-vocabulary check
    type: { type: 'string' },
    values: { type: 'array', items: { type: 'string' } },
    description: { type: 'string' },
    optional: { type: 'boolean' },
  },
};

export const entityModelSchema = {
  type: 'object',
  required: ['className', 'summary', 'entities', 'rules'],
  properties: {
    className: { type: 'string' },
    summary: { type: 'string' },
    entities: {
      type: 'array',
      minItems: 1,
      maxItems: 8,
      items: {
        type: 'object',
        required: ['name', 'collection', 'description', 'fields'],
        properties: {
          name: { type: 'string' },
          collection: { type: 'string' },
          description: { type: 'string' },
          fields: { type: 'array', minItems: 1, items: fieldSchema },
        },
      },
    },
    rules: { type: 'array', items: { type: 'string' } },
  },
};

/**
 * Stage 'logic-entities': the data model and business rules of the environment, as structured JSON.
 * The code generator turns it into the State and entity interfaces, so the vocabulary of types is closed.
 */
export function logicEntitiesPrompt(input: { topic: string; description: string; tasks: string[] }): Prompt {
  return prompt(
    'logic-entities',
    `Design the data model of a simulated environment.

Topic: ${input.topic}
Description: ${input.description}
Example tasks users will ask an agent to do in it:
${input.tasks.map((t) => `- ${t}`).join('\n')}

Give:
- className: a PascalCase name for the environment class (e.g. "LibraryLoans").
- summary: one or two sentences describing the environment.
- entities: 2-6 kinds of record. Each has a PascalCase singular name, a camelCase plural "collection" (the
  key of its record map in the state), a description and its fields. Every entity has a required field
  "id" of type "string". A field referring to another entity is named after it plus "Id" (e.g. "memberId")
  or "Ids" for a list (type "string[]"). Field types are one of: ${valueTypes.join(', ')}; for "enum" list
  the allowed strings in "values". Dates and times are ISO 8601 strings; money is a number.
- rules: the business rules every operation must respect (limits, required states, permissions,
  consistency between records), each one short, checkable sentence.`,
    entityModelSchema,
  );
}

export const operationsSchema = {
  type: 'object',
  required: ['operations'],
  properties: {
    operations: {
      type: 'array',
      minItems: 2,
      maxItems: 16,
      items: {
        type: 'object',
        required: ['name', 'kind', 'description', 'args', 'result', 'rules'],
        properties: {
          name: { type: 'string' },
          kind: { enum: ['query', 'mutation'] },
          description: { type: 'string' },
          args: { type: 'array', items: fieldSchema },
          result: {
            type: 'object',
            required: ['type', 'description'],
            properties: { type: { type: 'string' }, description: { type: 'string' } },
          },
          rules: { type: 'array', items: { type: 'string' } },
        },
      },
    },
  },
};

/**
 * Stage 'logic-operations': the tools of the environment, each a query (reads) or a mutation (changes
 * state), with typed arguments, a result type and the rules it enforces. Covers the example tasks.
 */
export function logicOperationsPrompt(input: {
  model: EntityModel;
  stateTypes: string;
  tasks: string[];
}): Prompt {
  const entityNames = input.model.entities.map((e) => e.name).join(', ');
  return prompt(
    'logic-operations',
    `List the tool operations of the environment "${input.model.className}": ${input.model.summary}

Its state, in TypeScript:
\`\`\`ts
${input.stateTypes.trim()}
\`\`\`

Business rules:
${input.model.rules.map((r) => `- ${r}`).join('\n')}

Example tasks the tools must make possible:
${input.tasks.map((t) => `- ${t}`).join('\n')}

Give 4-12 operations: queries that look records up (by id, or by searching/filtering) and mutations that
create, change or remove records while enforcing the rules. For each: a camelCase name, kind ("query" or
"mutation"), a description for the agent, args (name, type from ${valueTypes.join(', ')} with "values"
for enums, description, optional), result (type: one of string, number, boolean, object, null, an entity
name (${entityNames}) or one of these with "[]" appended; plus a description) and the rules it enforces.
Operations must not need the current time or randomness: take dates as arguments.`,
    operationsSchema,
  );
}

export interface BodyReply {
  body: string;
}
export const bodyReplySchema = {
  type: 'object',
  required: ['body'],
  properties: { body: { type: 'string', minLength: 1 } },
};

const codingRules = `Rules for the code:
- Write only the statements of the method body (no signature, no surrounding braces).
- Read and change the world through this.state; it is the only storage. Records are keyed by id.
- Return this.ok(value) on success and this.fail(CODE, message) on every error (unknown id, rule
  violated, bad argument), with CODE an UPPER_SNAKE_CASE reason such as NOT_FOUND or LIMIT_EXCEEDED.
  Never throw.
- No imports, no I/O, no Date.now(), no Math.random(); new ids are derived deterministically from the
  state (e.g. a prefix plus the count of existing records plus one, skipping ids already taken).
- The code is compiled with TypeScript strict mode: narrow possibly-undefined values before use.`;

/**
 * Stage 'logic-method': the body of one method, written against the fixed signature and State types.
 * One call per operation keeps each answer short and lets a failing method be repaired on its own.
 */
export function logicMethodPrompt(input: {
  className: string;
  stateTypes: string;
  rules: string[];
  operation: OperationSpec;
  signature: string;
}): Prompt {
  return prompt(
    'logic-method',
    `Implement one method of the TypeScript class \`${input.className} extends Environment<State>\`.

State and entity types:
\`\`\`ts
${input.stateTypes.trim()}
\`\`\`

Environment rules:
${input.rules.map((r) => `- ${r}`).join('\n')}

The method (${input.operation.kind}): ${input.operation.description}
Rules it enforces: ${input.operation.rules.join(' ') || '(none beyond the environment rules)'}
Result: ${input.operation.result.description}
Signature:
\`\`\`ts
${input.signature}
\`\`\`

${codingRules}

Put the body in the "body" string of the JSON answer.`,
    bodyReplySchema,
  );
}

/**
 * Stage 'logic-repair': the compiler rejected a method. Sends the method as assembled plus the exact
 * diagnostics and asks for a corrected body, so the model fixes what the compiler saw, not what it guesses.
 */
export function logicRepairPrompt(input: {
  className: string;
  stateTypes: string;
  method: string;
  diagnostics: string;
}): Prompt {
  return prompt(
    'logic-repair',
    `This method of the TypeScript class \`${input.className} extends Environment<State>\` does not compile
under strict mode.

State and entity types:
\`\`\`ts
${input.stateTypes.trim()}
\`\`\`

The method:
\`\`\`ts
${input.method.trim()}
\`\`\`

Compiler errors:
${input.diagnostics}

${codingRules}

Keep the signature unchanged and put the corrected body in the "body" string of the JSON answer.`,
    bodyReplySchema,
  );
}
