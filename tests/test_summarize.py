"""The bottom line: every algorithm honours the requested length; ours reads like a lead, skips
boilerplate and repeats, plugs into sumy, and stays linear."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from scipy import sparse

from briefer.summarize import ALGORITHMS, DEFAULT_ALGORITHM, summarize, summary_count, words_of
from tests.conftest import ROOT, SAMPLES, SEED, SHARED

STORY = [
    "The central bank raised interest rates by half a point on Tuesday to curb inflation.",
    "Inflation reached nine percent in May, the highest level in four decades.",
    "The bank said further interest rate rises were likely if inflation stayed high.",
    "Shares fell sharply after the announcement, and the currency rose against the dollar.",
    "Economists had expected a smaller rise in interest rates.",
    "The decision was the fifth increase in rates this year.",
    "Mortgage holders face higher monthly payments as rates climb.",
    "The bank will meet again in September to review inflation and rates.",
]


def _brief_json(cli, *argv: str) -> dict:
    status, out, err = cli(*argv, "--format", "json")
    assert status == 0, err
    return json.loads(out)


def test_ours_is_the_default_and_listed():
    assert DEFAULT_ALGORITHM == "briefer"
    assert {"briefer", "lead", "lexrank", "textrank", "reduction"} <= set(ALGORITHMS)


@pytest.mark.parametrize("algorithm", list(ALGORITHMS))
def test_every_algorithm_gives_the_requested_number_of_sentences(cli, algorithm):
    brief = _brief_json(cli, SEED, "--sentences", "2", "--algorithm", algorithm)
    picks = [(i["source"], i["sentence"]) for i in brief["summary"]]
    assert len(picks) == 2
    assert picks == sorted(set(picks)), "distinct sentences, in source order"


@pytest.mark.parametrize("algorithm", ["briefer", "lead", "lexrank", "reduction"])
def test_ratio_is_a_share_of_the_sentences(cli, algorithm):
    brief = _brief_json(cli, SEED, "--ratio", "0.25", "--algorithm", algorithm)
    total = len(brief["sources"][0]["sentences"])
    assert len(brief["summary"]) == summary_count(total, ratio=0.25) > 0


@pytest.mark.parametrize("algorithm", ["briefer", "lead", "textrank"])
def test_a_two_sentence_article_is_its_own_bottom_line(cli, tmp_path, algorithm):
    story = tmp_path / "short.txt"
    story.write_text("The central bank raised rates. Shares fell.\n", encoding="utf-8")
    brief = _brief_json(cli, story, "--algorithm", algorithm, "--sentences", "5")
    assert [i["text"] for i in brief["summary"]] == ["The central bank raised rates.", "Shares fell."]


@pytest.mark.parametrize("algorithm", list(ALGORITHMS))
def test_tiny_inputs_and_zero_counts(algorithm):
    assert summarize([], 3, algorithm=algorithm) == []
    assert summarize(STORY[:1], 0, algorithm=algorithm) == []
    assert [p.index for p in summarize(STORY[:1], 3, algorithm=algorithm)] == [0]
    assert [p.index for p in summarize(STORY[:3], 3, algorithm=algorithm)] == [0, 1, 2]


def test_ties_go_to_the_earlier_sentence():
    unrelated = ["Apples grow on old trees.", "Rivers carry cold water.", "Engines burn diesel fuel."]
    assert [p.index for p in summarize(unrelated * 1, 1)] == [0]
    assert [p.index for p in summarize(unrelated, 2)] == [0, 1]


def test_a_short_bottom_line_reads_like_a_lead():
    picks = summarize(STORY, 3, title="Central bank raises interest rates to curb inflation")
    assert picks[0].index == 0
    assert max(p.score for p in picks) == 1.0


def test_boilerplate_and_bylines_are_not_the_bottom_line():
    page = [
        "By Daily Mail Reporter",
        "PUBLISHED: 10:40 EST, 2 May 2013",
        "Click here to follow us on Twitter and sign up to our newsletter.",
        *STORY,
    ]
    picks = summarize(page, 3, title="Central bank raises interest rates")
    assert min(p.index for p in picks) >= 3
    assert [p.index for p in summarize(page, 3, algorithm="lead")] == [0, 1, 2]


def test_a_quotation_without_its_speaker_yields_to_reported_facts():
    story = ['"We will do whatever it takes on rates and inflation."', *STORY]
    assert 0 not in [p.index for p in summarize(story, 2, title="Bank raises interest rates")]


@pytest.mark.parametrize("algorithm", ["briefer", "lexrank", "reduction"])
def test_a_repeated_sentence_is_picked_once_and_mapped_back_by_position(algorithm):
    story = [*STORY[:4], STORY[0], *STORY[4:]]  # the lead repeated as the fifth sentence
    indices = [p.index for p in summarize(story, 4, algorithm=algorithm)]
    assert len(indices) == len(set(indices)) == 4
    if algorithm == "briefer":
        assert not {0, 4} <= set(indices)


class _Words:
    """A tokenizer for sumy's document model that needs no NLTK data."""

    language = "english"

    def to_words(self, text: str) -> tuple[str, ...]:
        return tuple(text.rstrip(".").split())


def test_ours_runs_on_sumys_own_document_model():
    from sumy.models.dom import ObjectDocumentModel, Paragraph, Sentence

    from briefer.centrality import CentralitySummarizer

    tokenizer = _Words()
    heading = Sentence("Bank raises interest rates", tokenizer, is_heading=True)
    body = [Sentence(s, tokenizer) for s in [*STORY, STORY[0]]]
    document = ObjectDocumentModel([Paragraph([heading, *body])])
    chosen = CentralitySummarizer()(document, 3)
    assert len(chosen) == 3
    positions = [next(i for i, s in enumerate(body) if s is c) for c in chosen]
    assert positions == sorted(positions) and positions[0] == 0
    assert all(c is not heading for c in chosen)


def test_the_default_summarizer_does_not_import_sumy():
    code = (
        "import sys; from briefer.summarize import summarize; "
        f"print(len(summarize({STORY!r}, 3))); print('sumy' in sys.modules, 'nltk' in sys.modules)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.split()
    assert out == ["3", "False", "False"]


def test_directed_centrality_equals_the_pairwise_sums_without_building_them():
    from briefer.centrality import directed_sums

    rng = np.random.default_rng(7)
    x = sparse.random(60, 40, density=0.1, random_state=rng, format="csr")
    before, after = directed_sums(x)
    pairs = (x @ x.T).toarray()
    np.testing.assert_allclose(before, np.tril(pairs, -1).sum(axis=1), atol=1e-9)
    np.testing.assert_allclose(after, np.triu(pairs, 1).sum(axis=1), atol=1e-9)


def test_the_evaluation_scores_every_algorithm_on_bbc_dev():
    folder = SHARED / "eval"
    if not (folder / "bbc-summaries-dev.jsonl").is_file():
        pytest.skip("../shared/eval is not here")
    from briefer.evaluation.summaries import run

    rows = run(Path(folder), limit=3)
    systems = [r.system for r in rows if r.task.startswith("summaries: BBC dev")]
    assert systems == list(ALGORITHMS)
    ours = next(r for r in rows if r.system == "briefer")
    assert set(ours.metrics) >= {"rouge1", "rouge2", "rougeLsum", "ms/doc"}
    lead = next(r for r in rows if r.system == "lead")
    assert ours.metrics["rouge1"] > lead.metrics["rouge1"] + 5, "ours beats Lead on BBC's references"
    assert all(0 < r.metrics["rouge1"] <= 100 for r in rows if r.task.startswith("summaries: BBC dev"))


def test_the_evaluation_puts_lead_3_beside_ours_on_cnn_dailymail_highlights():
    folder = SHARED / "eval"
    if not (folder / "cnndm-sample-dev.jsonl").is_file():
        pytest.skip("../shared/eval is not here")
    from briefer.evaluation.summaries import run

    rows = [r for r in run(Path(folder), limit=4) if r.task.startswith("summaries: CNN/DM")]
    assert [r.system for r in rows] == ["briefer", "lead"]
    assert all(r.n == 4 and 0 < r.metrics["rouge1"] <= 100 for r in rows)


def test_a_wire_dateline_stays_with_its_sentence():
    from tests.conftest import parse_texts

    text = "WASHINGTON (CNN) -- Doctors removed five small polyps from the president's colon on Saturday."
    parsed = parse_texts((None, text + " He is resting at Camp David."))[0]
    assert [s.text for s in parsed.sentences] == [text, "He is resting at Camp David."]


def test_three_sentences_of_a_statement_stay_near_its_lead(cli):
    """Three of fifteen sentences: the lead and the two or so after it, not a central sentence
    further down (on news with human highlights, Lead-3 beats reaching deeper)."""
    path = SAMPLES / "ethiopia_tigray_2021" / "2021-05-26_wh_statement-biden-crisis-in-ethiopia.txt"
    brief = _brief_json(cli, path, "--sentences", "3")
    assert len(brief["sources"][0]["sentences"]) >= 15
    picks = [i["sentence"] for i in brief["summary"]]
    assert picks[0] == 0 and max(picks) < 3 + 2


def test_short_and_long_inputs_take_the_same_scores_dense_or_sparse():
    """Short texts use numpy arrays (no scipy import at start-up), long ones scipy: same maths."""
    from briefer.centrality import Weights, _mmr, _row_normalise, rate, term_matrix
    from briefer.ingest import load_articles

    article = load_articles([str(SAMPLES / "voa_reposts")])[0]
    sentences = [words_of(p) for p in article.paragraphs]
    texts = list(article.paragraphs)
    picks = []
    for dense in (True, False):
        matrix, vocab = term_matrix(sentences, dense=dense)
        scores = rate(matrix, np.zeros(len(vocab)), texts, 3, Weights())
        picks.append((np.round(scores, 9).tolist(), _mmr(scores, _row_normalise(matrix), 3, 0.2)))
    assert picks[0] == picks[1]


def test_a_brief_of_one_article_does_not_import_scipy():
    code = (
        "import sys; from briefer import build_brief;"
        f"build_brief([{str(SAMPLES / '000_479c8156071b18c9.txt')!r}]);"
        "sys.exit(1 if 'scipy.sparse' in sys.modules else 0)"
    )
    assert subprocess.run([sys.executable, "-c", code], timeout=120).returncode == 0
