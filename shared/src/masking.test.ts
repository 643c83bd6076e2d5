import assert from 'node:assert/strict';
import { test } from 'node:test';
import { maskAddress, maskName, maskPhone } from './masking';

test('when a name is masked, then only its first character shows, followed by one mask character whatever its length', () => {
  assert.equal(maskName('张三'), '张*');
  assert.equal(maskName('张三丰'), '张*');
  assert.equal(maskName('欧阳娜娜'), '欧*');
  assert.equal(maskName('李'), '李*');
  assert.equal(maskName(' 王五 '), '王*');
  assert.equal(maskName('Zhang Sanfeng'), 'Z*');
  const lengths = new Set(
    ['张三', '张三丰', '欧阳娜娜', '李', '阿卜杜热西提·买买提'].map((n) => maskName(n).length),
  );
  assert.deepEqual([...lengths], [2], 'the mask does not tell how long the name is');
});
test('when a phone is masked, then the first 3 and last 4 digits show', () => {
  assert.equal(maskPhone('13812348000'), '138****8000');
  assert.equal(maskPhone('0592-5123456'), '059****3456');
  assert.equal(maskPhone('12345'), '***', 'too short to show any digit');
});
test('when an address is masked, then it is cut after its district', () => {
  assert.equal(maskAddress('福建省厦门市思明区湖滨南路88号'), '福建省厦门市思明区***');
  assert.equal(maskAddress('北京市朝阳区建国路1号'), '北京市朝阳区***');
  assert.equal(
    maskAddress('新疆维吾尔自治区乌鲁木齐市天山区解放北路1号'),
    '新疆维吾尔自治区乌鲁木齐市天山区***',
  );
  assert.equal(maskAddress('福建省泉州市安溪县城厢镇1号'), '福建省泉州市安溪县***');
  assert.equal(maskAddress('内蒙古自治区呼和浩特市新城区中山东路1号'), '内蒙古自治区呼和浩特市新城区***');
  assert.equal(maskAddress('思明区湖滨南路88号'), '思明区***');
});
test('when an address has a province or city but no district, then it is cut after the last of them', () => {
  assert.equal(maskAddress('厦门市某路某号五楼'), '厦门市***');
  assert.equal(maskAddress('福建省厦门市湖滨南路88号'), '福建省厦门市***');
});
test('when an address has no recognisable 省/市/区/县 part, then no street text shows at all', () => {
  for (const street of [
    '龙头路2号',
    '湖滨南路88号',
    '鼓浪屿龙头路2号',
    '万达广场3楼',
    '龙头路菜市场2号',
    'Room 5, 88 Hubin Road',
    '',
  ]) {
    assert.equal(maskAddress(street), '***', street);
  }
});
test('when street text follows or mimics a district, then none of it shows', () => {
  // a 区/市 inside the street part (a market, a residential 小区) is not an administrative unit
  assert.equal(maskAddress('厦门市湖滨南路88号菜市场'), '厦门市***');
  assert.equal(maskAddress('湖滨南路2号小区'), '***');
  assert.equal(maskAddress('福建省厦门市思明区湖滨南路88号东区'), '福建省厦门市思明区***');
});
