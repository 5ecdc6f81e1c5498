import { Environment, type ToolResult } from '@envscaler/core';

export interface Book {
  id: string;
  title: string;
  available: boolean;
}
export interface Member {
  id: string;
  name: string;
  loanIds: string[];
}
export interface Loan {
  id: string;
  bookId: string;
  memberId: string;
  returned: boolean;
}
export interface State {
  books: Record<string, Book>;
  members: Record<string, Member>;
  loans: Record<string, Loan>;
  nextLoan: number;
}

/** A small lending library: members borrow and return books. */
export class LibraryLoans extends Environment<State> {
  /** Find books whose title contains the text (case-insensitive). */
  findBooks(args: { title: string }): ToolResult<Book[]> {
    const needle = args.title.toLowerCase();
    return this.ok(Object.values(this.state.books).filter((b) => b.title.toLowerCase().includes(needle)));
  }

  /** Look up a member by id. */
  getMember(args: { memberId: string }): ToolResult<Member> {
    const member = this.state.members[args.memberId];
    return member ? this.ok(member) : this.fail('NOT_FOUND', `no member ${args.memberId}`);
  }

  /** Lend a book to a member. Fails if the book is already on loan. */
  lendBook(args: { memberId: string; bookId: string }): ToolResult<Loan> {
    const member = this.state.members[args.memberId];
    const book = this.state.books[args.bookId];
    if (!member) return this.fail('NOT_FOUND', `no member ${args.memberId}`);
    if (!book) return this.fail('NOT_FOUND', `no book ${args.bookId}`);
    if (!book.available) return this.fail('UNAVAILABLE', `${book.title} is on loan`);
    const id = `L${this.state.nextLoan++}`;
    const loan: Loan = { id, bookId: book.id, memberId: member.id, returned: false };
    this.state.loans[id] = loan;
    book.available = false;
    member.loanIds.push(id);
    return this.ok(loan);
  }

  /** Return a borrowed book. */
  returnBook(args: { loanId: string }): ToolResult<Loan> {
    const loan = this.state.loans[args.loanId];
    if (!loan) return this.fail('NOT_FOUND', `no loan ${args.loanId}`);
    if (loan.returned) return this.fail('ALREADY_RETURNED', `loan ${args.loanId} was already returned`);
    loan.returned = true;
    this.state.books[loan.bookId]!.available = true;
    return this.ok(loan);
  }
}
