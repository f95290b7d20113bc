#!/usr/bin/env python3
"""Sends exactly N POST requests of one body over C keep-alive connections (scripts/bench-server's
RSS phases: wrk has no request count, and stopping its threads from Lua can leave it waiting).

fixed_requests.py URL N C BODY_FILE CONTENT_TYPE
"""
import http.client
import os
import sys
import threading
import urllib.parse

url, total, connections, body_file, content_type = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4], sys.argv[5]
parts = urllib.parse.urlsplit(url)
body = open(body_file, "rb").read()
lock = threading.Lock()
left = [total]
failures = [0]


def worker():
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=120)
    path = parts.path + ("?" + parts.query if parts.query else "")
    while True:
        with lock:
            if left[0] == 0:
                break
            left[0] -= 1
        headers = {"Content-Type": content_type}
        if os.environ.get("TOKEN"):
            headers["Authorization"] = "Bearer " + os.environ["TOKEN"]
        conn.request("POST", path, body=body, headers=headers)
        response = conn.getresponse()
        response.read()
        if response.status != 200:
            with lock:
                failures[0] += 1
    conn.close()


threads = [threading.Thread(target=worker) for _ in range(connections)]
for t in threads:
    t.start()
for t in threads:
    t.join()
if failures[0]:
    print(f"fixed_requests: {failures[0]} of {total} answers were not 200", file=sys.stderr)
    sys.exit(1)
