import type { ScriptedEnvSpec } from './scripted.js';

// A complete scripted run over three corpus tasks, for tests and the offline demo:
// two library tasks that infer near-identical topics (merged by dedup) and one calculator task (dropped
// by the stateful judge). The library's `lendBook` fails type-checking once and is repaired.

const libraryEntities = {
  className: 'LibraryLoans',
  summary: 'A public lending library: members borrow and return books, and may hold copies that are out.',
  entities: [
    {
      name: 'Book',
      collection: 'books',
      description: 'A title in the catalogue with its number of copies.',
      fields: [
        { name: 'id', type: 'string', description: 'Catalogue id, e.g. "b-1".' },
        { name: 'title', type: 'string', description: 'Title of the book.' },
        { name: 'author', type: 'string', description: 'Author name.' },
        { name: 'copiesTotal', type: 'number', description: 'Copies the library owns.' },
        { name: 'copiesAvailable', type: 'number', description: 'Copies on the shelf right now.' },
      ],
    },
    {
      name: 'Member',
      collection: 'members',
      description: 'A registered library member.',
      fields: [
        { name: 'id', type: 'string', description: 'Member number, e.g. "M-1042".' },
        { name: 'name', type: 'string', description: 'Full name.' },
        {
          name: 'status',
          type: 'enum',
          values: ['active', 'suspended'],
          description: 'Suspended members cannot borrow.',
        },
        { name: 'maxLoans', type: 'number', description: 'Most books the member may have out at once.' },
      ],
    },
    {
      name: 'Loan',
      collection: 'loans',
      description: 'One copy of a book lent to a member.',
      fields: [
        { name: 'id', type: 'string', description: 'Loan id, e.g. "loan-1".' },
        { name: 'bookId', type: 'string', description: 'The book lent.' },
        { name: 'memberId', type: 'string', description: 'The borrowing member.' },
        { name: 'dueDate', type: 'string', description: 'ISO date the copy is due back.' },
        { name: 'returned', type: 'boolean', description: 'Whether the copy came back.' },
      ],
    },
  ],
  rules: [
    'Only active members may borrow books.',
    'A member may have at most maxLoans unreturned loans.',
    'A book can be lent only while copiesAvailable is above zero.',
    'Returning a loan puts one copy back on the shelf; a loan can be returned only once.',
  ],
} as const;

const libraryOperations = [
  {
    name: 'getBook',
    kind: 'query',
    description: 'Look up a book by its catalogue id.',
    args: [{ name: 'bookId', type: 'string', description: 'Catalogue id of the book.' }],
    result: { type: 'Book', description: 'the book record.' },
    rules: [],
  },
  {
    name: 'searchBooks',
    kind: 'query',
    description: 'Find books whose title or author contains the query (case-insensitive).',
    args: [{ name: 'query', type: 'string', description: 'Text to look for in titles and authors.' }],
    result: { type: 'Book[]', description: 'the matching books.' },
    rules: [],
  },
  {
    name: 'lendBook',
    kind: 'mutation',
    description: 'Lend one copy of a book to a member until the due date.',
    args: [
      { name: 'memberId', type: 'string', description: 'The borrowing member.' },
      { name: 'bookId', type: 'string', description: 'The book to lend.' },
      { name: 'dueDate', type: 'string', description: 'ISO date the copy is due back.' },
    ],
    result: { type: 'Loan', description: 'the new loan.' },
    rules: [
      'Only active members may borrow books.',
      'A member may have at most maxLoans unreturned loans.',
      'A book can be lent only while copiesAvailable is above zero.',
    ],
  },
  {
    name: 'returnBook',
    kind: 'mutation',
    description: 'Record the return of a loaned copy.',
    args: [{ name: 'loanId', type: 'string', description: 'The loan being returned.' }],
    result: { type: 'Loan', description: 'the updated loan.' },
    rules: ['Returning a loan puts one copy back on the shelf; a loan can be returned only once.'],
  },
  {
    name: 'listMemberLoans',
    kind: 'query',
    description: "List a member's loans, by default only those not yet returned.",
    args: [
      { name: 'memberId', type: 'string', description: 'The member.' },
      { name: 'includeReturned', type: 'boolean', description: 'Also list returned loans.', optional: true },
    ],
    result: { type: 'Loan[]', description: "the member's loans." },
    rules: [],
  },
] as const;

const lendBookBroken = `const member = this.state.members[args.memberId];
if (!member) return this.fail('NOT_FOUND', \`No member \${args.memberId}\`);
const book = this.state.books[args.bookId];
if (!book) return this.fail('NOT_FOUND', \`No book \${args.bookId}\`);
if (member.status !== 'active') return this.fail('MEMBER_SUSPENDED', \`\${member.name} is suspended\`);
const open = Object.values(this.state.loans).filter((l) => l.memberId === member.id && !l.returned);
if (open.length >= member.maxLoans) return this.fail('LIMIT_EXCEEDED', \`\${member.name} already has \${open.length} loans\`);
if (book.copiesAvailable <= 0) return this.fail('NO_COPIES', \`No copy of \${book.title} is available\`);
const id = \`loan-\${Object.keys(this.state.loans).length + 1}\`;
const loan: Loan = { id, bookId: book.id, memberId: member.id, dueDate: args.dueDate, returned: 'no' };
this.state.loans[id] = loan;
book.copiesAvailable -= 1;
return this.ok(loan);`;

const lendBookFixed = lendBookBroken
  .replace("returned: 'no' }", 'returned: false }')
  .replace(
    'const id = `loan-${Object.keys(this.state.loans).length + 1}`;',
    'let n = Object.keys(this.state.loans).length + 1;\nwhile (this.state.loans[`loan-${n}`]) n++;\nconst id = `loan-${n}`;',
  );

const libraryMethods: Record<string, string | string[]> = {
  getBook: `const book = this.state.books[args.bookId];
if (!book) return this.fail('NOT_FOUND', \`No book with id \${args.bookId}\`);
return this.ok(book);`,
  searchBooks: `const q = args.query.trim().toLowerCase();
if (q === '') return this.fail('INVALID_ARGUMENT', 'query must not be empty');
return this.ok(Object.values(this.state.books).filter((b) => b.title.toLowerCase().includes(q) || b.author.toLowerCase().includes(q)));`,
  lendBook: [lendBookBroken, lendBookFixed],
  returnBook: `const loan = this.state.loans[args.loanId];
if (!loan) return this.fail('NOT_FOUND', \`No loan with id \${args.loanId}\`);
if (loan.returned) return this.fail('ALREADY_RETURNED', \`Loan \${loan.id} was already returned\`);
const book = this.state.books[loan.bookId];
if (book) book.copiesAvailable = Math.min(book.copiesTotal, book.copiesAvailable + 1);
loan.returned = true;
return this.ok(loan);`,
  listMemberLoans: `if (!this.state.members[args.memberId]) return this.fail('NOT_FOUND', \`No member \${args.memberId}\`);
return this.ok(Object.values(this.state.loans).filter((l) => l.memberId === args.memberId && (args.includeReturned === true || !l.returned)));`,
};

const libraryState = {
  books: {
    'b-1': {
      id: 'b-1',
      title: 'The Left Hand of Darkness',
      author: 'Ursula K. Le Guin',
      copiesTotal: 2,
      copiesAvailable: 1,
    },
    'b-2': { id: 'b-2', title: 'Dune', author: 'Frank Herbert', copiesTotal: 1, copiesAvailable: 0 },
    'b-3': { id: 'b-3', title: 'Kindred', author: 'Octavia E. Butler', copiesTotal: 3, copiesAvailable: 3 },
  },
  members: {
    'M-1042': { id: 'M-1042', name: 'Priya Nair', status: 'active', maxLoans: 2 },
    'M-7': { id: 'M-7', name: 'Tomas Ruiz', status: 'suspended', maxLoans: 3 },
  },
  loans: {
    'loan-1': { id: 'loan-1', bookId: 'b-1', memberId: 'M-1042', dueDate: '2026-12-01', returned: false },
    'loan-2': { id: 'loan-2', bookId: 'b-2', memberId: 'M-1042', dueDate: '2026-12-03', returned: false },
  },
};

const libraryTesterTurns = [
  [
    { tool: 'searchBooks', arguments: { query: 'dune' }, purpose: 'normal search' },
    {
      tool: 'lendBook',
      arguments: { memberId: 'M-1042', bookId: 'b-3', dueDate: '2026-12-20' },
      purpose: 'member already at the loan limit',
    },
    { tool: 'returnBook', arguments: { loanId: 'loan-1' }, purpose: 'normal return' },
  ],
  [
    {
      tool: 'lendBook',
      arguments: { memberId: 'M-1042', bookId: 'b-3', dueDate: '2026-12-20' },
      purpose: 'lend after a return frees a slot',
    },
    {
      tool: 'lendBook',
      arguments: { memberId: 'M-7', bookId: 'b-3', dueDate: '2026-12-20' },
      purpose: 'suspended member',
    },
    { tool: 'returnBook', arguments: { loanId: 'loan-1' }, purpose: 'return twice' },
    { tool: 'getBook', arguments: { bookId: 'nope' }, purpose: 'unknown id' },
    { tool: 'listMemberLoans', arguments: { memberId: 'M-1042' }, purpose: 'open loans after the changes' },
  ],
];

/** The scripted library environment (seeded by lib-001; lib-002 maps onto it through dedup). */
export function libraryScriptedEnvs(): ScriptedEnvSpec[] {
  const common = {
    stateful: true,
    score: { usefulness: 9, modelability: 9, reason: 'Libraries are a classic, rule-rich domain.' },
    entities: structuredClone(libraryEntities) as unknown as ScriptedEnvSpec['entities'],
    operations: structuredClone(libraryOperations) as unknown as ScriptedEnvSpec['operations'],
    methods: libraryMethods,
    initialState: libraryState,
    testerTurns: libraryTesterTurns,
  };
  return [
    {
      ...common,
      task: {
        id: 'lib-001',
        task: "Check out 'The Left Hand of Darkness' to member M-1042 and tell them when it is due back.",
      },
      topic: {
        topic: 'Public library loans',
        description:
          'A public library system that tracks books, members and loans; books are lent to and returned by members.',
      },
    },
    {
      ...common,
      task: {
        id: 'lib-002',
        task: "Member Priya Nair wants to place a hold on the next available copy of 'Dune'; put her in the queue and report her position.",
      },
      topic: {
        topic: 'Public library loans and holds',
        description:
          'A public library system that tracks books, members, loans and holds on books that are out.',
      },
      score: { usefulness: 8, modelability: 8 },
    },
  ];
}

/**
 * The three-task scripted run: lib-001 and lib-002 (merged into one library environment) and calc-001
 * (stateless, dropped by the judge). Pass to `createScriptedChatModel({ envs })` and build with
 * `tasks: envs.map((e) => e.task)`.
 */
export function exampleScriptedEnvs(): ScriptedEnvSpec[] {
  return [
    ...libraryScriptedEnvs(),
    {
      task: { id: 'calc-001', task: 'What is 17.5 percent of 2,340?' },
      stateful: false,
      judgeReason: 'A one-off arithmetic question; nothing is stored or changed.',
    },
  ];
}
