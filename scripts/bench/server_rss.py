#!/usr/bin/env python3
"""The server's RSS before and after requests it refuses or gives up on (issue #24, criterion 1):
each kind is sent after the server has settled under ordinary renders, and its RSS afterwards
(once the work it started has ended) is compared with the RSS just before.

server_rss.py URL TOKEN PID SAMPLE_CASE
"""
import http.client
import re
import sys
import threading
import time
import urllib.parse

url, token, pid, sample_path = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
parts = urllib.parse.urlsplit(url)
sample = open(sample_path, encoding="utf-8").read()
auth = {"Authorization": "Bearer " + token}


def rss_kb():
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    raise SystemExit("no VmRSS")


def post(path, body, content_type="application/yaml", chunked=False, headers=None):
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=300)
    all_headers = {"Content-Type": content_type, **auth, **(headers or {})}
    if chunked:
        def pieces():
            step = 1 << 20
            for start in range(0, len(body), step):
                yield body[start:start + step]
        conn.request("POST", path, body=pieces(), headers=all_headers, encode_chunked=True)
    else:
        conn.request("POST", path, body=body, headers=all_headers)
    try:
        response = conn.getresponse()
        response.read()
        return response.status
    except (ConnectionError, http.client.HTTPException):
        return "closed"
    finally:
        conn.close()


def ordinary(count, connections=4):
    """`count` renders of the sample plan over `connections` connections (every render thread used)."""
    left = [count]
    lock = threading.Lock()

    def worker():
        conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=120)
        while True:
            with lock:
                if left[0] == 0:
                    break
                left[0] -= 1
            conn.request("POST", "/api/v1/render?kind=support-plan", body=sample.encode(),
                         headers={"Content-Type": "application/yaml", **auth})
            response = conn.getresponse()
            response.read()
            if response.status != 200:
                raise SystemExit(f"ordinary render answered {response.status}")
        conn.close()

    threads = [threading.Thread(target=worker) for _ in range(connections)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()


def settled():
    """RSS once it has stopped moving (the work a refused request started may still be ending)."""
    last = rss_kb()
    for _ in range(120):
        time.sleep(0.5)
        now = rss_kb()
        if abs(now - last) < 256:
            return now
        last = now
    return last


def with_free_text(text_bytes):
    """The sample with its first free-text issue made `text_bytes` long."""
    filler = ("朝の支度に時間がかかり、登校が遅れることがある。" * (text_bytes // 60 + 1))
    return re.sub(r'(- text: )[^\n]*', lambda m: m.group(1) + '"' + filler + '"', sample, count=1).encode()


def alias_bomb():
    """A 200 KB scalar aliased 60 times: 12 MB once expanded (E012), 200 KB on the wire."""
    scalar = "あ" * 70_000
    lines = sample.rstrip("\n") + "\nextra_notes:\n  base: &big \"" + scalar + "\"\n"
    lines += "".join(f"  copy{i}: *big\n" for i in range(60))
    return lines.encode()


def big_packet(cases=12):
    """A meeting with `cases` inline plans; sent with copies=200 it runs past a short budget."""
    body = ["version: 1", 'municipality: "122297"', "meeting:", "  kind: 進行管理会議",
            "  title: 測定用の会議", "  date: 2025-02-14", "documents: [support-plan]", "cases:"]
    case_lines = [line for line in sample.splitlines() if not line.lstrip().startswith("#") and line.strip()]
    for index in range(cases):
        body.append("  - agenda: 協議")
        body.append("    case:")
        for line in case_lines:
            line = line.replace('id: "R6-0042"', f'id: "R6-9{index:03d}"')
            body.append("      " + line)
    return ("\n".join(body) + "\n").encode()


kinds = [
    ("60 MB body, Content-Length (413)", lambda: post("/api/v1/render?kind=support-plan", b"x" * (60 << 20))),
    ("60 MB body, chunked (413 after 8 MB)", lambda: post("/api/v1/render?kind=support-plan", b"x" * (60 << 20), chunked=True)),
    ("6.8 MB body of free text (E014, 422)", lambda: post("/api/v1/render?kind=support-plan", with_free_text(5 << 20))),
    ("YAML alias bomb, 12 MB expanded (E012, 422)", lambda: post("/api/v1/render?kind=support-plan", alias_bomb())),
    ("packet of 12 cases x 200 copies past --render-timeout (503)", lambda: post("/api/v1/packets?copies=200", big_packet())),
]

ordinary(300)
print(f"after 300 ordinary renders: {settled()} kB")
worst = 0.0
for name, send in kinds:
    ordinary(40)
    before = settled()
    statuses = [send() for _ in range(3)]
    after = settled()
    ordinary(40)
    later = settled()
    change = 100.0 * (after - before) / before
    worst = max(worst, change)
    print(f"{name}: answered {statuses}; RSS before {before} kB, after {after} kB ({change:+.1f}%), "
          f"after 40 more renders {later} kB")
print(f"largest change: {worst:+.1f}% (criterion: within 10%)")
