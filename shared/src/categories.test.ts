import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { z } from 'zod';
import { CATEGORIES, CATEGORY_CODES, categoryName, isGreenChannel, type CategoryCode } from './categories';

describe('CATEGORIES', () => {
  it('when listed, then codes are unique snake_case ASCII and names are filled in', () => {
    assert.equal(new Set(CATEGORY_CODES).size, CATEGORIES.length);
    assert.ok(CATEGORIES.length >= 15);
    for (const category of CATEGORIES) {
      assert.match(category.code, /^[a-z][a-z0-9]*(_[a-z0-9]+)*$/, category.code);
      assert.match(category.name, /\p{Script=Han}/u, category.code);
      assert.ok(category.nameEn.trim().length > 0, category.code);
    }
  });

  it('when listed, then CATEGORY_CODES follows the catalogue and includes other', () => {
    assert.deepEqual(
      [...CATEGORY_CODES],
      CATEGORIES.map((category) => category.code),
    );
    assert.ok(CATEGORY_CODES.includes('other'));
  });

  it('when the green channel is asked, then exactly tourism, food safety and special equipment take it', () => {
    const green = CATEGORIES.filter((category) => category.greenChannel).map((category) => category.code);
    assert.deepEqual(green.sort(), ['food_safety', 'special_equipment', 'tourism']);
    assert.equal(isGreenChannel('tourism'), true);
    assert.equal(isGreenChannel('household_appliances'), false);
    assert.equal(isGreenChannel('other'), false);
  });
});

describe('categoryName', () => {
  it('when given a code, then it answers the Chinese name, or the English one on request', () => {
    assert.equal(categoryName('household_appliances'), '家用电器');
    assert.equal(categoryName('special_equipment'), '特种设备（电梯、游乐设施）');
    assert.equal(categoryName('catering', 'en'), 'Catering');
  });

  it('when given a code outside the catalogue, then it throws a RangeError', () => {
    assert.throws(() => categoryName('groceries' as CategoryCode), RangeError);
    assert.throws(() => isGreenChannel('groceries' as CategoryCode), RangeError);
  });
});

describe('CATEGORY_CODES with zod', () => {
  it('when used in z.enum, then catalogue codes pass and others fail', () => {
    const schema = z.enum(CATEGORY_CODES);
    const parsed: CategoryCode = schema.parse('telecom');
    assert.equal(parsed, 'telecom');
    assert.equal(schema.safeParse('groceries').success, false);
    assert.deepEqual(schema.options, [...CATEGORY_CODES]);
  });
});
