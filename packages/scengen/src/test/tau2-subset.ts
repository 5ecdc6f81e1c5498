import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tau2DataDir } from '@envscaler/env-tau2-retail';

const dbPath = join(tau2DataDir, 'db.json');

interface Db {
  products: Record<string, unknown>;
  users: Record<string, { orders: string[] }>;
  orders: Record<string, { items: { product_id: string }[] }>;
}

/**
 * A small slice of τ²-bench's retail db.json (sierra-research/tau2-bench, MIT; shipped in
 * @envscaler/env-tau2-retail): the given users, all their orders and the products in them.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- test data of many shapes, read field by field
type Loose = Record<string, Record<string, any>>;

export function tau2RetailSubset(userIds: string[] = ['aarav_nguyen_7344', 'harper_ito_4653']): Loose {
  const db = JSON.parse(readFileSync(dbPath, 'utf8')) as Db;
  const users = Object.fromEntries(userIds.map((id) => [id, db.users[id]!]));
  const orderIds = userIds.flatMap((id) => db.users[id]!.orders);
  const orders = Object.fromEntries(orderIds.map((id) => [id, db.orders[id]!]));
  const productIds = [
    ...new Set(orderIds.flatMap((id) => db.orders[id]!.items.map((item) => item.product_id))),
  ];
  const products = Object.fromEntries(productIds.map((id) => [id, db.products[id]!]));
  return { products, users, orders };
}
