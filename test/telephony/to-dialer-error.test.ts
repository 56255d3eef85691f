import assert from 'node:assert/strict';
import { DialerError } from '../../src/errors';
import { toDialerError } from '../../src/telephony/ari/to-dialer-error';

// Bodies exactly as Asterisk 22 answers them (through ari-client, which puts the body in err.message).
const table: [string, unknown, string][] = [
  ['a request on a channel that is gone (404)', new Error('{"message":"Channel not found"}'), 'E_CHANNEL_GONE'],
  ['dialling a channel before its StasisStart (422)', new Error('{"message":"Channel not in Stasis application"}'), 'E_NOT_IN_STASIS'],
  ['continue on a channel out of Stasis (409)', new Error('{"message":"Channel not in a Stasis application"}'), 'E_NOT_IN_STASIS'],
  ['an endpoint that cannot be allocated (500)', new Error('{"error":"Allocation failed"}'), 'E_ALLOCATION_FAILED'],
  ['an endpoint without technology (400)', new Error('{"message":"Invalid endpoint specified"}'), 'E_INVALID_ENDPOINT'],
  ['a bridge that is gone', new Error('{"message":"Bridge not found"}'), 'E_BRIDGE_GONE'],
  ['a recording name in use', new Error('{"message":"Recording \'x\' already exists and can not be overwritten"}'), 'E_DUPLICATE'],
  ['stopping music that already stopped (409)', new Error('{"message":"Bridge isn\'t playing music"}'), 'E_CONFLICT'],
  ['Asterisk down', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:8088'), { code: 'ECONNREFUSED' }), 'E_TELEPHONY_UNAVAILABLE'],
  ['Asterisk shutting down or restarting (503 page)', new Error('<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">\r\n<html><head>\r\n<title>503 Service Unavailable</title>\r\n</head><body>\r\n<h1>Service Unavailable</h1>\r\n<p>Shutdown in progress</p>'), 'E_TELEPHONY_UNAVAILABLE'],
  ['a body we do not know', new Error('{"message":"Something new"}'), 'E_ARI'],
  ['not even an Error', 'weird', 'E_ARI'],
];

describe('toDialerError', () => {
  for (const [when, err, code] of table) {
    it(`when ARI fails with ${when}, then the code is ${code}`, () => {
      const e = toDialerError(err, 'hang up');
      assert.ok(e instanceof DialerError);
      assert.equal(e.code, code);
      assert.match(e.message, /^hang up: /);
    });
  }

  it('when the error is already a DialerError, then it is passed through', () => {
    const e = new DialerError('E_VALIDATION', 'bad number');
    assert.equal(toDialerError(e, 'dial'), e);
  });
});
