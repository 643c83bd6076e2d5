import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkTemplateValue } from '../../../test/fakes/fake-wechat-server';
import { amount, characterString, name, phrase, thing, time } from './subscribe-values';

const cp = (s: string) => Array.from(s).length;

test('when a thing is short, then it is kept (on one line)', () => {
  assert.equal(thing('某某电器专卖店'), '某某电器专卖店');
  assert.equal(thing('  第一行\n第二行\t '), '第一行 第二行');
  assert.equal(thing('a'.repeat(20)), 'a'.repeat(20));
});

test('when a thing is longer than 20 characters, then it is cut with … and stays within 20', () => {
  const shaped = thing('深圳市南山区某某某某某某某某电子科技有限公司旗舰店');
  assert.equal(shaped, '深圳市南山区某某某某某某某某电子科技有…');
  assert.equal(cp(shaped), 20);
  assert.equal(checkTemplateValue('thing', shaped), null);
});

test('when a thing holds emoji, then they count as one character each and are never split', () => {
  const twenty = '😀'.repeat(20);
  assert.equal(twenty.length, 40); // UTF-16 units: a naive check would cut it
  assert.equal(thing(twenty), twenty);
  const long = '😀'.repeat(25);
  assert.equal(thing(long), `${'😀'.repeat(19)}…`);
  // a family emoji is 5 code points; it is kept whole or dropped whole
  const family = '👨‍👩‍👧';
  const shaped = thing(`${'好'.repeat(16)}${family}尾巴`);
  assert.equal(shaped, `${'好'.repeat(16)}…`);
  assert.ok(cp(shaped) <= 20);
  for (const s of [twenty, thing(long), shaped]) assert.equal(checkTemplateValue('thing', s), null);
});

test('when a character_string has non-ASCII or is long, then it keeps 32 printable ASCII characters', () => {
  assert.equal(characterString('案件编号：WQ-2026-000123'), 'WQ-2026-000123');
  assert.equal(characterString('A B'), 'AB');
  const shaped = characterString('x'.repeat(40));
  assert.equal(shaped.length, 32);
  assert.equal(checkTemplateValue('character_string', shaped), null);
});

test('when a phrase has other characters or is long, then it keeps 5 Chinese characters', () => {
  assert.equal(phrase('已回复'), '已回复');
  assert.equal(phrase('商家 已经 回复了 ok'), '商家已经回');
  assert.equal(checkTemplateValue('phrase', phrase('待商家处理中哦')), null);
});

test('when a time is formatted, then it reads in Beijing time whatever the server zone', () => {
  assert.equal(time(new Date('2026-11-24T02:00:00Z')), '2026年11月24日 10:00');
  assert.equal(time(new Date('2026-12-31T16:05:00Z')), '2027年1月1日 00:05');
  assert.equal(checkTemplateValue('time', time(new Date())), null);
});

test('when an amount in fen is formatted, then it has two decimals and 元', () => {
  assert.equal(amount(39900), '399.00元');
  assert.equal(amount(5), '0.05元');
  assert.equal(amount(0), '0.00元');
  assert.equal(checkTemplateValue('amount', amount(9_999_999_999)), null);
  assert.throws(() => amount(10_000_000_000), RangeError);
  assert.throws(() => amount(1.5), RangeError);
  assert.throws(() => amount(-1), RangeError);
});

test('when a name is long or mixed, then it is shaped to what WeChat takes', () => {
  assert.equal(name('张三'), '张三');
  assert.equal(name('欧阳某某某某某某某某某某'), '欧阳某某某某某某某某');
  assert.equal(name('李 Lee'), '李');
  assert.equal(name('Maximilian Mustermann'), 'Maximilian');
  for (const s of ['欧阳某某某某某某某某某某', '李 Lee', 'Maximilian Mustermann', 'Li3 Lei']) {
    assert.equal(checkTemplateValue('name', name(s)), null, s);
  }
});
