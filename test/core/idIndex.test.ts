import { IdIndex } from '../../src/core/deals/idIndex';

describe('the Deal ID index', () => {
  it('keeps the first row of each ID and tells repeats apart, past its expected size', () => {
    const index = new IdIndex(4);
    const ids = Array.from({ length: 5000 }, (_, i) => `OPP-${i}`);
    ids.forEach((id, i) => expect(index.addFirst(id, i + 2)).toBe(-1));
    expect(index.addFirst('OPP-17', 9999)).toBe(19);
    expect(index.get('OPP-4999')).toBe(5001);
    expect(index.get('OPP-5000')).toBe(-1);
    expect(index.size).toBe(5000);
  });

  it('compares IDs exactly: case, spaces and look-alike strings stay distinct', () => {
    const index = new IdIndex();
    for (const [i, id] of ['abc', 'ABC', 'abc ', 'a', 'ab', '0', '00', 'é', 'e\u0301'].entries()) expect(index.addFirst(id, i)).toBe(-1);
    expect(index.get('e\u0301')).toBe(8);
    expect(index.get('é')).toBe(7);
    expect(index.get('')).toBe(-1);
  });
});
