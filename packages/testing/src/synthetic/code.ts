import { createRandom } from './random.js';
import { entityOf, fieldOf, idArgOf, plural, type World, type WorldOperation } from './world.js';

// Method bodies as TypeScript, written against the class skelbuilder assembles (`this.state`, `this.ok`,
// `this.fail`, strict mode, entity interfaces from the entity JSON). They implement exactly what
// reference.ts describes. Two deliberate departures, each a fault the pipeline must catch:
// - `lax`: the rule guards are left out (the code compiles, but quality evaluation sees rules broken);
// - a `mistake`: a body that fails the type-check, answered with the correct one on the repair round.

export type Mistake = 'typo' | 'unnarrowed' | 'wrongType';

export interface BodyVariant {
  /** Leave out the rule guards (status, limits, references in use). */
  lax?: boolean;
  mistake?: Mistake;
}

const q = (value: unknown): string => JSON.stringify(value);

/** Which mistakes make sense for an operation (the first always does). */
export function mistakesFor(world: World, op: WorldOperation): Mistake[] {
  const entity = entityOf(world, op.entity);
  const out: Mistake[] = ['typo'];
  if (op.kind === 'get' || op.kind === 'update' || op.kind === 'transition') out.push('unnarrowed');
  if (
    (op.kind === 'create' && fieldOf(entity, 'flag')) ||
    (op.kind === 'update' && op.field === fieldOf(entity, 'number')?.name)
  ) {
    out.push('wrongType');
  }
  return out;
}

/** One deterministic mistake for a faulty method (seeded by the class and method). */
export function pickMistake(options: { seed: number; world: World; op: WorldOperation }): Mistake {
  return createRandom(options.seed, 'mistake', options.world.className, options.op.name).pick(
    mistakesFor(options.world, options.op),
  );
}

/** The statements of one method body. */
export function methodBody(options: { world: World; op: WorldOperation; variant?: BodyVariant }): string {
  const { world, op } = options;
  const variant = options.variant ?? {};
  const entity = entityOf(world, op.entity);
  const coll = `this.state.${entity.collection}`;
  const idArg = `args.${idArgOf(entity)}`;
  const lines: string[] = [];
  const lookup = () => {
    if (variant.mistake === 'unnarrowed') {
      lines.push(`const record = Object.values(${coll}).find((r) => r.id === ${idArg});`);
      return;
    }
    lines.push(`const record = ${coll}[${idArg}];`);
    lines.push(`if (!record) return this.fail('NOT_FOUND', \`No ${entity.label} with id \${${idArg}}\`);`);
  };
  const number = fieldOf(entity, 'number');
  const range = (value: string) =>
    `if (${value} < ${number!.min} || ${value} > ${number!.max}) return this.fail('LIMIT_EXCEEDED', \`${number!.name} must be between ${number!.min} and ${number!.max}, got \${${value}}\`);`;
  const guard = (line: string) => {
    if (!variant.lax) lines.push(line);
  };
  switch (op.kind) {
    case 'get':
      lookup();
      lines.push('return this.ok(record);');
      break;
    case 'list':
      lines.push(`const all = Object.values(${coll});`);
      lines.push(
        'return this.ok(args.status === undefined ? all : all.filter((r) => r.status === args.status));',
      );
      break;
    case 'create': {
      const parent = entity.parent ? entityOf(world, entity.parent) : undefined;
      if (parent) {
        const ref = `args.${idArgOf(parent)}`;
        lines.push(
          `if (!this.state.${parent.collection}[${ref}]) return this.fail('NOT_FOUND', \`No ${parent.label} with id \${${ref}}\`);`,
        );
      }
      const title = fieldOf(entity, 'title')!;
      lines.push(
        `if (args.${title.name}.trim() === '') return this.fail('INVALID_ARGUMENT', '${title.name} must not be empty');`,
      );
      if (number) guard(range(`args.${number.name}`));
      lines.push(`let n = Object.keys(${coll}).length + 1;`);
      lines.push(`while (${coll}[\`${entity.prefix}-\${n}\`]) n++;`);
      lines.push(`const id = \`${entity.prefix}-\${n}\`;`);
      const props = entity.fields.map((f) => {
        if (f.role === 'id') return 'id';
        if (f.role === 'status') return `status: ${q(entity.lifecycle.initial)}`;
        if (f.role === 'flag') return `${f.name}: ${variant.mistake === 'wrongType' ? "'no'" : 'false'}`;
        if (op.args.some((a) => a.name === f.name)) return `${f.name}: args.${f.name}`;
        return `${f.name}: ${f.kind === 'number' ? String(f.min) : "''"}`;
      });
      lines.push(`const record: ${entity.name} = { ${props.join(', ')} };`);
      lines.push(`${coll}[id] = record;`);
      lines.push('return this.ok(record);');
      break;
    }
    case 'update': {
      lookup();
      const frozen = entity.lifecycle.terminal;
      if (frozen.length > 0) {
        guard(
          `if (${frozen.map((s) => `record.status === ${q(s)}`).join(' || ')}) return this.fail('INVALID_STATUS', \`${entity.label} \${record.id} is \${record.status} and can no longer be changed\`);`,
        );
      }
      const field = op.field!;
      if (field === number?.name) guard(range(`args.${field}`));
      else
        lines.push(
          `if (args.${field}.trim() === '') return this.fail('INVALID_ARGUMENT', '${field} must not be empty');`,
        );
      lines.push(
        variant.mistake === 'wrongType'
          ? `record.${field} = String(args.${field});`
          : `record.${field} = args.${field};`,
      );
      lines.push('return this.ok(record);');
      break;
    }
    case 'transition': {
      lookup();
      const { from, to, past } = op.transition!;
      guard(
        `if (${from.map((s) => `record.status !== ${q(s)}`).join(' && ')}) return this.fail('INVALID_STATUS', \`${entity.label} \${record.id} is \${record.status}; only ${from.join(' or ')} ${plural(entity.label)} can be ${past}\`);`,
      );
      lines.push(`record.status = ${q(to)};`);
      lines.push('return this.ok(record);');
      break;
    }
    case 'delete': {
      lookup();
      for (const childName of op.children ?? []) {
        const child = entityOf(world, childName);
        guard(
          `if (Object.values(this.state.${child.collection}).some((r) => r.${idArgOf(entity)} === ${idArg})) return this.fail('IN_USE', \`${entity.label} \${${idArg}} still has ${plural(child.label)}\`);`,
        );
      }
      lines.push(`delete ${coll}[${idArg}];`);
      lines.push('return this.ok(record);');
      break;
    }
  }
  let body = lines.join('\n');
  if (variant.mistake === 'typo') body = body.replace(coll, `${coll}List`);
  return body;
}
