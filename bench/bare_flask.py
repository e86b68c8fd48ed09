"""A bare Flask app, the baseline of bench/public_reads.py: one route answering a JSON list of
BARE_ITEMS objects of about BARE_BYTES bytes in all (public_reads.py sets both from the news feed),
serialised on every request as a plain Flask view would; no database, cache, limiter or compression.

    gunicorn -c gunicorn.conf.py bench.bare_flask:app
"""

import os

from flask import Flask, jsonify

ITEMS = int(os.environ.get("BARE_ITEMS", "20"))
BYTES = int(os.environ.get("BARE_BYTES", "8000"))
PAD = max(0, BYTES // ITEMS - 60)  # what each item's other fields and punctuation take, roughly

app = Flask(__name__)
news = [{"id": n, "slug": f"berita-{n}", "title": "Judul", "summary": "x" * PAD} for n in range(ITEMS)]


@app.get("/api/v1/news")
def feed():
    return jsonify({"items": news, "next": None})
