import { describe, expect, it } from 'vitest';
import type { EntityModel } from '../logic/spec.js';
import { checkReferentialIntegrity, referencedEntity } from './integrity.js';

const model: EntityModel = {
  className: 'Rentals',
  summary: 's',
  rules: [],
  entities: [
    {
      name: 'Car',
      collection: 'cars',
      description: 'd',
      fields: [{ name: 'id', type: 'string', description: '' }],
    },
    {
      name: 'RoomType',
      collection: 'roomTypes',
      description: 'd',
      fields: [{ name: 'id', type: 'string', description: '' }],
    },
    {
      name: 'Booking',
      collection: 'bookings',
      description: 'd',
      fields: [
        { name: 'id', type: 'string', description: '' },
        { name: 'carId', type: 'string', description: '' },
        { name: 'backupCarIds', type: 'string[]', description: '' },
        { name: 'roomTypeId', type: 'string', description: '', optional: true },
        { name: 'externalId', type: 'string', description: '' },
      ],
    },
  ],
};

describe('referential integrity', () => {
  it('maps <entity>Id / <entity>Ids fields to entities, longest name first', () => {
    const names = ['roomtype', 'booking', 'car'];
    expect(referencedEntity('carId', names)).toBe('car');
    expect(referencedEntity('backupCarIds', names)).toBe('car');
    expect(referencedEntity('roomTypeId', names)).toBe('roomtype');
    expect(referencedEntity('externalId', names)).toBeUndefined();
    expect(referencedEntity('id', names)).toBeUndefined();
  });

  it('accepts a consistent state and lists every dangling id and key mismatch', () => {
    const good = {
      cars: { c1: { id: 'c1' }, c2: { id: 'c2' } },
      roomTypes: {},
      bookings: { b1: { id: 'b1', carId: 'c1', backupCarIds: ['c2'], externalId: 'ZZ-1' } },
    };
    expect(checkReferentialIntegrity({ state: good, model })).toEqual([]);
    const bad = {
      cars: { c1: { id: 'c1' } },
      roomTypes: {},
      bookings: {
        b1: { id: 'b2', carId: 'c9', backupCarIds: ['c1', 'c3'], roomTypeId: 'r1', externalId: 'x' },
      },
    };
    expect(checkReferentialIntegrity({ state: bad, model })).toEqual([
      `$.bookings["b1"].id: must equal its key 'b1' (found "b2")`,
      '$.bookings["b1"].carId: "c9" is not an id in cars (Car)',
      '$.bookings["b1"].backupCarIds: "c3" is not an id in cars (Car)',
      '$.bookings["b1"].roomTypeId: "r1" is not an id in roomTypes (RoomType)',
    ]);
  });
});
