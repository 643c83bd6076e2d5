import assert from 'node:assert/strict';
import { test } from 'node:test';
import { maskAddress, maskName, maskPhone } from './masking';

test('when a name is masked, then only its first character shows', () => {
  assert.equal(maskName('张三'), '张*');
  assert.equal(maskName('欧阳娜娜'), '欧***');
  assert.equal(maskName('李'), '李*');
});
test('when a phone is masked, then the first 3 and last 4 digits show', () => {
  assert.equal(maskPhone('13812348000'), '138****8000');
  assert.equal(maskPhone('0592-5123456'), '059****3456');
});
test('when an address is masked, then it is cut after its district', () => {
  assert.equal(maskAddress('福建省厦门市思明区湖滨南路88号'), '福建省厦门市思明区***');
  assert.equal(maskAddress('北京市朝阳区建国路1号'), '北京市朝阳区***');
  assert.equal(
    maskAddress('新疆维吾尔自治区乌鲁木齐市天山区解放北路1号'),
    '新疆维吾尔自治区乌鲁木齐市天山区***',
  );
  assert.equal(maskAddress('福建省泉州市安溪县城厢镇1号'), '福建省泉州市安溪县***');
});
test('when an address has no district, then only its first characters show', () => {
  assert.equal(maskAddress('厦门市某路某号五楼'), '厦门市某路某***');
});
