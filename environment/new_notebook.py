"""Creates or rewrites a notebook from a compact text source, with no outputs (committed notebooks stay clean).

Source format: cells separated by lines '## markdown' or '## code'. Usage:
    /usr/bin/python3 environment/new_notebook.py notebooks/src/00-getting-started.txt notebooks/00-getting-started.ipynb
"""
import sys

import nbformat


def main(src, dst):
    cells, kind, buf = [], None, []

    def flush():
        if kind is None:
            return
        text = "\n".join(buf).strip("\n")
        cells.append(nbformat.v4.new_markdown_cell(text) if kind == "markdown" else nbformat.v4.new_code_cell(text))

    for line in open(src, encoding="utf-8").read().splitlines():
        if line.strip() in ("## markdown", "## code"):
            flush()
            kind, buf = line.strip()[3:], []
        else:
            buf.append(line)
    flush()
    nb = nbformat.v4.new_notebook(cells=cells)
    nb.metadata["kernelspec"] = {"name": "hdnnp-java", "display_name": "Java (hdnnp-kit)", "language": "java"}
    nb.metadata["language_info"] = {"name": "java"}
    nbformat.write(nb, dst)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
