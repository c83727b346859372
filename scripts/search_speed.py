"""First search results on a phone-speed CPU: Chromium slowed 4 times, a fresh home page, a query typed, until
the first results show (the documents, MiniSearch and the ranking load and the index is built meanwhile).

    .venv/bin/python scripts/search_speed.py SITE_DIR ["a query" ...]

Prints the median and every run (5 per query). A figure, not a test: it depends on the machine and its load.
"""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import benchmark  # noqa: E402

if __name__ == "__main__":
    site, queries = Path(sys.argv[1]), sys.argv[2:] or ["raising a concern"]
    server, base = benchmark.serve(site)
    try:
        for query in queries:
            times = sorted(benchmark.first_search(base, query, runs=5))
            print(f"{query!r}: median {times[2]:.2f} s ({', '.join(f'{t:.2f}' for t in times)})")
    finally:
        server.shutdown()
