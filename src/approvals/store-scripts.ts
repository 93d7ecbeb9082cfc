import { luaScript } from '../lua-script.js';

/**
 * The store's Lua scripts. Redis runs each one alone, so the check and the write in a script are one atomic
 * step: two taps, two bot replicas, or a tap and the deadline job cannot both win.
 * Hash values are JSON (see record-codec.ts); states are compared as their JSON text, e.g. "\"pending\"".
 */

/**
 * KEYS: record, pending index. ARGV: ttl ms, expiresAt, id, then field/value pairs.
 * Returns 1, or 0 when the id is taken (the caller draws another).
 */
export const CREATE_SCRIPT = luaScript(`
if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
redis.call('HSET', KEYS[1], unpack(ARGV, 4))
redis.call('PEXPIRE', KEYS[1], ARGV[1])
redis.call('ZADD', KEYS[2], ARGV[2], ARGV[3])
return 1
`);

/** KEYS: record. ARGV: first message id, all message ids (JSON). Never creates a record that is gone (it would have no TTL). */
export const SET_CARD_SCRIPT = luaScript(`
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
redis.call('HSET', KEYS[1], 'cardMessageId', ARGV[1], 'cardMessageIds', ARGV[2])
return 1
`);

/**
 * The compare-and-set.
 * KEYS: 1 record, 2 pending index, 3 executing index, 4 today's counts.
 * ARGV: 1 now, 2 target state as JSON, 3 target state, 4 expected hash as JSON or '', 5 final TTL seconds or '',
 *       6 history entry JSON, 7 counts TTL seconds, 8 id, 9 n (number of source states),
 *       10..9+n source states as JSON, then patch field/value pairs.
 * Returns {reason} or {reason, HGETALL}; reason is ok, not_found, wrong_state, expired or hash_mismatch.
 */
export const TRANSITION_SCRIPT = luaScript(`
local key = KEYS[1]
if redis.call('EXISTS', key) == 0 then return {'not_found'} end
local state = redis.call('HGET', key, 'state')
local n = tonumber(ARGV[9])
local allowed = false
for i = 1, n do
  if ARGV[9 + i] == state then allowed = true end
end
if not allowed then return {'wrong_state', redis.call('HGETALL', key)} end
if ARGV[3] == 'approved' then
  local expiresAt = tonumber(redis.call('HGET', key, 'expiresAt'))
  if expiresAt == nil or tonumber(ARGV[1]) >= expiresAt then return {'expired', redis.call('HGETALL', key)} end
end
if ARGV[4] ~= '' and redis.call('HGET', key, 'argsHash') ~= ARGV[4] then
  return {'hash_mismatch', redis.call('HGETALL', key)}
end
if #ARGV >= 10 + n then redis.call('HSET', key, unpack(ARGV, 10 + n)) end
local history = redis.call('HGET', key, 'history')
if not history or history == '[]' then
  history = '[' .. ARGV[6] .. ']'
else
  history = string.sub(history, 1, -2) .. ',' .. ARGV[6] .. ']'
end
redis.call('HSET', key, 'state', ARGV[2], 'history', history)
local id = ARGV[8]
redis.call('ZREM', KEYS[2], id)
if ARGV[3] == 'executing' then
  redis.call('ZADD', KEYS[3], ARGV[1], id)
else
  redis.call('ZREM', KEYS[3], id)
end
redis.call('HINCRBY', KEYS[4], ARGV[3], 1)
redis.call('EXPIRE', KEYS[4], ARGV[7])
if ARGV[5] ~= '' then redis.call('EXPIRE', key, ARGV[5]) end
return {'ok', redis.call('HGETALL', key)}
`);

/**
 * Attaches a reason to a record that is already rejected or cancelled (the reason arrives after the tap).
 * KEYS: 1 record. ARGV: 1 reason as JSON. Returns 1 when set, 0 when the record is gone or in another state.
 */
export const SET_REASON_SCRIPT = luaScript(`
local state = redis.call('HGET', KEYS[1], 'state')
if state ~= '"rejected"' and state ~= '"cancelled"' then return 0 end
redis.call('HSET', KEYS[1], 'reason', ARGV[1])
return 1
`);
