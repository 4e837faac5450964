"""The same files give the same register however the import is batched or resumed.

Three throw-away databases of the current engine (SQLite, or PostgreSQL with
DATABASE_URL) take the same files: in one run; in two runs of half the files each; and
in a run killed with SIGKILL part-way and then run again over every file. Their
``export_json`` outputs must be identical.
"""

import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from django.conf import settings
from django.test import SimpleTestCase, tag

from bench.benchmarking import ThrowAwayDatabases, run_manage
from bench.synthetic.articles import write_corpus

SAMPLES = Path(settings.BASE_DIR) / "fixtures" / "articles"
# A body no reference file knows, named in full in an early file and only by its acronym
# in a late one: what the late file yields must not depend on whether the early one was
# imported in the same run.
EARLY = """Basin authority founded

VALDORA, June 3, 2024 (Agency) -- Foreign Minister Odile Varenne of France and Foreign \
Minister Piet Janssen of the Netherlands launched the Kestrel Basin Authority (KBA) in \
Valdora on Monday.
"""
LATE = """Basin authority meets

VALDORA, June 10, 2024 (Agency) -- KBA Director General Lina Morel met Foreign Minister \
Piet Janssen of the Netherlands in Valdora on Monday.
"""


@tag("slow")
class BatchingTests(SimpleTestCase):
    databases = "__all__"

    def setUp(self):
        self.workdir = Path(tempfile.mkdtemp(prefix="determinism-"))
        self.addCleanup(shutil.rmtree, self.workdir, ignore_errors=True)
        self.databases_made = ThrowAwayDatabases(self.workdir)
        self.addCleanup(self.databases_made.drop_all)
        corpus = self.workdir / "corpus"
        write_corpus(corpus, articles=16, seed=7)
        for sample in sorted(SAMPLES.iterdir()):
            shutil.copy(sample, corpus / f"sample-{sample.name}")
        (corpus / "0-early.txt").write_text(EARLY, encoding="utf-8")
        (corpus / "z-late.txt").write_text(LATE, encoding="utf-8")
        self.files = sorted(str(p) for p in corpus.iterdir())

    def import_files(self, url, files):
        status, text, _, _ = run_manage(["import_articles", *files, "--no-progress"], url)
        self.assertEqual(status, 0, text[-2000:])

    def export(self, url):
        out = self.workdir / f"export-{abs(hash(url))}.json"
        run_manage(["export_json", "--output", str(out)], url, check=True)
        return json.loads(out.read_text(encoding="utf-8"))

    def import_killed_part_way(self, url, files, after=4):
        """Start importing ``files`` and SIGKILL the importer once ``after`` are written."""
        env = dict(os.environ, DATABASE_URL=url, PYTHONUNBUFFERED="1")
        child = subprocess.Popen(
            [sys.executable, "manage.py", "import_articles", *files, "-v", "2", "--no-progress"],
            cwd=settings.BASE_DIR,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        )
        written = 0
        deadline = time.monotonic() + 300
        for line in child.stdout:
            written += line.startswith("created ")
            if written >= after or time.monotonic() > deadline:
                break
        child.send_signal(signal.SIGKILL)
        child.wait()
        child.stdout.close()
        self.assertGreaterEqual(written, after, "the importer ended before it could be killed")

    def test_one_run_two_runs_and_a_killed_resumed_run_give_the_same_register(self):
        half = len(self.files) // 2
        one_run = self.databases_made.new()
        self.import_files(one_run, self.files)
        two_runs = self.databases_made.new()
        self.import_files(two_runs, self.files[:half])
        self.import_files(two_runs, self.files[half:])
        resumed = self.databases_made.new()
        self.import_killed_part_way(resumed, self.files)
        self.import_files(resumed, self.files)

        expected = self.export(one_run)
        self.assertGreater(len(expected["meetings"]), 10)
        self.assertEqual(self.export(two_runs), expected)
        self.assertEqual(self.export(resumed), expected)
