"""Embedders: the bundled e5 model, packaged sentence-transformers models, clear failures."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time

import numpy as np
import pytest
from conftest import ROOT

from index.embed import Embedder, EmbedderError, get_embedder
from index.normalize import unwrap
from index.parse import Plan


@pytest.fixture(scope="module")
def e5() -> Embedder:
    return get_embedder("e5")


def test_e5_vectors_are_384_d_and_unit_length(e5: Embedder) -> None:
    assert (e5.name, e5.dim) == ("e5", 384)
    for vecs in (e5.queries(["Sở nào chủ trì nhiệm vụ 6đ?"]), e5.passages(["Về nhà ở", "Về giáo dục"])):
        assert vecs.dtype == np.float32
        assert vecs.shape[1] == 384
        np.testing.assert_allclose(np.linalg.norm(vecs, axis=1), 1.0, atol=1e-5)
    assert e5.queries([]).shape == (0, 384)


def test_get_embedder_returns_one_instance_per_name(e5: Embedder) -> None:
    assert get_embedder("e5") is e5


_QUERIES = [
    ("Kế hoạch hỗ trợ nhà ở xã hội cho hộ nghèo như thế nào?", "III.6.đ", "III.6.a"),
    ("Phổ cập giáo dục mầm non được thực hiện ra sao?", "III.6.a", "III.6.e"),
    ("Tỷ lệ dân số nông thôn được dùng nước sạch?", "III.6.e", "III.6.b"),
    ("Luật Bảo hiểm xã hội được triển khai thế nào?", "III.5.a", "III.6.d"),
    ("Tiếp cận thông tin, phát thanh truyền hình ở vùng sâu vùng xa", "III.6.d", "III.6.đ"),
]


@pytest.fixture(scope="module")
def section_vectors(e5: Embedder, web: Plan) -> dict[str, np.ndarray]:
    ids = sorted({sid for _, own, other in _QUERIES for sid in (own, other)})
    return dict(zip(ids, e5.passages([unwrap(web.body(sid)) for sid in ids]), strict=True))


@pytest.mark.parametrize(("query", "own", "other"), _QUERIES, ids=[q[1] for q in _QUERIES])
def test_a_vietnamese_query_is_closer_to_its_own_passage(
    e5: Embedder, section_vectors: dict[str, np.ndarray], query: str, own: str, other: str
) -> None:
    q = e5.queries([query])[0]
    assert section_vectors[own] @ q > section_vectors[other] @ q


def test_packaged_minilm_loads_offline() -> None:
    model = get_embedder("st:all-MiniLM-L6-v2")
    assert (model.name, model.dim) == ("st:all-MiniLM-L6-v2", 384)
    vecs = model.passages(["Which agency leads the housing task?", "Sở Xây dựng chủ trì"])
    assert vecs.shape == (2, 384)
    np.testing.assert_allclose(np.linalg.norm(vecs, axis=1), 1.0, atol=1e-5)
    q = model.queries(["housing for poor households"])[0]
    near, far = model.passages(["social housing for poor households", "football match results"]) @ q
    assert near > far


@pytest.mark.parametrize("name", ["bogus", "", "st:", "E5", "openai:text-embedding-3"])
def test_an_unknown_embedder_name_is_refused(name: str) -> None:
    with pytest.raises(EmbedderError, match="unknown embedder"):
        get_embedder(name)


# An unknown sentence-transformers model must fail at once and never reach the network. The
# load runs in a fresh interpreter, so that import order is under the test's control, with the
# model hub pointed at a local socket that reports any connection attempt.
_LOAD_UNKNOWN = """
import sys
{pre}
from index.embed import EmbedderError, get_embedder
try:
    get_embedder("st:no-such-org/no-such-model")
except EmbedderError as exc:
    sys.exit(f"EmbedderError: {{exc}}")
print("loaded a model that does not exist")
"""


def _load_unknown_model(pre: str = "") -> str:
    """stderr of the fresh interpreter; fails the test if it tries to reach the hub."""
    with socket.create_server(("127.0.0.1", 0)) as hub:
        env = {k: v for k, v in os.environ.items() if not k.startswith(("HF_", "TRANSFORMERS_"))}
        env["HF_ENDPOINT"] = f"http://127.0.0.1:{hub.getsockname()[1]}"
        proc = subprocess.Popen(
            [sys.executable, "-c", _LOAD_UNKNOWN.format(pre=pre)],
            cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )
        try:
            deadline = time.monotonic() + 60
            hub.settimeout(0.2)
            while proc.poll() is None or hub.gettimeout() != 0.01:
                if proc.poll() is not None:
                    hub.settimeout(0.01)  # one last look for a connection made just before exit
                try:
                    hub.accept()[0].close()
                except TimeoutError:
                    assert time.monotonic() < deadline, "loading an unknown model hung"
                    continue
                pytest.fail("loading an unknown model tried to reach the model hub")
        finally:
            if proc.poll() is None:
                proc.kill()
            _, err = proc.communicate()
    assert proc.returncode == 1, err[-2000:]
    return err


def test_an_unknown_st_model_fails_without_network() -> None:
    err = _load_unknown_model()
    assert "EmbedderError: cannot load sentence-transformers model 'no-such-org/no-such-model'" in err
    assert "nothing is downloaded" in err


def test_an_unknown_st_model_fails_without_network_after_gradio_was_imported() -> None:
    err = _load_unknown_model(pre="import gradio")
    assert "nothing is downloaded" in err
