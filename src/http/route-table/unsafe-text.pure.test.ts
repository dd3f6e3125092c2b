import { describe, expect, it } from 'vitest';

import { findUnsafeText } from './unsafe-text.pure.ts';

describe('findUnsafeText', () => {
  it('when every string is plain text, then nothing is found', () => {
    expect(findUnsafeText({ a: ['ok', 'é', '😀', { b: 1, c: null }] }, 32)).toBeUndefined();
  });

  it.each([
    [{ model: { name: 'a\u0000b' } }, 'model.name: contains a NUL character'],
    [{ list: ['x', '\ud800'] }, 'list.1: contains an unpaired UTF-16 surrogate'],
    [{ list: ['\udc00x'] }, 'list.0: contains an unpaired UTF-16 surrogate'],
    [{ 'bad\u0000key': 1 }, 'bad\u0000key (name): contains a NUL character'],
    ['\u0000', '(root): contains a NUL character'],
  ])('when %j is checked, then it says where: %s', (value, problem) => {
    expect(findUnsafeText(value, 32)).toBe(problem);
  });

  it('when a value nests deeper than allowed, then it is found at the level that is too deep', () => {
    let deep: unknown = 1;
    for (let level = 0; level < 5_000; level += 1) deep = [deep];
    expect(findUnsafeText({ a: deep }, 32)).toMatch(/^a(\.0)+: is nested too deeply$/);
    expect(findUnsafeText([[[1]]], 3)).toBeUndefined();
    expect(findUnsafeText([[[[1]]]], 3)).toBe('0.0.0: is nested too deeply');
  });
});
