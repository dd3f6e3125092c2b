import { describe, expect, it } from 'vitest';

import { readIdentityQuery } from './signed-identity.pure.ts';

const read = (query: string, user: 'optional' | 'member' = 'optional') =>
  readIdentityQuery(new URLSearchParams(query), { user });

describe('readIdentityQuery', () => {
  it('when a card names its portal and user, then both are read and the rest of the query is kept', () => {
    expect(read('portalId=9000001&userId=7001&limit=5&tier=watch&userEmail=a%40b.example&appId=3')).toEqual({
      ok: true,
      portalId: 9_000_001,
      userId: '7001',
      rest: { limit: '5', tier: 'watch' },
    });
  });

  it.each([
    '0x895441',
    '9.000001e6',
    '+9000001',
    ' 9000001',
    '9000001 ',
    '09000001',
    '-1',
    '0',
    '',
    '1e3',
    '١٢٣',
  ])('when the portal id is %j, then it is refused as not decimal digits', (value) => {
    expect(read(`portalId=${encodeURIComponent(value)}`)).toEqual({
      ok: false,
      message: 'portalId must be decimal digits (no sign, spaces or leading zeros)',
    });
  });

  it('when the portal id is beyond a safe integer, then it is refused as too large', () => {
    expect(read('portalId=9007199254740993')).toEqual({ ok: false, message: 'portalId is too large' });
  });

  it.each([
    ['', 'the request names no portal (portalId)'],
    ['portalId=1&portalId=1', 'the request names more than one portal'],
    ['portalId=1&portal_id=2', '"portal_id" is not an identity parameter: use portalId and userId'],
    ['portalId=1&hubId=2', '"hubId" is not an identity parameter: use portalId and userId'],
    ['portalId=1&PortalId=2', '"PortalId" is not an identity parameter: use portalId and userId'],
    ['portalId=1&userId=2&userId=3', 'the request names more than one user'],
    ['portalId=1&userId=abc', 'userId must be decimal digits (no sign, spaces or leading zeros)'],
  ])('when the query is %j, then it is refused: %s', (query, message) => {
    expect(read(query)).toEqual({ ok: false, message });
  });

  it('when a route changes data and no user is named, then it is refused', () => {
    expect(read('portalId=1', 'member')).toEqual({
      ok: false,
      message: 'the request names no user (userId); changes are recorded under the HubSpot user',
    });
    expect(read('portalId=1')).toMatchObject({ ok: true, userId: undefined });
  });

  it('when a plain parameter repeats, then every value is kept so the schema can refuse it', () => {
    expect(read('portalId=1&limit=1&limit=2')).toMatchObject({ ok: true, rest: { limit: ['1', '2'] } });
  });
});
