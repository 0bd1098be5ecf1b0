"""A fresh understander asked by several threads at once (a server's first requests): every
thread gets a reading. Its per-language tools were built lazily without a lock, and a thread could
see the parser before the citation index existed (KeyError 'en', found by ``python -m eval.soak``)."""

from __future__ import annotations

import threading

from assistant.understand import Understander


def test_first_questions_from_many_threads_at_once_all_get_a_reading(catalog):
    for _ in range(3):  # the race needs the threads to arrive while the tools are being built
        understander = Understander(catalog)
        start, results, errors = threading.Barrier(8), [], []

        def ask(question: str) -> None:
            start.wait()
            try:
                results.append(understander.understand(question))
            except Exception as exc:  # noqa: BLE001 - collected and asserted below
                errors.append(repr(exc))

        threads = [threading.Thread(target=ask, args=(q,)) for q in ["who built BERT?", "compare BERT and RoBERTa"] * 4]
        for t in threads:
            t.start()
        for t in threads:
            t.join(120)
        assert errors == [] and len(results) == 8
        assert len(understander.parsers) == len(understander.citations) == 1
