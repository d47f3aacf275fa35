"""Writes the kit's Jupyter kernelspec (rapaio-jupyter-kernel + the kit's jar and dependency jars on RJK_CLASSPATH).

The spec lives inside the project (environment/jupyter/kernels/hdnnp-java) and is found through JUPYTER_PATH, so
nothing is installed into the user's Jupyter. Written to a temp file and moved into place.
"""
import argparse
import glob
import json
import os
import tempfile


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--kernel-jar", required=True)
    ap.add_argument("--kit-home", required=True)
    ap.add_argument("--out", required=True)
    a = ap.parse_args()
    home = os.path.abspath(a.kit_home)
    jars = [os.path.join(home, "target", "hdnnp-kit.jar")] + sorted(glob.glob(os.path.join(home, "target", "lib", "*.jar")))
    missing = [j for j in jars if not os.path.isfile(j)]
    if missing:
        raise SystemExit("kernelspec: missing jars (build first): %s" % missing[:3])
    spec = {
        "argv": ["java", "--add-modules=jdk.incubator.vector", "-Xmx10g", "-Djava.awt.headless=true",
                 "-Dslf4j.internal.verbosity=WARN", "-jar", os.path.abspath(a.kernel_jar), "{connection_file}"],
        "display_name": "Java (hdnnp-kit)",
        "language": "java",
        "interrupt_mode": "message",
        "env": {
            "RJK_CLASSPATH": ";".join(jars),   # the kernel splits entries on ";" (each may be a glob)
            "RJK_COMPILER_OPTIONS": "--add-modules jdk.incubator.vector",
            "RJK_INIT_SCRIPT": "",
            "RJK_MIMA_CACHE": os.path.join(home, "build", "mima_cache"),
            "HDNNP_HOME": home,
            "OMP_NUM_THREADS": "1",
        },
        "metadata": {"generator": "environment/kernelspec.py"},
    }
    out = os.path.abspath(a.out)
    os.makedirs(os.path.dirname(out), exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=os.path.dirname(out), suffix=".tmp")
    with os.fdopen(fd, "w") as f:
        json.dump(spec, f, indent=2)
    os.replace(tmp, out)


if __name__ == "__main__":
    main()
