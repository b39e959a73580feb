#!/usr/bin/env python3
"""A loopback HTTP source for bench/s3-copy.sh: GET /<n> streams n pseudo-random bytes with a Content-Length.

Bytes come from one 1 MiB block generated at start (seeded), sent in chunks that start at varying offsets, so memory
stays at that block whatever n is. Prints the port it listens on, then serves until killed.
"""
import http.server
import random

BLOCK = random.Random(42).randbytes(1 << 20)
HALF = 1 << 19


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_GET(self):
        try:
            total = int(self.path.strip("/"))
        except ValueError:
            self.send_error(404)
            return
        self.send_response(200)
        self.send_header("Content-Type", "application/octet-stream")
        self.send_header("Content-Length", str(total))
        self.end_headers()
        view = memoryview(BLOCK)
        sent = 0
        i = 0
        while sent < total:
            start = (i * 7919) % HALF
            chunk = view[start:start + min(total - sent, len(BLOCK) - start)]
            self.wfile.write(chunk)
            sent += len(chunk)
            i += 1

    def log_message(self, *args):
        pass


server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
print(server.server_address[1], flush=True)
server.serve_forever()
