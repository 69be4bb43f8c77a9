package dev.switchboard.engine.redis;

/**
 * The Lua scripts of the redis engine, after the model of Centrifugo's engine: one script assigns the seq,
 * appends to the room's stream (trimmed to the history size), records the sender's client id and publishes, all
 * atomically, so every node sees one order and a stored message is never missing from the stream.
 */
final class RedisScripts {

    /** Seconds a client id is remembered; it also needs its message still in the stream to count as a repeat. */
    static final long CLIENT_ID_SECONDS = 86_400;

    /**
     * KEYS: meta, stream, client-id key. ARGV: event head, event tail, history size, channel, epoch if new,
     * client id ('' for none), client-id seconds. Returns {seq, epoch, event, 1 if a repeat else 0}.
     */
    static final String APPEND = """
            local meta, stream, idkey = KEYS[1], KEYS[2], KEYS[3]
            local head, tail, size, channel, new_epoch, client_id, id_ttl =
                ARGV[1], ARGV[2], ARGV[3], ARGV[4], ARGV[5], ARGV[6], ARGV[7]
            if client_id ~= '' then
              local seen = redis.call('get', idkey)
              if seen then
                local entry = redis.call('xrange', stream, seen .. '-0', seen .. '-0')
                if #entry > 0 then
                  return {tonumber(seen), redis.call('hget', meta, 'e'), entry[1][2][2], 1}
                end
              end
            end
            local epoch = redis.call('hget', meta, 'e')
            if not epoch then
              epoch = new_epoch
              redis.call('hset', meta, 'e', epoch)
            end
            local seq = redis.call('hincrby', meta, 's', 1)
            local event = head .. seq .. tail
            redis.call('xadd', stream, 'MAXLEN', size, seq .. '-0', 'd', event)
            if client_id ~= '' then
              redis.call('set', idkey, seq, 'EX', id_ttl)
            end
            redis.call('publish', channel, seq .. ':' .. epoch .. ':' .. event)
            return {seq, epoch, event, 0}
            """;

    /** KEYS: meta. ARGV: epoch if new. Returns {epoch, top seq}; gives a room without one its epoch. */
    static final String STATE = """
            local epoch = redis.call('hget', KEYS[1], 'e')
            if not epoch then
              epoch = ARGV[1]
              redis.call('hset', KEYS[1], 'e', epoch)
            end
            return {epoch, tonumber(redis.call('hget', KEYS[1], 's') or '0')}
            """;

    private RedisScripts() {
    }
}
