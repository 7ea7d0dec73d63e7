import { memoByUrl } from './url-memo';

describe('memoByUrl', () => {
  test('parses each URL once, and forgets them all beyond the kept number', () => {
    const parsed: string[] = [];
    const parse = memoByUrl((url) => {
      parsed.push(url);
      return url.length;
    }, 2);
    expect([parse('http://a'), parse('http://a'), parse('http://bb')]).toEqual([8, 8, 9]);
    expect(parsed).toEqual(['http://a', 'http://bb']);
    parse('http://ccc'); // a third URL: the two kept are forgotten
    parse('http://a');
    expect(parsed).toEqual(['http://a', 'http://bb', 'http://ccc', 'http://a']);
  });
});
