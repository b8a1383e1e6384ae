#!/usr/bin/env python3
"""Open-loop load for POST /api/v1/orders or /api/v1/redemptions, cheaper on the shared cores than FixedRate.java and
Redeem.java (the JDK's HTTP client).

Requests leave on schedule whether or not earlier ones were answered; each goes out on an idle keep-alive connection,
or a new one when all are busy, so queueing in the server shows in the latency, which is measured from the moment the
request was due. Prints, like FixedRate.java, the latencies of all answers and then per status.
Usage: python3 open_loop.py HOST PORT API_KEY RATE SECONDS CUSTOMERS
       python3 open_loop.py HOST PORT API_KEY RATE SECONDS --redemptions REWARD_ID CUSTOMER_IDS_FILE
         (each redemption a new Idempotency-Key and a random customer of the file)
"""
import asyncio
import datetime
import random
import sys
import time

TIMEOUT = 10.0


def body(run, i, customer):
    placed = datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="microseconds").replace("+00:00", "Z")
    return ('{"externalId":"open-%s-%d","customerExternalId":"bench-c%d","placedAt":"%s","currency":"INR",'
            '"total":230.00,"lines":[{"sku":"CHAI","category":"drinks","quantity":2,"unitPrice":60.00},'
            '{"sku":"SAMOSA","category":"snacks","quantity":2,"unitPrice":55.00}]}' % (run, i, customer, placed))


async def exchange(reader, writer, request):
    writer.write(request)
    status = int((await reader.readline()).split()[1])
    length = 0
    while True:
        line = await reader.readline()
        if line in (b"\r\n", b""):
            break
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value)
    if length:
        await reader.readexactly(length)
    return status


def order(run, i, customers):
    return "/api/v1/orders", "", body(run, i, random.randrange(customers))


def redemption(reward, customer_ids):
    def request(run, i, _):
        return ("/api/v1/redemptions", "Idempotency-Key: open-%s-%d\r\n" % (run, i),
                '{"customerId":"%s","rewardId":"%s"}' % (random.choice(customer_ids), reward))
    return request


async def main(host, port, key, rate, seconds, customers, make=order):
    loop = asyncio.get_running_loop()
    run = str(int(time.time()))
    idle = []
    outcomes = []  # (status, latency in s); status 0: no answer
    head = "Host: %s:%d\r\nX-API-Key: %s\r\nContent-Type: application/json\r\n" % (host, port, key)

    async def one(i, due):
        path, headers, text = make(run, i, customers)
        payload = text.encode()
        request = ("POST %s HTTP/1.1\r\n%s%sContent-Length: %d\r\n\r\n" % (path, head, headers, len(payload))).encode() + payload
        conn = idle.pop() if idle else None
        try:
            if conn is None:
                conn = await asyncio.wait_for(asyncio.open_connection(host, port), TIMEOUT)
            status = await asyncio.wait_for(exchange(*conn, request), TIMEOUT - (loop.time() - due))
            outcomes.append((status, loop.time() - due))
            idle.append(conn)
        except (OSError, asyncio.TimeoutError, ValueError, IndexError, asyncio.IncompleteReadError):
            outcomes.append((0, loop.time() - due))
            if conn is not None:
                conn[1].close()

    total = rate * seconds
    start = loop.time() + 0.1
    tasks = []
    for i in range(total):
        due = start + i / rate
        wait = due - loop.time()
        if wait > 0:
            await asyncio.sleep(wait)
        tasks.append(asyncio.create_task(one(i, due)))
    await asyncio.wait(tasks, timeout=TIMEOUT + 5)
    elapsed = loop.time() - start
    answered = [o for o in outcomes if o[0]]
    print("target %d requests/s for %d s: sent %d, answered %d in %.1f s, no answer %d"
          % (rate, seconds, total, len(answered), elapsed, total - len(answered)))
    report("latency from due time, all answers", [o[1] for o in answered], total)
    for status in sorted({o[0] for o in outcomes}):
        report("  HTTP %d" % status if status else "  no answer", [o[1] for o in outcomes if o[0] == status], total)
    for _, writer in idle:
        writer.close()


def report(label, latencies, total):
    if not latencies:
        print("%s: none" % label)
        return
    latencies.sort()

    def pct(p):
        return latencies[min(len(latencies) - 1, max(0, int(p * len(latencies) + 0.999999) - 1))] * 1000

    print("%s: %d (%.1f %%)  p50 %.2f ms  p90 %.2f ms  p99 %.2f ms  max %.2f ms"
          % (label, len(latencies), 100.0 * len(latencies) / total, pct(0.5), pct(0.9), pct(0.99), latencies[-1] * 1000))


if __name__ == "__main__":
    h, p, k, r, s = sys.argv[1:6]
    if sys.argv[6] == "--redemptions":
        with open(sys.argv[8]) as f:
            ids = [line.strip() for line in f if line.strip()]
        asyncio.run(main(h, int(p), k, int(r), int(s), 0, redemption(sys.argv[7], ids)))
    else:
        asyncio.run(main(h, int(p), k, int(r), int(s), int(sys.argv[6])))
