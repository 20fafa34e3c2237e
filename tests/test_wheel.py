"""The built wheel works on its own: installed outside the checkout, it finds its rule files and runs."""

from __future__ import annotations

import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.slow
def test_wheel_installs_and_extracts(tmp_path):
    dist = tmp_path / "dist"
    subprocess.run([sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(dist), str(ROOT)],
                   check=True, capture_output=True)
    wheel = next(dist.glob("pledgewatch-*.whl"))
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=False)
    python = env_dir / "bin" / "python"
    site = subprocess.run([python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                          check=True, capture_output=True, text=True).stdout.strip()
    # The dependencies (spaCy, the model, ...) come from this environment's site-packages by a .pth line;
    # pledgewatch itself only from the wheel, unpacked into the fresh environment.
    Path(site, "deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    import zipfile

    zipfile.ZipFile(wheel).extractall(site)
    doc = ROOT / "corpus" / "docs" / "dev" / "001-us-peru-reciprocal-trade.txt"
    code = (
        "import sys, pledgewatch.cli; "
        "assert 'pipeline' not in pledgewatch.cli.__file__, pledgewatch.cli.__file__; "
        "sys.argv = ['pledgewatch', 'extract', sys.argv[1]]; pledgewatch.cli.cli()"
    )
    result = subprocess.run([python, "-c", code, str(doc)], capture_output=True, text=True, cwd=tmp_path,
                            env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)})
    assert result.returncode == 0, result.stderr
    assert len(result.stdout.splitlines()) >= 5
    assert (Path(site) / "pledgewatch" / "patterns" / "commitment_cues.jsonl").is_file()
