// www/ui/print-header.js: untrusted text (a workload name) becomes a CSS string that cannot end
// early or add rules.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cssString } from '../../www/ui/print-header.js';

test('cssString: quotes and backslashes escaped, control characters and line breaks as spaces', () => {
  assert.equal(cssString('Shop'), '"Shop"');
  assert.equal(cssString('a "b" \\c'), '"a \\"b\\" \\\\c"');
  assert.equal(cssString('x";} body{display:none} @page{content:"'), '"x\\";} body{display:none} @page{content:\\""');
  assert.equal(cssString('one\ntwo\r\u0000\u007f'), '"one two   "');
  assert.equal(cssString('مرحبا 🚀'), '"مرحبا 🚀"');
  // Whatever the input, the literal has exactly two unescaped quotes: its own.
  for (const text of ['"', '\\"', '\\\\"', 'a\\', '"\n"']) {
    const unescaped = cssString(text).match(/(?<!\\)(?:\\\\)*"/g) ?? [];
    assert.equal(unescaped.length, 2, JSON.stringify(text));
  }
});
