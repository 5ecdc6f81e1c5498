import { Environment, type ToolResult } from '@envscaler/core';

// ---------------------------------------------------------------------------------------------
// State: the raw shape of τ²-bench's retail db.json ({ products, users, orders }).
// ---------------------------------------------------------------------------------------------

/** One purchasable variant (an "item") of a product. */
export interface Variant {
  /** Item id, e.g. '1008292230'; also the key of this variant in its product's `variants`. */
  item_id: string;
  /** Option name → value, e.g. { color: 'blue', size: 'L' }. */
  options: Record<string, string>;
  /** Whether the item is in stock. */
  available: boolean;
  /** Price in dollars. */
  price: number;
}

/** A product type with its variants. */
export interface Product {
  /** Product type name, e.g. 'T-Shirt'. */
  name: string;
  /** Product id, e.g. '9523456873'; also the key of this product in `products`. */
  product_id: string;
  /** Variants keyed by item id. */
  variants: Record<string, Variant>;
}

/** A person's name. */
export interface UserName {
  first_name: string;
  last_name: string;
}

/** A postal address (of a user, or the shipping address of an order). */
export interface Address {
  address1: string;
  address2: string;
  city: string;
  country: string;
  state: string;
  zip: string;
}

/** A credit card on file. */
export interface CreditCard {
  source: 'credit_card';
  /** Payment method id, e.g. 'credit_card_9513926'. */
  id: string;
  brand: string;
  last_four: string;
}

/** A PayPal account on file. */
export interface Paypal {
  source: 'paypal';
  /** Payment method id, e.g. 'paypal_7664977'. */
  id: string;
}

/** A gift card on file; refunds to it are credited immediately. */
export interface GiftCard {
  source: 'gift_card';
  /** Payment method id, e.g. 'gift_card_7245904'. */
  id: string;
  /** Remaining balance in dollars. */
  balance: number;
}

/** Any stored payment method. */
export type PaymentMethod = CreditCard | GiftCard | Paypal;

/** A customer. */
export interface User {
  /** User id, e.g. 'sara_doe_496'; also the key of this user in `users`. */
  user_id: string;
  name: UserName;
  /** Default address. */
  address: Address;
  email: string;
  /** Payment methods keyed by payment method id. */
  payment_methods: Record<string, PaymentMethod>;
  /** Ids of the user's orders. */
  orders: string[];
}

/** A shipment of some of an order's items. */
export interface Fulfillment {
  tracking_id: string[];
  item_ids: string[];
}

/** One line of an order. */
export interface OrderItem {
  /** Product type name. */
  name: string;
  product_id: string;
  item_id: string;
  /** Price paid for the item. */
  price: number;
  options: Record<string, string>;
}

/** A payment or refund recorded on an order. */
export interface Payment {
  transaction_type: 'payment' | 'refund';
  amount: number;
  payment_method_id: string;
}

/** Lifecycle status of an order. */
export type OrderStatus =
  | 'processed'
  | 'pending'
  | 'pending (item modified)'
  | 'delivered'
  | 'cancelled'
  | 'exchange requested'
  | 'return requested';

/** Accepted reasons for cancelling a pending order. */
export type CancelReason = 'no longer needed' | 'ordered by mistake';

/** An order. The optional fields are set by cancellation, exchange and return requests. */
export interface Order {
  /** Order id, e.g. '#W0000000'; also the key of this order in `orders`. */
  order_id: string;
  user_id: string;
  /** Shipping address. */
  address: Address;
  items: OrderItem[];
  status: OrderStatus;
  fulfillments: Fulfillment[];
  /** Payments and refunds in the order they happened. */
  payment_history: Payment[];
  cancel_reason?: CancelReason | null;
  exchange_items?: string[] | null;
  exchange_new_items?: string[] | null;
  exchange_payment_method_id?: string | null;
  exchange_price_difference?: number | null;
  return_items?: string[] | null;
  return_payment_method_id?: string | null;
}

/** The whole retail world, exactly the shape of db.json. */
export interface State {
  /** Products keyed by product id. */
  products: Record<string, Product>;
  /** Users keyed by user id. */
  users: Record<string, User>;
  /** Orders keyed by order id (with the leading '#'). */
  orders: Record<string, Order>;
}

// ---------------------------------------------------------------------------------------------
// The tools.
// ---------------------------------------------------------------------------------------------

/**
 * An online retail store's customer-service back office (τ²-bench retail domain): look up users,
 * orders and products; cancel or modify pending orders; return or exchange delivered orders; change
 * a user's default address; do arithmetic; hand the conversation over to a human.
 */
export class Tau2Retail extends Environment<State> {
  /**
   * Evaluate an arithmetic expression and return the result rounded to 2 decimals, as text
   * (e.g. '2 + 2' gives '4.0').
   * @query
   */
  calculate(args: {
    /** The expression, e.g. '(3131.1 + 4777.75) * 2'. Allowed: digits, '.', '+', '-', '*', '/', parentheses and spaces. */
    expression: string;
  }): ToolResult<string> {
    return this.attempt(() => evaluateCalculation(args.expression));
  }

  /**
   * Cancel a pending order. Only orders whose status is exactly 'pending' can be cancelled. Every
   * payment of the order is refunded: gift-card payments are credited back to the gift card at
   * once, other refunds take 5-7 business days. The order becomes 'cancelled'. Explain the details
   * and get the user's explicit confirmation (yes) first. Returns the order after cancellation.
   * @mutation
   */
  cancel_pending_order(args: {
    /** The order id, e.g. '#W0000000' (note the leading '#'). */
    order_id: string;
    /** Why the order is cancelled: either 'no longer needed' or 'ordered by mistake'. */
    reason: string;
  }): ToolResult<Order> {
    return this.attempt(() => {
      const order = this.getOrder(args.order_id);
      if (order.status !== 'pending') {
        throw new RetailError('INVALID_STATUS', 'Non-pending order cannot be cancelled');
      }
      if (args.reason !== 'no longer needed' && args.reason !== 'ordered by mistake') {
        throw new RetailError('INVALID_ARGUMENT', 'Invalid reason');
      }
      const refunds: Payment[] = [];
      for (const payment of order.payment_history) {
        refunds.push({
          transaction_type: 'refund',
          amount: payment.amount,
          payment_method_id: payment.payment_method_id,
        });
        const user = this.getUser(order.user_id);
        const method = this.getPaymentMethod(user.user_id, payment.payment_method_id);
        if (method.source === 'gift_card') {
          method.balance = pythonRound2(method.balance + payment.amount);
        }
      }
      order.status = 'cancelled';
      order.cancel_reason = args.reason;
      order.payment_history.push(...refunds);
      return this.orderView(order);
    });
  }

  /**
   * Request an exchange of items of a delivered order for other items of the same product types.
   * A delivered order can be returned or exchanged only once. The price difference is charged to,
   * or refunded to, the given payment method. The order becomes 'exchange requested'. Explain the
   * details and get the user's explicit confirmation (yes) first. Returns the order afterwards.
   * @mutation
   */
  exchange_delivered_order_items(args: {
    /** The order id, e.g. '#W0000000' (note the leading '#'). */
    order_id: string;
    /** Item ids to exchange, e.g. ['1008292230']; an id may appear several times. */
    item_ids: string[];
    /** Item ids to receive instead, position by position; each must be a variant of the same product as the item it replaces. */
    new_item_ids: string[];
    /** Payment method that pays or receives the price difference, e.g. 'gift_card_0000000' or 'credit_card_0000000' (see the user's or the order's details). */
    payment_method_id: string;
  }): ToolResult<Order> {
    return this.attempt(() => {
      const { item_ids, new_item_ids } = args;
      const order = this.getOrder(args.order_id);
      if (order.status !== 'delivered') {
        throw new RetailError('INVALID_STATUS', 'Non-delivered order cannot be exchanged');
      }
      const orderItemIds = order.items.map((item) => item.item_id);
      for (const itemId of item_ids) {
        if (countOf(item_ids, itemId) > countOf(orderItemIds, itemId)) {
          throw new RetailError('NOT_FOUND', `Number of ${itemId} not found.`);
        }
      }
      if (item_ids.length !== new_item_ids.length) {
        throw new RetailError('INVALID_ARGUMENT', 'The number of items to be exchanged should match.');
      }
      let difference = 0;
      for (let i = 0; i < item_ids.length; i++) {
        const itemId = item_ids[i] as string;
        const newItemId = new_item_ids[i] as string;
        const item = order.items.find((candidate) => candidate.item_id === itemId);
        if (item === undefined) throw new RetailError('NOT_FOUND', `Item ${itemId} not found`);
        const variant = this.getVariant(item.product_id, newItemId);
        if (!variant.available) {
          throw new RetailError('UNAVAILABLE', `New item ${newItemId} not found or available`);
        }
        difference += variant.price - item.price;
      }
      difference = pythonRound2(difference);
      const method = this.getPaymentMethod(order.user_id, args.payment_method_id);
      if (method.source === 'gift_card' && method.balance < difference) {
        throw new RetailError(
          'INSUFFICIENT_BALANCE',
          'Insufficient gift card balance to pay for the price difference',
        );
      }
      order.status = 'exchange requested';
      order.exchange_items = sortedByCodePoint(item_ids);
      order.exchange_new_items = sortedByCodePoint(new_item_ids);
      order.exchange_payment_method_id = args.payment_method_id;
      order.exchange_price_difference = difference;
      return this.orderView(order);
    });
  }

  /**
   * Find a user id by first name, last name and zip code (names compared case-insensitively).
   * Prefer finding the user by email; use this only when the user cannot give their email or it is
   * not found.
   * @query
   */
  find_user_id_by_name_zip(args: {
    /** The customer's first name, e.g. 'John'. */
    first_name: string;
    /** The customer's last name, e.g. 'Doe'. */
    last_name: string;
    /** The zip code of the customer's default address, e.g. '12345'. */
    zip: string;
  }): ToolResult<string> {
    return this.attempt(() => {
      const first = args.first_name.toLowerCase();
      const last = args.last_name.toLowerCase();
      for (const userId of Object.keys(this.state.users)) {
        const user = this.state.users[userId] as User;
        if (
          user.name.first_name.toLowerCase() === first &&
          user.name.last_name.toLowerCase() === last &&
          user.address.zip === args.zip
        ) {
          return userId;
        }
      }
      throw new RetailError('NOT_FOUND', 'User not found');
    });
  }

  /**
   * Find a user id by email address (compared case-insensitively).
   * @query
   */
  find_user_id_by_email(args: {
    /** The user's email, e.g. 'something@example.com'. */
    email: string;
  }): ToolResult<string> {
    return this.attempt(() => {
      const email = args.email.toLowerCase();
      for (const userId of Object.keys(this.state.users)) {
        if ((this.state.users[userId] as User).email.toLowerCase() === email) return userId;
      }
      throw new RetailError('NOT_FOUND', 'User not found');
    });
  }

  /**
   * Get the status and full details of an order.
   * @query
   */
  get_order_details(args: {
    /** The order id, e.g. '#W0000000' (note the leading '#'). */
    order_id: string;
  }): ToolResult<Order> {
    return this.attempt(() => this.orderView(this.getOrder(args.order_id)));
  }

  /**
   * Get the inventory details of a product type: its name and every variant with options, availability and price.
   * @query
   */
  get_product_details(args: {
    /** The product id, e.g. '6086499569'. A product id is not an item id. */
    product_id: string;
  }): ToolResult<Product> {
    return this.attempt(() => copyJson(this.getProduct(args.product_id)));
  }

  /**
   * Get the inventory details of one item (variant): options, availability and price.
   * @query
   */
  get_item_details(args: {
    /** The item id, e.g. '1008292230'. An item id is not a product id. */
    item_id: string;
  }): ToolResult<Variant> {
    return this.attempt(() => copyJson(this.getItem(args.item_id)));
  }

  /**
   * Get a user's details: name, address, email, payment methods and order ids.
   * @query
   */
  get_user_details(args: {
    /** The user id, e.g. 'sara_doe_496'. */
    user_id: string;
  }): ToolResult<User> {
    return this.attempt(() => copyJson(this.getUser(args.user_id)));
  }

  /**
   * List every product type (there are 50) as a JSON text mapping product name to product id,
   * sorted by name. Each product type has several items with their own item ids and options.
   * @query
   */
  list_all_product_types(): ToolResult<string> {
    return this.attempt(() => {
      const byName: Record<string, string> = {};
      for (const product of Object.values(this.state.products)) {
        byName[product.name] = product.product_id;
      }
      return pythonJsonDumpsSorted(byName);
    });
  }

  /**
   * Change the shipping address of a pending order (status 'pending' or 'pending (item
   * modified)'). Explain the change and get the user's explicit confirmation (yes) first. Returns
   * the order afterwards.
   * @mutation
   */
  modify_pending_order_address(args: {
    /** The order id, e.g. '#W0000000' (note the leading '#'). */
    order_id: string;
    /** First address line, e.g. '123 Main St'. */
    address1: string;
    /** Second address line, e.g. 'Apt 1', or '' if none. */
    address2: string;
    /** City, e.g. 'San Francisco'. */
    city: string;
    /** State, e.g. 'CA'. */
    state: string;
    /** Country, e.g. 'USA'. */
    country: string;
    /** Zip code, e.g. '12345'. */
    zip: string;
  }): ToolResult<Order> {
    return this.attempt(() => {
      const order = this.getOrder(args.order_id);
      if (!order.status.includes('pending')) {
        throw new RetailError('INVALID_STATUS', 'Non-pending order cannot be modified');
      }
      order.address = makeAddress(args);
      return this.orderView(order);
    });
  }

  /**
   * Replace items of a pending order with other items of the same product types. Works only once
   * per order (status must be exactly 'pending'; afterwards it is 'pending (item modified)'). The
   * price difference is charged to, or refunded to, the given payment method; a gift card must
   * cover a positive difference. Explain the details and get the user's explicit confirmation
   * (yes) first. Returns the order afterwards.
   * @mutation
   */
  modify_pending_order_items(args: {
    /** The order id, e.g. '#W0000000' (note the leading '#'). */
    order_id: string;
    /** Item ids to replace, e.g. ['1008292230']; an id may appear several times. */
    item_ids: string[];
    /** Item ids to put in their place, position by position; each must be a different variant of the same product. */
    new_item_ids: string[];
    /** Payment method that pays or receives the price difference, e.g. 'gift_card_0000000' or 'credit_card_0000000' (see the user's or the order's details). */
    payment_method_id: string;
  }): ToolResult<Order> {
    return this.attempt(() => {
      const { item_ids, new_item_ids } = args;
      const order = this.getOrder(args.order_id);
      if (order.status !== 'pending') {
        throw new RetailError('INVALID_STATUS', 'Non-pending order cannot be modified');
      }
      const orderItemIds = order.items.map((item) => item.item_id);
      for (const itemId of item_ids) {
        if (countOf(item_ids, itemId) > countOf(orderItemIds, itemId)) {
          throw new RetailError('NOT_FOUND', `${itemId} not found`);
        }
      }
      if (item_ids.length !== new_item_ids.length) {
        throw new RetailError('INVALID_ARGUMENT', 'The number of items to be exchanged should match');
      }
      let difference = 0;
      // The reference prices and describes every modified item with the LAST new variant checked
      // here (a quirk reproduced on purpose: it only matters when several items change at once).
      let lastVariant: Variant | undefined;
      for (let i = 0; i < item_ids.length; i++) {
        const itemId = item_ids[i] as string;
        const newItemId = new_item_ids[i] as string;
        if (itemId === newItemId) {
          throw new RetailError(
            'INVALID_ARGUMENT',
            'The new item id should be different from the old item id',
          );
        }
        const item = order.items.find((candidate) => candidate.item_id === itemId);
        if (item === undefined) throw new RetailError('NOT_FOUND', `Item ${itemId} not found`);
        lastVariant = this.getVariant(item.product_id, newItemId);
        if (!lastVariant.available) {
          throw new RetailError('UNAVAILABLE', `New item ${newItemId} not found or available`);
        }
        difference += lastVariant.price - item.price;
      }
      const method = this.getPaymentMethod(order.user_id, args.payment_method_id);
      if (method.source === 'gift_card' && method.balance < difference) {
        throw new RetailError(
          'INSUFFICIENT_BALANCE',
          'Insufficient gift card balance to pay for the new item',
        );
      }
      order.payment_history.push({
        transaction_type: difference > 0 ? 'payment' : 'refund',
        amount: Math.abs(difference),
        payment_method_id: args.payment_method_id,
      });
      if (method.source === 'gift_card') {
        method.balance = pythonRound2(method.balance - difference);
      }
      for (let i = 0; i < item_ids.length; i++) {
        const itemId = item_ids[i] as string;
        const item = order.items.find((candidate) => candidate.item_id === itemId);
        if (item === undefined || lastVariant === undefined) {
          throw new RetailError('NOT_FOUND', `Item ${itemId} not found`);
        }
        item.item_id = new_item_ids[i] as string;
        item.price = lastVariant.price;
        item.options = { ...lastVariant.options };
      }
      order.status = 'pending (item modified)';
      return this.orderView(order);
    });
  }

  /**
   * Pay for a pending order with a different payment method: the new method is charged the order
   * amount and the original one is refunded (gift cards are debited/credited at once). The order
   * must have exactly one payment so far. Explain the change and get the user's explicit
   * confirmation (yes) first. Returns the order afterwards.
   * @mutation
   */
  modify_pending_order_payment(args: {
    /** The order id, e.g. '#W0000000' (note the leading '#'). */
    order_id: string;
    /** The new payment method, e.g. 'gift_card_0000000' or 'credit_card_0000000' (see the user's or the order's details). */
    payment_method_id: string;
  }): ToolResult<Order> {
    return this.attempt(() => {
      const order = this.getOrder(args.order_id);
      if (!order.status.includes('pending')) {
        throw new RetailError('INVALID_STATUS', 'Non-pending order cannot be modified');
      }
      const method = this.getPaymentMethod(order.user_id, args.payment_method_id);
      const first = order.payment_history[0];
      if (order.payment_history.length !== 1 || first === undefined || first.transaction_type !== 'payment') {
        throw new RetailError('INVALID_STATE', 'There should be exactly one payment for a pending order');
      }
      if (first.payment_method_id === args.payment_method_id) {
        throw new RetailError(
          'INVALID_ARGUMENT',
          'The new payment method should be different from the current one',
        );
      }
      const amount = first.amount;
      if (method.source === 'gift_card' && method.balance < amount) {
        throw new RetailError('INSUFFICIENT_BALANCE', 'Insufficient gift card balance to pay for the order');
      }
      order.payment_history.push(
        { transaction_type: 'payment', amount, payment_method_id: args.payment_method_id },
        { transaction_type: 'refund', amount, payment_method_id: first.payment_method_id },
      );
      if (method.source === 'gift_card') {
        method.balance = pythonRound2(method.balance - amount);
      }
      const oldMethod = this.getPaymentMethod(order.user_id, first.payment_method_id);
      if (oldMethod.source === 'gift_card') {
        oldMethod.balance = pythonRound2(oldMethod.balance + amount);
      }
      return this.orderView(order);
    });
  }

  /**
   * Change a user's default address. Explain the change and get the user's explicit confirmation
   * (yes) first. Returns the user afterwards.
   * @mutation
   */
  modify_user_address(args: {
    /** The user id, e.g. 'sara_doe_496'. */
    user_id: string;
    /** First address line, e.g. '123 Main St'. */
    address1: string;
    /** Second address line, e.g. 'Apt 1', or '' if none. */
    address2: string;
    /** City, e.g. 'San Francisco'. */
    city: string;
    /** State, e.g. 'CA'. */
    state: string;
    /** Country, e.g. 'USA'. */
    country: string;
    /** Zip code, e.g. '12345'. */
    zip: string;
  }): ToolResult<User> {
    return this.attempt(() => {
      const user = this.getUser(args.user_id);
      user.address = makeAddress(args);
      return copyJson(user);
    });
  }

  /**
   * Request the return of items of a delivered order. The refund goes to the original payment
   * method or to a gift card of the user. The order becomes 'return requested' and the user gets an
   * email on how to send the items back. Explain the details and get the user's explicit
   * confirmation (yes) first. Returns the order afterwards.
   * @mutation
   */
  return_delivered_order_items(args: {
    /** The order id, e.g. '#W0000000' (note the leading '#'). */
    order_id: string;
    /** Item ids to return, e.g. ['1008292230']; an id may appear several times. */
    item_ids: string[];
    /** Payment method for the refund: the order's original payment method or a gift card, e.g. 'gift_card_0000000' or 'credit_card_0000000' (see the user's or the order's details). */
    payment_method_id: string;
  }): ToolResult<Order> {
    return this.attempt(() => {
      const order = this.getOrder(args.order_id);
      if (order.status !== 'delivered') {
        throw new RetailError('INVALID_STATUS', 'Non-delivered order cannot be returned');
      }
      const user = this.getUser(order.user_id);
      const method = this.getPaymentMethod(user.user_id, args.payment_method_id);
      if (method.source !== 'gift_card') {
        const first = order.payment_history[0];
        if (first === undefined) throw new RetailError('INTERNAL_ERROR', 'list index out of range');
        if (args.payment_method_id !== first.payment_method_id) {
          throw new RetailError('INVALID_ARGUMENT', 'Payment method should be the original payment method');
        }
      }
      const orderItemIds = order.items.map((item) => item.item_id);
      for (const itemId of args.item_ids) {
        if (countOf(args.item_ids, itemId) > countOf(orderItemIds, itemId)) {
          throw new RetailError('NOT_FOUND', 'Some item not found');
        }
      }
      order.status = 'return requested';
      order.return_items = sortedByCodePoint(args.item_ids);
      order.return_payment_method_id = args.payment_method_id;
      return this.orderView(order);
    });
  }

  /**
   * Transfer the user to a human agent, with a summary of the issue. Transfer only if the user
   * explicitly asks for a human, or if the policy and the available tools cannot resolve the issue.
   * @query
   */
  transfer_to_human_agents(args: {
    /** A summary of the user's issue. */
    summary: string;
  }): ToolResult<string> {
    void args;
    return this.ok('Transfer successful');
  }

  // ---- private helpers (not tools) ------------------------------------------------------------

  /** Run a tool body; a RetailError becomes a failed result, anything else propagates. */
  private attempt<T>(body: () => T): ToolResult<T> {
    try {
      return this.ok(body());
    } catch (error) {
      if (error instanceof RetailError) return this.fail(error.code, error.message);
      throw error;
    }
  }

  private getOrder(orderId: string): Order {
    const order = ownValue(this.state.orders, orderId);
    if (order === undefined) throw new RetailError('NOT_FOUND', 'Order not found');
    return order;
  }

  private getUser(userId: string): User {
    const user = ownValue(this.state.users, userId);
    if (user === undefined) throw new RetailError('NOT_FOUND', 'User not found');
    return user;
  }

  private getProduct(productId: string): Product {
    const product = ownValue(this.state.products, productId);
    if (product === undefined) throw new RetailError('NOT_FOUND', 'Product not found');
    return product;
  }

  private getItem(itemId: string): Variant {
    for (const product of Object.values(this.state.products)) {
      const variant = ownValue(product.variants, itemId);
      if (variant !== undefined) return variant;
    }
    throw new RetailError('NOT_FOUND', 'Item not found');
  }

  private getVariant(productId: string, itemId: string): Variant {
    const variant = ownValue(this.getProduct(productId).variants, itemId);
    if (variant === undefined) throw new RetailError('NOT_FOUND', 'Variant not found');
    return variant;
  }

  private getPaymentMethod(userId: string, paymentMethodId: string): PaymentMethod {
    const method = ownValue(this.getUser(userId).payment_methods, paymentMethodId);
    if (method === undefined) throw new RetailError('NOT_FOUND', 'Payment method not found');
    return method;
  }

  /** A detached copy of an order with every optional field present (null when unset), as the reference reports orders. */
  private orderView(order: Order): Order {
    const copy = copyJson(order);
    return {
      order_id: copy.order_id,
      user_id: copy.user_id,
      address: copy.address,
      items: copy.items,
      status: copy.status,
      fulfillments: copy.fulfillments,
      payment_history: copy.payment_history,
      cancel_reason: copy.cancel_reason ?? null,
      exchange_items: copy.exchange_items ?? null,
      exchange_new_items: copy.exchange_new_items ?? null,
      exchange_payment_method_id: copy.exchange_payment_method_id ?? null,
      exchange_price_difference: copy.exchange_price_difference ?? null,
      return_items: copy.return_items ?? null,
      return_payment_method_id: copy.return_payment_method_id ?? null,
    };
  }
}

// ---------------------------------------------------------------------------------------------
// Module-private helpers. Nothing here is exported: the module runs inside the sandbox, so it
// cannot import anything but '@envscaler/core'.
// ---------------------------------------------------------------------------------------------

/** A tool failure: becomes `{ ok: false, error: { code, message } }`. */
class RetailError extends Error {
  code: string;

  constructor(code: string, message: string) {
    super(message);
    this.code = code;
  }
}

function ownValue<T>(map: Record<string, T>, key: string): T | undefined {
  return Object.prototype.hasOwnProperty.call(map, key) ? map[key] : undefined;
}

function countOf(list: readonly string[], value: string): number {
  let count = 0;
  for (const entry of list) if (entry === value) count++;
  return count;
}

/** Python's string order: by code point (JS's default sort compares UTF-16 code units). */
function compareCodePoints(a: string, b: string): number {
  const left = Array.from(a);
  const right = Array.from(b);
  const length = Math.min(left.length, right.length);
  for (let i = 0; i < length; i++) {
    const x = (left[i] as string).codePointAt(0) as number;
    const y = (right[i] as string).codePointAt(0) as number;
    if (x !== y) return x < y ? -1 : 1;
  }
  return left.length - right.length;
}

function sortedByCodePoint(list: readonly string[]): string[] {
  return [...list].sort(compareCodePoints);
}

function copyJson<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

function makeAddress(args: {
  address1: string;
  address2: string;
  city: string;
  state: string;
  country: string;
  zip: string;
}): Address {
  return {
    address1: args.address1,
    address2: args.address2,
    city: args.city,
    country: args.country,
    state: args.state,
    zip: args.zip,
  };
}

/** A JSON string literal as Python's json.dumps writes it with ensure_ascii=True. */
function pythonJsonString(text: string): string {
  const escaped = text.replace(/[\\"]|[^ -~]/g, (ch) => {
    switch (ch) {
      case '\\':
        return '\\\\';
      case '"':
        return '\\"';
      case '\n':
        return '\\n';
      case '\r':
        return '\\r';
      case '\t':
        return '\\t';
      case '\b':
        return '\\b';
      case '\f':
        return '\\f';
      default:
        return '\\u' + ch.charCodeAt(0).toString(16).padStart(4, '0');
    }
  });
  return '"' + escaped + '"';
}

/** Python's json.dumps(mapping, sort_keys=True) for a flat string → string mapping. */
function pythonJsonDumpsSorted(mapping: Record<string, string>): string {
  const keys = Object.keys(mapping).sort(compareCodePoints);
  const parts = keys.map((key) => `${pythonJsonString(key)}: ${pythonJsonString(mapping[key] as string)}`);
  return '{' + parts.join(', ') + '}';
}

// ---- Python float semantics --------------------------------------------------------------------

/**
 * Python's round(x, 2) for a float: correctly rounded to 2 decimals with ties (exact binary
 * halves such as 0.125) going to the even neighbour.
 */
function pythonRound2(x: number): number {
  if (x === 0 || !Number.isFinite(x) || Math.abs(x) >= 2 ** 52) return x;
  const eighths = x * 8; // exact
  if (Number.isInteger(eighths) && Math.abs(eighths) % 2 === 1) {
    // x = m/8 with m odd, so 100·x = 12.5·m lies exactly halfway between two integers.
    const twiceHundredths = BigInt(25) * BigInt(eighths);
    let low = twiceHundredths / BigInt(2);
    if (twiceHundredths < BigInt(0)) low -= BigInt(1); // floor for negatives (the quotient truncated)
    const chosen = low % BigInt(2) === BigInt(0) ? low : low + BigInt(1);
    const negative = chosen < BigInt(0);
    const digits = (negative ? -chosen : chosen).toString().padStart(3, '0');
    const text = `${negative ? '-' : ''}${digits.slice(0, -2)}.${digits.slice(-2)}`;
    return Number(text);
  }
  return Number(x.toFixed(2));
}

/** The shortest round-tripping decimal digits of a positive finite x, and its decimal exponent. */
function shortestDigits(x: number): { digits: string; exponent: number } {
  const [mantissa, exponent] = x.toExponential().split('e') as [string, string];
  return { digits: mantissa.replace('.', ''), exponent: Number(exponent) };
}

/** Python's repr(float); with `addDotZero` false it is the form used inside complex reprs. */
function pythonFloatRepr(x: number, addDotZero = true): string {
  if (Number.isNaN(x)) return 'nan';
  if (x === Infinity) return 'inf';
  if (x === -Infinity) return '-inf';
  if (x === 0) return (Object.is(x, -0) ? '-0' : '0') + (addDotZero ? '.0' : '');
  const sign = x < 0 ? '-' : '';
  const { digits, exponent } = shortestDigits(Math.abs(x));
  const pointPosition = exponent + 1;
  if (pointPosition > 16 || pointPosition <= -4) {
    const mantissa = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    const exponentText = String(Math.abs(exponent)).padStart(2, '0');
    return `${sign}${mantissa}e${exponent < 0 ? '-' : '+'}${exponentText}`;
  }
  if (pointPosition <= 0) return `${sign}0.${'0'.repeat(-pointPosition)}${digits}`;
  if (pointPosition >= digits.length) {
    return `${sign}${digits}${'0'.repeat(pointPosition - digits.length)}${addDotZero ? '.0' : ''}`;
  }
  return `${sign}${digits.slice(0, pointPosition)}.${digits.slice(pointPosition)}`;
}

// ---- calculate: a safe evaluator for the Python expressions the reference accepts ---------------
//
// The reference checks that the text only uses "0123456789+-*/(). " and then lets Python evaluate
// it, so the language is Python's expression grammar restricted to that alphabet: int and float
// literals, unary + and -, + - * / // **, parentheses, calls such as `2(3)`, the empty tuple `()`
// and the Ellipsis `...`. This evaluator reproduces Python's values (arbitrary-precision ints,
// IEEE floats, complex numbers from negative bases raised to fractional powers) and the texts of
// its exceptions.

const ALLOWED_CHARACTERS = '0123456789+-*/(). ';
const MAX_PAREN_LEVEL = 200; // Python's tokenizer limit
const MAX_AST_DEPTH = 2994; // where CPython 3.12's compiler gives up on deep unary or +/- chains
const MAX_INT_BITS = 1 << 20; // guard on integer sizes, ~1000 times what a float can hold
const MAX_INT_LITERAL_DIGITS = 4300; // sys.int_info.default_max_str_digits
const NEVER_CLOSED = "'(' was never closed";

function syntaxError(message: string, line = 1): RetailError {
  return new RetailError('INVALID_EXPRESSION', `${message} (<string>, line ${line})`);
}

function pyError(
  kind: 'TypeError' | 'ZeroDivisionError' | 'OverflowError' | 'ValueError',
  message: string,
): RetailError {
  const code = {
    TypeError: 'TYPE_ERROR',
    ZeroDivisionError: 'DIVISION_BY_ZERO',
    OverflowError: 'OVERFLOW',
    ValueError: 'INVALID_EXPRESSION',
  }[kind];
  return new RetailError(code, message);
}

type TokenKind = 'number' | 'ellipsis' | 'op' | 'end' | 'error';

interface Token {
  kind: TokenKind;
  text: string;
  /** Parenthesis depth after this token (Python's token level). */
  level: number;
}

/** Tokenize like CPython; the stream always ends with an 'end' or an 'error' token. */
function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let level = 0;
  let i = 0;
  const isDigit = (ch: string | undefined): boolean => ch !== undefined && ch >= '0' && ch <= '9';
  const fail = (message: string): Token[] => {
    tokens.push({ kind: 'error', text: message, level });
    return tokens;
  };
  while (i < source.length) {
    const ch = source[i] as string;
    if (ch === ' ') {
      i++;
      continue;
    }
    const start = i;
    if (isDigit(ch) || (ch === '.' && isDigit(source[i + 1]))) {
      if (ch === '.') {
        i++;
        while (isDigit(source[i])) i++;
      } else if (ch === '0') {
        while (source[i] === '0') i++;
        let nonZero = false;
        if (isDigit(source[i])) {
          nonZero = true;
          while (isDigit(source[i])) i++;
        }
        if (source[i] === '.') {
          i++;
          while (isDigit(source[i])) i++;
        } else if (nonZero) {
          return fail(
            'leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers',
          );
        }
      } else {
        while (isDigit(source[i])) i++;
        if (source[i] === '.') {
          i++;
          while (isDigit(source[i])) i++;
        }
      }
      tokens.push({ kind: 'number', text: source.slice(start, i), level });
      continue;
    }
    if (ch === '.') {
      if (source[i + 1] === '.' && source[i + 2] === '.') {
        tokens.push({ kind: 'ellipsis', text: '...', level });
        i += 3;
      } else {
        tokens.push({ kind: 'op', text: '.', level });
        i++;
      }
      continue;
    }
    if (ch === '(') {
      if (level >= MAX_PAREN_LEVEL) return fail('too many nested parentheses');
      level++;
      tokens.push({ kind: 'op', text: '(', level });
      i++;
      continue;
    }
    if (ch === ')') {
      if (level === 0) return fail("unmatched ')'");
      level--;
      tokens.push({ kind: 'op', text: ')', level });
      i++;
      continue;
    }
    // '*', '**', '/', '//', '+', '-'
    if ((ch === '*' || ch === '/') && source[i + 1] === ch) {
      tokens.push({ kind: 'op', text: ch + ch, level });
      i += 2;
    } else {
      tokens.push({ kind: 'op', text: ch, level });
      i++;
    }
  }
  if (level > 0) return fail(NEVER_CLOSED);
  tokens.push({ kind: 'end', text: '', level });
  return tokens;
}

type CallArgument = { kind: 'plain' | 'star' | 'doubleStar'; value: Node };

type Node =
  | { kind: 'int'; text: string }
  | { kind: 'float'; text: string }
  | { kind: 'ellipsis' }
  | { kind: 'tuple' }
  | { kind: 'unary'; op: '+' | '-'; operand: Node }
  | { kind: 'binary'; op: string; left: Node; right: Node }
  | { kind: 'call'; callee: Node; argument: CallArgument | null };

/** Thrown by the parser when an alternative does not match (PEG-style backtracking). */
class NoMatch {}
const NO_MATCH = new NoMatch();

/**
 * A recursive-descent, backtracking parser for Python's expression grammar on the calculator
 * alphabet. `diagnose` turns on the error-pass rules CPython uses to pick a specific message.
 */
class ExpressionParser {
  private position = 0;
  private readonly tokens: Token[];
  private readonly diagnose: boolean;
  private readonly memo = new Map<number, { node: Node; end: number } | null>();
  /** A plain (non-diagnosing) parser over the same tokens, for the missing-comma check. */
  private plainParser: ExpressionParser | null = null;

  constructor(tokens: Token[], diagnose: boolean) {
    this.tokens = tokens;
    this.diagnose = diagnose;
  }

  parseAll(): Node {
    const node = this.expression();
    if (this.peek().kind !== 'end') throw NO_MATCH;
    return node;
  }

  /**
   * The next token. Like CPython's parser, touching the end of an input that still has an open
   * parenthesis raises "'(' was never closed" on the spot, in either pass.
   */
  private peek(): Token {
    const token = this.tokens[this.position] as Token;
    if (token.kind === 'error') throw syntaxError(token.text);
    return token;
  }

  private isOp(text: string): boolean {
    const token = this.peek();
    return token.kind === 'op' && token.text === text;
  }

  private expect(text: string): void {
    if (!this.isOp(text)) throw NO_MATCH;
    this.position++;
  }

  private expression(): Node {
    if (this.diagnose) this.checkMissingComma();
    return this.sum();
  }

  /**
   * CPython's invalid_expression rule: two complete expressions side by side inside brackets are
   * reported as "Perhaps you forgot a comma?".
   */
  private checkMissingComma(): void {
    const start = this.position;
    try {
      this.sum();
      if (this.plainParser === null) this.plainParser = new ExpressionParser(this.tokens, false);
      const plain = this.plainParser;
      plain.position = this.position;
      plain.sum();
      const last = this.tokens[plain.position - 1] as Token;
      if (last.level !== 0) throw syntaxError('invalid syntax. Perhaps you forgot a comma?');
    } catch (error) {
      if (!(error instanceof NoMatch)) throw error;
    } finally {
      this.position = start;
    }
  }

  private sum(): Node {
    const start = this.position;
    const cached = this.memo.get(start);
    if (cached !== undefined) {
      if (cached === null) throw NO_MATCH;
      this.position = cached.end;
      return cached.node;
    }
    try {
      let node = this.term();
      while (this.isOp('+') || this.isOp('-')) {
        const save = this.position;
        const op = this.peek().text;
        this.position++;
        try {
          node = { kind: 'binary', op, left: node, right: this.term() };
        } catch (error) {
          if (!(error instanceof NoMatch)) throw error;
          this.position = save;
          break;
        }
      }
      this.memo.set(start, { node, end: this.position });
      return node;
    } catch (error) {
      if (error instanceof NoMatch) this.memo.set(start, null);
      throw error;
    }
  }

  private term(): Node {
    let node = this.factor();
    while (this.isOp('*') || this.isOp('/') || this.isOp('//')) {
      const save = this.position;
      const op = this.peek().text;
      this.position++;
      try {
        node = { kind: 'binary', op, left: node, right: this.factor() };
      } catch (error) {
        if (!(error instanceof NoMatch)) throw error;
        this.position = save;
        break;
      }
    }
    return node;
  }

  /** factor: ('+' | '-') factor | power, with power: primary ['**' factor] (right-associative). */
  private factor(): Node {
    const signs = this.signs();
    const bases: Node[] = [this.primary()];
    const exponentSigns: ('+' | '-')[][] = [];
    while (this.isOp('**')) {
      const save = this.position;
      this.position++;
      try {
        const nextSigns = this.signs();
        const base = this.primary();
        exponentSigns.push(nextSigns);
        bases.push(base);
      } catch (error) {
        if (!(error instanceof NoMatch)) throw error;
        this.position = save;
        break;
      }
    }
    let node = bases[bases.length - 1] as Node;
    for (let i = bases.length - 2; i >= 0; i--) {
      node = applySigns(exponentSigns[i] as ('+' | '-')[], node);
      node = { kind: 'binary', op: '**', left: bases[i] as Node, right: node };
    }
    return applySigns(signs, node);
  }

  private signs(): ('+' | '-')[] {
    const signs: ('+' | '-')[] = [];
    while (this.isOp('+') || this.isOp('-')) {
      signs.push(this.peek().text as '+' | '-');
      this.position++;
    }
    return signs;
  }

  private primary(): Node {
    let node = this.atom();
    for (;;) {
      if (this.isOp('.')) {
        // `primary '.' NAME`: CPython looks at the token after the dot for a name; there is none.
        this.position++;
        this.peek();
        this.position--;
        return node;
      }
      if (!this.isOp('(')) return node;
      const save = this.position;
      this.position++;
      try {
        let argument: CallArgument | null = null;
        if (!this.isOp(')')) {
          if (this.isOp('*')) {
            this.position++;
            argument = { kind: 'star', value: this.expression() };
          } else if (this.isOp('**')) {
            this.position++;
            argument = { kind: 'doubleStar', value: this.expression() };
          } else {
            argument = { kind: 'plain', value: this.expression() };
          }
        }
        this.expect(')');
        node = { kind: 'call', callee: node, argument };
      } catch (error) {
        if (!(error instanceof NoMatch)) throw error;
        this.position = save;
        return node;
      }
    }
  }

  private atom(): Node {
    const token = this.peek();
    if (token.kind === 'number') {
      this.position++;
      if (token.text.includes('.')) return { kind: 'float', text: token.text };
      if (token.text.length > MAX_INT_LITERAL_DIGITS && /[1-9]/.test(token.text)) {
        throw syntaxError(
          `Exceeds the limit (${MAX_INT_LITERAL_DIGITS} digits) for integer string conversion: value has ${token.text.length} digits; use sys.set_int_max_str_digits() to increase the limit - Consider hexadecimal for huge integer literals to avoid decimal conversion limits.`,
        );
      }
      return { kind: 'int', text: token.text };
    }
    if (token.kind === 'ellipsis') {
      this.position++;
      return { kind: 'ellipsis' };
    }
    if (!this.isOp('(')) throw NO_MATCH;
    this.position++;
    if (this.isOp(')')) {
      this.position++;
      return { kind: 'tuple' };
    }
    if (this.isOp('*') || this.isOp('**')) {
      // Only valid with a trailing comma (a tuple), which this alphabet cannot write. CPython's
      // tuple alternative still reads the starred operand and the token after it.
      if (this.isOp('*')) {
        const start = this.position;
        this.position++;
        try {
          this.sum();
          this.peek();
        } catch (error) {
          if (!(error instanceof NoMatch)) throw error;
        }
        this.position = start;
      }
      if (this.diagnose) {
        const double = this.isOp('**');
        const start = this.position;
        this.position++;
        try {
          this.expression();
          this.expect(')');
          throw syntaxError(
            double ? 'cannot use double starred expression here' : 'cannot use starred expression here',
          );
        } catch (error) {
          if (!(error instanceof NoMatch)) throw error;
          this.position = start;
        }
      }
      throw NO_MATCH;
    }
    const inner = this.expression();
    this.expect(')');
    return inner;
  }
}

function applySigns(signs: ('+' | '-')[], node: Node): Node {
  let result = node;
  for (let i = signs.length - 1; i >= 0; i--)
    result = { kind: 'unary', op: signs[i] as '+' | '-', operand: result };
  return result;
}

function parseExpression(expression: string): Node {
  // eval() ignores leading spaces; an empty input is reported on line 0.
  const source = expression.replace(/^ +/, '');
  const tokens = tokenize(source);
  if (source.trim() === '') throw syntaxError('invalid syntax', 0);
  // CPython re-tokenizes the whole source after a parse error and reports a tokenizer error in
  // preference to any parser message, so such an error decides the message outright. An open
  // parenthesis at the end is different: it is reported only if the parser reaches the end.
  const last = tokens[tokens.length - 1] as Token;
  if (last.kind === 'error' && last.text !== NEVER_CLOSED) throw syntaxError(last.text);
  try {
    return new ExpressionParser(tokens, false).parseAll();
  } catch (error) {
    if (!(error instanceof NoMatch)) throw error;
  }
  try {
    new ExpressionParser(tokens, true).parseAll();
  } catch (error) {
    if (!(error instanceof NoMatch)) throw error;
  }
  throw syntaxError('invalid syntax');
}

function depthOf(node: Node): number {
  // Iterative, so that a pathological input cannot exhaust the stack here.
  let deepest = 0;
  const stack: [Node, number][] = [[node, 1]];
  while (stack.length > 0) {
    const [current, depth] = stack.pop() as [Node, number];
    if (depth > deepest) deepest = depth;
    if (current.kind === 'unary') stack.push([current.operand, depth + 1]);
    else if (current.kind === 'binary') stack.push([current.left, depth + 1], [current.right, depth + 1]);
    else if (current.kind === 'call') {
      stack.push([current.callee, depth + 1]);
      if (current.argument !== null) stack.push([current.argument.value, depth + 1]);
    }
  }
  return deepest;
}

type PyValue =
  | { type: 'int'; value: bigint }
  | { type: 'float'; value: number }
  | { type: 'complex'; re: number; im: number }
  | { type: 'tuple' }
  | { type: 'ellipsis' };

const ZERO = BigInt(0);
const ONE = BigInt(1);
const TWO = BigInt(2);
const TWO_POW_53 = BigInt(2) ** BigInt(53);

function bitLength(value: bigint): number {
  const magnitude = value < ZERO ? -value : value;
  return magnitude === ZERO ? 0 : magnitude.toString(2).length;
}

function intToFloat(value: bigint): number {
  const result = Number(value);
  if (!Number.isFinite(result)) throw pyError('OverflowError', 'int too large to convert to float');
  return result;
}

function ldexp(x: number, exponent: number): number {
  let result = x;
  let e = exponent;
  while (e > 1023) {
    result *= 2 ** 1023;
    e -= 1023;
  }
  while (e < -1022) {
    result *= 2 ** -1022;
    e += 1022;
  }
  return result * 2 ** e;
}

/**
 * The float nearest to (numerator / denominator) · 2^exponent2 for positive big integers, rounded
 * once (ties to even): the integer quotient is taken with 55+ significant bits plus a sticky bit.
 */
function roundedRatio(numerator: bigint, denominator: bigint, exponent2: number): number {
  const shift = bitLength(denominator) - bitLength(numerator) + 55;
  let quotient: bigint;
  let remainder: bigint;
  if (shift >= 0) {
    const scaled = numerator << BigInt(shift);
    quotient = scaled / denominator;
    remainder = scaled % denominator;
  } else {
    const scaled = denominator << BigInt(-shift);
    quotient = numerator / scaled;
    remainder = numerator % scaled;
  }
  const withSticky = quotient * TWO + (remainder === ZERO ? ZERO : ONE);
  return ldexp(Number(withSticky), exponent2 - shift - 1);
}

/** Python's int / int: the correctly rounded quotient. */
function intTrueDivide(a: bigint, b: bigint): number {
  if (b === ZERO) throw pyError('ZeroDivisionError', 'division by zero');
  const negative = a < ZERO !== b < ZERO;
  const x = a < ZERO ? -a : a;
  const y = b < ZERO ? -b : b;
  if (x <= TWO_POW_53 && y <= TWO_POW_53) return Number(a) / Number(b);
  if (x === ZERO) return negative ? -0 : 0;
  const magnitude = roundedRatio(x, y, 0);
  if (!Number.isFinite(magnitude)) {
    throw pyError('OverflowError', 'integer division result too large for a float');
  }
  return negative ? -magnitude : magnitude;
}

/** A positive finite float as mantissa · 2^exponent with an integer mantissa. */
function splitFloat(x: number): { mantissa: bigint; exponent: number } {
  let exponent = 0;
  let m = x;
  while (!Number.isInteger(m)) {
    m *= 2;
    exponent--;
  }
  while (m >= 2 ** 53) {
    m /= 2;
    exponent++;
  }
  return { mantissa: BigInt(m), exponent };
}

// Fixed-point arithmetic with FIXED_BITS fractional bits, for a correctly rounded x ** y
// (JavaScript's Math.pow may be off by an ulp; the C library's pow that Python uses is not).
const FIXED_BITS = 160;
const FIXED_ONE = ONE << BigInt(FIXED_BITS);
let fixedLn2: bigint | null = null;

/** 2·atanh(t) = ln((1 + t) / (1 - t)) for a fixed-point |t| ≤ 1/3. */
function fixedTwiceAtanh(t: bigint): bigint {
  // BigInt division truncates toward zero, so the terms of a negative t also reach 0.
  const tSquared = (t * t) / FIXED_ONE;
  let power = t;
  let sum = ZERO;
  for (let k = 1; power !== ZERO; k += 2) {
    sum += power / BigInt(k);
    power = (power * tSquared) / FIXED_ONE;
  }
  return sum * TWO;
}

function ln2Fixed(): bigint {
  if (fixedLn2 === null) fixedLn2 = fixedTwiceAtanh(FIXED_ONE / BigInt(3));
  return fixedLn2;
}

/** ln(x) in fixed point for a positive finite float x. */
function fixedLn(x: number): bigint {
  const { mantissa, exponent } = splitFloat(x);
  const bits = bitLength(mantissa);
  // x = f · 2^e with f in [1, 2); keep f near 1 for fast convergence.
  let fraction = mantissa << BigInt(FIXED_BITS - (bits - 1));
  let e = exponent + bits - 1;
  if (fraction * BigInt(1000) > FIXED_ONE * BigInt(1414)) {
    fraction >>= ONE;
    e += 1;
  }
  const t = ((fraction - FIXED_ONE) << BigInt(FIXED_BITS)) / (fraction + FIXED_ONE);
  return fixedTwiceAtanh(t) + BigInt(e) * ln2Fixed();
}

/** x ** y for a positive finite x and finite y, correctly rounded (up to astronomically rare ties). */
function precisePower(x: number, y: number): number {
  const { mantissa: yMantissa, exponent: yExponent } = splitFloat(Math.abs(y));
  let z = fixedLn(x) * yMantissa;
  z = yExponent >= 0 ? z << BigInt(yExponent) : z >> BigInt(-yExponent);
  if (y < 0) z = -z;
  const ln2 = ln2Fixed();
  // z = k·ln2 + r with |r| <= ln2/2; x ** y = e^r · 2^k.
  let k = z / ln2;
  let r = z - k * ln2;
  if (r * TWO > ln2) {
    k += ONE;
    r -= ln2;
  } else if (r * TWO < -ln2) {
    k -= ONE;
    r += ln2;
  }
  if (k > BigInt(2000)) return Infinity;
  if (k < BigInt(-2000)) return 0;
  let term = FIXED_ONE;
  let sum = ZERO;
  for (let n = 1; term !== ZERO; n++) {
    sum += term;
    term = (term * r) / (FIXED_ONE * BigInt(n));
  }
  return roundedRatio(sum, FIXED_ONE, Number(k));
}

/**
 * x ** n for a positive finite x and an integer n, correctly rounded (as the C library's pow that
 * Python calls is, to within rounding ties); falls back to Math.pow for very large |n|.
 */
function positivePowerInteger(x: number, n: number): number {
  const { mantissa, exponent } = splitFloat(x);
  const count = Math.abs(n);
  if (count * bitLength(mantissa) > 1 << 16) return precisePower(x, n);
  const power = mantissa ** BigInt(count);
  const exponent2 = exponent * count;
  if (n >= 0) return roundedRatio(power, ONE, exponent2);
  return roundedRatio(ONE, power, -exponent2);
}

function intFloorDivide(a: bigint, b: bigint): bigint {
  if (b === ZERO) throw pyError('ZeroDivisionError', 'integer division or modulo by zero');
  let quotient = a / b;
  if (a % b !== ZERO && a < ZERO !== b < ZERO) quotient -= ONE;
  return quotient;
}

function isOddInteger(x: number): boolean {
  return Number.isInteger(x) && Math.abs(x % 2) === 1;
}

/** CPython's float floor division. */
function floatFloorDivide(v: number, w: number): number {
  if (w === 0) throw pyError('ZeroDivisionError', 'float floor division by zero');
  let mod = v % w;
  let div = (v - mod) / w;
  if (mod !== 0) {
    if (w < 0 !== mod < 0) {
      mod += w;
      div -= 1;
    }
  }
  if (div !== 0) {
    let floored = Math.floor(div);
    if (div - floored > 0.5) floored += 1;
    return floored;
  }
  const sign = v / w;
  return sign < 0 || Object.is(sign, -0) ? -0 : 0;
}

/** CPython's float ** float; may return a complex for a negative base and fractional exponent. */
function floatPower(v: number, w: number): PyValue {
  if (w === 0) return { type: 'float', value: 1 };
  if (Number.isNaN(v)) return { type: 'float', value: v };
  if (Number.isNaN(w)) return { type: 'float', value: v === 1 ? 1 : w };
  if (!Number.isFinite(w)) {
    const base = Math.abs(v);
    if (base === 1) return { type: 'float', value: 1 };
    if (w > 0 === base > 1) return { type: 'float', value: Math.abs(w) };
    return { type: 'float', value: 0 };
  }
  if (!Number.isFinite(v)) {
    const odd = isOddInteger(w);
    if (w > 0) return { type: 'float', value: odd ? v : Math.abs(v) };
    return { type: 'float', value: odd ? (v < 0 ? -0 : 0) : 0 };
  }
  if (v === 0) {
    if (w < 0) throw pyError('ZeroDivisionError', '0.0 cannot be raised to a negative power');
    return { type: 'float', value: isOddInteger(w) ? v : 0 };
  }
  let base = v;
  let negate = false;
  if (base < 0) {
    if (w !== Math.floor(w)) return complexPower(base, 0, w, 0);
    base = -base;
    negate = isOddInteger(w);
  }
  if (base === 1) return { type: 'float', value: negate ? -1 : 1 };
  const result = Number.isInteger(w) ? positivePowerInteger(base, w) : precisePower(base, w);
  if (!Number.isFinite(result)) throw pyError('OverflowError', "(34, 'Numerical result out of range')");
  return { type: 'float', value: negate ? -result : result };
}

function complexMultiply(a: number, b: number, c: number, d: number): [number, number] {
  return [a * c - b * d, a * d + b * c];
}

/** CPython's complex division; null when the divisor is zero. */
function complexQuotient(a: number, b: number, c: number, d: number): [number, number] | null {
  const absC = Math.abs(c);
  const absD = Math.abs(d);
  if (absC >= absD) {
    if (absC === 0) return null;
    const ratio = d / c;
    const denominator = c + d * ratio;
    return [(a + b * ratio) / denominator, (b - a * ratio) / denominator];
  }
  if (absD >= absC) {
    const ratio = c / d;
    const denominator = c * ratio + d;
    return [(a * ratio + b) / denominator, (b * ratio - a) / denominator];
  }
  return [NaN, NaN];
}

/** CPython's complex ** complex. */
function complexPower(aRe: number, aIm: number, bRe: number, bIm: number): PyValue {
  let re: number;
  let im: number;
  let domainError = false;
  if (bIm === 0 && bRe === Math.floor(bRe) && Math.abs(bRe) <= 100) {
    const n = bRe;
    let mask = 1;
    let r: [number, number] = [1, 0];
    let p: [number, number] = [aRe, aIm];
    const m = Math.abs(n);
    while (mask > 0 && m >= mask) {
      if (m & mask) r = complexMultiply(r[0], r[1], p[0], p[1]);
      mask <<= 1;
      p = complexMultiply(p[0], p[1], p[0], p[1]);
    }
    if (n < 0) {
      const q = complexQuotient(1, 0, r[0], r[1]);
      if (q === null) {
        domainError = true;
        r = [0, 0];
      } else r = q;
    }
    [re, im] = r;
  } else if (bRe === 0 && bIm === 0) {
    [re, im] = [1, 0];
  } else if (aRe === 0 && aIm === 0) {
    if (bIm !== 0 || bRe < 0) domainError = true;
    [re, im] = [0, 0];
  } else {
    const magnitude = Math.hypot(aRe, aIm);
    let length = Math.pow(magnitude, bRe);
    const angle = Math.atan2(aIm, aRe);
    let phase = angle * bRe;
    if (bIm !== 0) {
      length /= Math.exp(angle * bIm);
      phase += bIm * Math.log(magnitude);
    }
    re = length * Math.cos(phase);
    im = length * Math.sin(phase);
  }
  if (domainError) throw pyError('ZeroDivisionError', '0.0 to a negative or complex power');
  if (!Number.isFinite(re) && !Number.isNaN(re)) throw pyError('OverflowError', 'complex exponentiation');
  if (!Number.isFinite(im) && !Number.isNaN(im)) throw pyError('OverflowError', 'complex exponentiation');
  return { type: 'complex', re, im };
}

function typeName(value: PyValue): string {
  return value.type;
}

function isNumber(value: PyValue): value is Extract<PyValue, { type: 'int' | 'float' | 'complex' }> {
  return value.type === 'int' || value.type === 'float' || value.type === 'complex';
}

function asFloat(value: PyValue): number {
  if (value.type === 'int') return intToFloat(value.value);
  if (value.type === 'float') return value.value;
  throw new Error('not a real number');
}

function asComplex(value: PyValue): [number, number] {
  if (value.type === 'complex') return [value.re, value.im];
  return [asFloat(value), 0];
}

function intPower(base: bigint, exponent: bigint): PyValue {
  if (exponent < ZERO) {
    return floatPower(intToFloat(base), intToFloat(exponent));
  }
  if (base === ZERO || base === ONE || exponent === ZERO) return { type: 'int', value: base ** exponent };
  if (base === -ONE) return { type: 'int', value: exponent % TWO === ZERO ? ONE : -ONE };
  if (exponent > BigInt(MAX_INT_BITS) || bitLength(base) * Number(exponent) > MAX_INT_BITS) {
    // Python would build the exact (gigantic) integer; a float can never hold it.
    throw pyError('OverflowError', 'int too large to convert to float');
  }
  return { type: 'int', value: base ** exponent };
}

function checkIntSize(value: bigint): PyValue {
  if (bitLength(value) > MAX_INT_BITS) throw pyError('OverflowError', 'int too large to convert to float');
  return { type: 'int', value };
}

function numericBinary(op: string, left: PyValue, right: PyValue): PyValue {
  if (left.type === 'complex' || right.type === 'complex') {
    if (op === '//') {
      throw pyError(
        'TypeError',
        `unsupported operand type(s) for //: '${typeName(left)}' and '${typeName(right)}'`,
      );
    }
    const [a, b] = asComplex(left);
    const [c, d] = asComplex(right);
    switch (op) {
      case '+':
        return { type: 'complex', re: a + c, im: b + d };
      case '-':
        return { type: 'complex', re: a - c, im: b - d };
      case '*': {
        const [re, im] = complexMultiply(a, b, c, d);
        return { type: 'complex', re, im };
      }
      case '/': {
        const quotient = complexQuotient(a, b, c, d);
        if (quotient === null) throw pyError('ZeroDivisionError', 'complex division by zero');
        return { type: 'complex', re: quotient[0], im: quotient[1] };
      }
      default:
        return complexPower(a, b, c, d);
    }
  }
  if (left.type === 'float' || right.type === 'float') {
    const v = asFloat(left);
    const w = asFloat(right);
    switch (op) {
      case '+':
        return { type: 'float', value: v + w };
      case '-':
        return { type: 'float', value: v - w };
      case '*':
        return { type: 'float', value: v * w };
      case '/':
        if (w === 0) throw pyError('ZeroDivisionError', 'float division by zero');
        return { type: 'float', value: v / w };
      case '//':
        return { type: 'float', value: floatFloorDivide(v, w) };
      default:
        return floatPower(v, w);
    }
  }
  const a = (left as { value: bigint }).value;
  const b = (right as { value: bigint }).value;
  switch (op) {
    case '+':
      return checkIntSize(a + b);
    case '-':
      return checkIntSize(a - b);
    case '*':
      if (bitLength(a) + bitLength(b) > MAX_INT_BITS + 1) {
        throw pyError('OverflowError', 'int too large to convert to float');
      }
      return checkIntSize(a * b);
    case '/':
      return { type: 'float', value: intTrueDivide(a, b) };
    case '//':
      return { type: 'int', value: intFloorDivide(a, b) };
    default:
      return intPower(a, b);
  }
}

/** tuple * n or n * tuple (the only tuple here is the empty one, so the result is empty too). */
function repeatTuple(count: PyValue): PyValue {
  if (count.type !== 'int') {
    throw pyError('TypeError', `can't multiply sequence by non-int of type '${typeName(count)}'`);
  }
  const limit = BigInt(2) ** BigInt(63);
  if (count.value >= limit || count.value < -limit) {
    throw pyError('OverflowError', "cannot fit 'int' into an index-sized integer");
  }
  return { type: 'tuple' };
}

function binary(op: string, left: PyValue, right: PyValue): PyValue {
  if (isNumber(left) && isNumber(right)) return numericBinary(op, left, right);
  const leftName = typeName(left);
  const rightName = typeName(right);
  if (op === '+') {
    if (left.type === 'tuple') {
      if (right.type === 'tuple') return { type: 'tuple' };
      throw pyError('TypeError', `can only concatenate tuple (not "${rightName}") to tuple`);
    }
  } else if (op === '*') {
    if (left.type === 'tuple') return repeatTuple(right);
    if (right.type === 'tuple') return repeatTuple(left);
  }
  const symbol = op === '**' ? '** or pow()' : op;
  throw pyError('TypeError', `unsupported operand type(s) for ${symbol}: '${leftName}' and '${rightName}'`);
}

function unary(op: '+' | '-', operand: PyValue): PyValue {
  switch (operand.type) {
    case 'int':
      return { type: 'int', value: op === '-' ? -operand.value : operand.value };
    case 'float':
      return { type: 'float', value: op === '-' ? -operand.value : operand.value };
    case 'complex':
      return op === '-' ? { type: 'complex', re: -operand.re, im: -operand.im } : operand;
    default:
      throw pyError('TypeError', `bad operand type for unary ${op}: '${typeName(operand)}'`);
  }
}

/** str() of a value, as used in Python's messages about call arguments. */
function pythonStr(value: PyValue): string {
  switch (value.type) {
    case 'int': {
      const text = value.value.toString();
      if (text.replace('-', '').length > MAX_INT_LITERAL_DIGITS) {
        throw pyError(
          'ValueError',
          `Exceeds the limit (${MAX_INT_LITERAL_DIGITS} digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit`,
        );
      }
      return text;
    }
    case 'float':
      return pythonFloatRepr(value.value);
    case 'complex': {
      const imaginary = pythonFloatRepr(value.im, false);
      if (value.re === 0 && !Object.is(value.re, -0)) return `${imaginary}j`;
      const signed = imaginary.startsWith('-') ? imaginary : `+${imaginary}`;
      return `(${pythonFloatRepr(value.re, false)}${signed}j)`;
    }
    case 'tuple':
      return '()';
    default:
      return 'Ellipsis';
  }
}

function evaluateNode(node: Node): PyValue {
  switch (node.kind) {
    case 'int':
      return { type: 'int', value: BigInt(node.text) };
    case 'float':
      return { type: 'float', value: Number(node.text) };
    case 'ellipsis':
      return { type: 'ellipsis' };
    case 'tuple':
      return { type: 'tuple' };
    case 'unary':
      return unary(node.op, evaluateNode(node.operand));
    case 'binary': {
      const left = evaluateNode(node.left);
      const right = evaluateNode(node.right);
      return binary(node.op, left, right);
    }
    case 'call': {
      const callee = evaluateNode(node.callee);
      if (node.argument !== null) {
        const argument = evaluateNode(node.argument.value);
        if (node.argument.kind === 'star' && argument.type !== 'tuple') {
          throw pyError(
            'TypeError',
            `${pythonStr(callee)} argument after * must be an iterable, not ${typeName(argument)}`,
          );
        }
        if (node.argument.kind === 'doubleStar') {
          throw pyError(
            'TypeError',
            `${pythonStr(callee)} argument after ** must be a mapping, not ${typeName(argument)}`,
          );
        }
      }
      throw pyError('TypeError', `'${typeName(callee)}' object is not callable`);
    }
  }
}

/** The reference's calculate: str(round(float(eval(expression)), 2)). */
function evaluateCalculation(expression: string): string {
  for (const ch of expression) {
    if (!ALLOWED_CHARACTERS.includes(ch)) {
      throw new RetailError('INVALID_EXPRESSION', 'Invalid characters in expression');
    }
  }
  const tree = parseExpression(expression);
  if (depthOf(tree) > MAX_AST_DEPTH) {
    throw new RetailError('TOO_COMPLEX', 'maximum recursion depth exceeded during compilation');
  }
  const value = evaluateNode(tree);
  if (value.type !== 'int' && value.type !== 'float') {
    throw pyError(
      'TypeError',
      `float() argument must be a string or a real number, not '${typeName(value)}'`,
    );
  }
  return pythonFloatRepr(pythonRound2(asFloat(value)));
}
